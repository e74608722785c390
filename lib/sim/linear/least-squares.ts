/**
 * Ordinary least squares with an intercept, ŷ = β₀ + xᵀβ (ISLP §3.2): the linear regression the
 * Hitters lab fits with scikit-learn and the linear autoregression of the NYSE lab (§10.9.6).
 * Solved from the normal equations XᵀX β = Xᵀy by Gaussian elimination with partial pivoting;
 * with ≤ 20 standardised predictors that is exact enough and needs no tfjs.
 */
export interface LeastSquaresFit {
  intercept: number;
  coefficients: number[];
}

export function fitLeastSquares(x: ArrayLike<number>, y: ArrayLike<number>, features: number): LeastSquaresFit {
  const rows = y.length;
  if (x.length !== rows * features) throw new Error(`x has ${x.length} values; expected ${rows} × ${features}`);
  const size = features + 1;
  // Augmented system [XᵀX | Xᵀy] with a leading column of ones for the intercept.
  const a = Array.from({ length: size }, () => new Float64Array(size + 1));
  const row = new Float64Array(size);
  for (let r = 0; r < rows; r++) {
    row[0] = 1;
    for (let f = 0; f < features; f++) row[f + 1] = x[r * features + f] as number;
    const target = y[r] as number;
    for (let i = 0; i < size; i++) {
      const line = a[i] as Float64Array;
      const ri = row[i] as number;
      for (let j = 0; j < size; j++) line[j] = (line[j] as number) + ri * (row[j] as number);
      line[size] = (line[size] as number) + ri * target;
    }
  }
  const beta = solveAugmented(a, size);
  return { intercept: beta[0] as number, coefficients: beta.slice(1) };
}

export function predictLeastSquares(fit: LeastSquaresFit, x: ArrayLike<number>): Float32Array {
  const features = fit.coefficients.length;
  const rows = x.length / features;
  const out = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    let value = fit.intercept;
    for (let f = 0; f < features; f++) value += (fit.coefficients[f] as number) * (x[r * features + f] as number);
    out[r] = value;
  }
  return out;
}

function solveAugmented(a: Float64Array[], size: number): number[] {
  for (let col = 0; col < size; col++) {
    let pivot = col;
    for (let r = col + 1; r < size; r++) if (Math.abs((a[r] as Float64Array)[col] as number) > Math.abs((a[pivot] as Float64Array)[col] as number)) pivot = r;
    if (pivot !== col) [a[col], a[pivot]] = [a[pivot] as Float64Array, a[col] as Float64Array];
    const top = a[col] as Float64Array;
    const p = top[col] as number;
    if (Math.abs(p) < 1e-12) throw new Error("least squares: predictors are collinear (XᵀX is singular)");
    for (let r = 0; r < size; r++) {
      if (r === col) continue;
      const line = a[r] as Float64Array;
      const factor = (line[col] as number) / p;
      if (factor === 0) continue;
      for (let c = col; c <= size; c++) line[c] = (line[c] as number) - factor * (top[c] as number);
    }
  }
  return a.map((line, i) => (line[size] as number) / (line[i] as number));
}

/**
 * The lasso (ISLP §6.2.2) as the Hitters lab fits it (§10.9.1: scikit-learn's `ElasticNet` with
 * `l1_ratio=1`, a grid of 100 penalties from λ_max down to λ_max / 100, chosen by cross-validated
 * mean absolute error): minimise (1 / 2n) Σ (yᵢ − β₀ − xᵢᵀβ)² + λ Σ |βⱼ| by cyclic coordinate
 * descent (Friedman, Hastie and Tibshirani 2010), with the intercept left unpenalised. The
 * predictors are expected on comparable scales (the experiments standardise them with the training
 * rows, as the lab's StandardScaler does). No tfjs: 19 predictors and 175 rows take milliseconds.
 */
import { meanAbsoluteError } from "../metrics/regression-metrics";
import { permutation, type SeededRandom } from "../random/seeded-random";
import { predictLeastSquares, type LeastSquaresFit } from "./least-squares";

export interface LassoOptions {
  /** Coefficients to start from (the previous penalty's fit along a path). */
  start?: readonly number[];
  /** Stop when no coefficient moved by more than this (scaled by its column's spread) in a sweep. */
  tolerance?: number;
  maxSweeps?: number;
}

interface Centred {
  rows: number;
  xMeans: Float64Array;
  yMean: number;
  /** Centred predictors, row-major. */
  x: Float64Array;
  y: Float64Array;
  /** (1/n) Σ xᵢⱼ² of each centred column. */
  columnSquares: Float64Array;
}

function centre(x: ArrayLike<number>, y: ArrayLike<number>, features: number): Centred {
  const rows = y.length;
  if (x.length !== rows * features) throw new Error(`x has ${x.length} values; expected ${rows} × ${features}`);
  const xMeans = new Float64Array(features);
  let yMean = 0;
  for (let r = 0; r < rows; r++) {
    yMean += (y[r] as number) / rows;
    for (let f = 0; f < features; f++) xMeans[f] = (xMeans[f] as number) + (x[r * features + f] as number) / rows;
  }
  const cx = new Float64Array(rows * features);
  const cy = new Float64Array(rows);
  const columnSquares = new Float64Array(features);
  for (let r = 0; r < rows; r++) {
    cy[r] = (y[r] as number) - yMean;
    for (let f = 0; f < features; f++) {
      const value = (x[r * features + f] as number) - (xMeans[f] as number);
      cx[r * features + f] = value;
      columnSquares[f] = (columnSquares[f] as number) + (value * value) / rows;
    }
  }
  return { rows, xMeans, yMean, x: cx, y: cy, columnSquares };
}

/** The smallest penalty at which every coefficient is zero: max |xⱼᵀ(y − ȳ)| / n over centred columns. */
export function lassoLambdaMax(x: ArrayLike<number>, y: ArrayLike<number>, features: number): number {
  const c = centre(x, y, features);
  let max = 0;
  for (let f = 0; f < features; f++) {
    let dot = 0;
    for (let r = 0; r < c.rows; r++) dot += (c.x[r * features + f] as number) * (c.y[r] as number);
    max = Math.max(max, Math.abs(dot) / c.rows);
  }
  return max;
}

const softThreshold = (value: number, lambda: number) => (value > lambda ? value - lambda : value < -lambda ? value + lambda : 0);

function descend(c: Centred, features: number, lambda: number, options: LassoOptions): LeastSquaresFit {
  const tolerance = options.tolerance ?? 1e-9;
  const maxSweeps = options.maxSweeps ?? 10_000;
  const beta = Float64Array.from({ length: features }, (_, f) => options.start?.[f] ?? 0);
  // The residual y − Xβ, kept up to date as coefficients move.
  const residual = Float64Array.from(c.y);
  for (let f = 0; f < features; f++) {
    const b = beta[f] as number;
    if (b !== 0) for (let r = 0; r < c.rows; r++) residual[r] = (residual[r] as number) - (c.x[r * features + f] as number) * b;
  }
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let largestMove = 0;
    for (let f = 0; f < features; f++) {
      const squares = c.columnSquares[f] as number;
      if (squares === 0) continue;
      const old = beta[f] as number;
      let dot = 0;
      for (let r = 0; r < c.rows; r++) dot += (c.x[r * features + f] as number) * (residual[r] as number);
      const next = softThreshold(dot / c.rows + squares * old, lambda) / squares;
      if (next === old) continue;
      const move = next - old;
      for (let r = 0; r < c.rows; r++) residual[r] = (residual[r] as number) - (c.x[r * features + f] as number) * move;
      beta[f] = next;
      largestMove = Math.max(largestMove, Math.abs(move) * Math.sqrt(squares));
    }
    if (largestMove < tolerance) break;
  }
  let intercept = c.yMean;
  for (let f = 0; f < features; f++) intercept -= (c.xMeans[f] as number) * (beta[f] as number);
  return { intercept, coefficients: Array.from(beta) };
}

/** The lasso at one penalty λ ≥ 0 (λ = 0 is least squares). */
export function fitLasso(x: ArrayLike<number>, y: ArrayLike<number>, features: number, lambda: number, options: LassoOptions = {}): LeastSquaresFit {
  if (!(lambda >= 0)) throw new Error(`the lasso penalty must be ≥ 0; got ${lambda}`);
  return descend(centre(x, y, features), features, lambda, options);
}

/** The lab's grid: `count` penalties from λ_max down to λ_max · `smallest`, evenly spaced on a log scale. */
export function lassoLambdaGrid(lambdaMax: number, count = 100, smallest = 0.01): number[] {
  return Array.from({ length: count }, (_, i) => lambdaMax * Math.exp((Math.log(smallest) * i) / (count - 1)));
}

export interface LassoCrossValidation {
  fit: LeastSquaresFit;
  /** The penalty with the lowest cross-validated mean absolute error. */
  lambda: number;
  lambdas: number[];
  /** Mean absolute error on the held-out folds, per penalty (units of y). */
  cvMae: number[];
  /** Coefficients not shrunk to zero (the intercept not counted). */
  nonZero: number;
}

function rowsOf(x: ArrayLike<number>, y: ArrayLike<number>, features: number, rows: readonly number[]) {
  const sx = new Float64Array(rows.length * features);
  const sy = new Float64Array(rows.length);
  rows.forEach((row, i) => {
    sy[i] = y[row] as number;
    for (let f = 0; f < features; f++) sx[i * features + f] = x[row * features + f] as number;
  });
  return { x: sx, y: sy };
}

/**
 * The lab's choice of λ: K-fold cross-validation (folds drawn by `random`) over the grid, each fold
 * fitted along the whole path with warm starts, scored by mean absolute error on the held-out rows;
 * the winner is refitted on all rows.
 */
export function lassoByCrossValidation(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  features: number,
  random: SeededRandom,
  { folds = 10, count = 100, smallest = 0.01 }: { folds?: number; count?: number; smallest?: number } = {},
): LassoCrossValidation {
  const rows = y.length;
  const lambdas = lassoLambdaGrid(lassoLambdaMax(x, y, features), count, smallest);
  const order = permutation(rows, random);
  const foldOf = new Int32Array(rows);
  order.forEach((row, position) => (foldOf[row] = position % folds));
  const errorSums = new Float64Array(lambdas.length);
  for (let fold = 0; fold < folds; fold++) {
    const trainRows: number[] = [];
    const heldRows: number[] = [];
    for (let row = 0; row < rows; row++) (foldOf[row] === fold ? heldRows : trainRows).push(row);
    const train = rowsOf(x, y, features, trainRows);
    const held = rowsOf(x, y, features, heldRows);
    const centred = centre(train.x, train.y, features);
    let start: number[] | undefined;
    lambdas.forEach((lambda, i) => {
      const fit = descend(centred, features, lambda, { start });
      start = fit.coefficients;
      // Each fold weighs by its size, so the sum over folds is the mean over all rows.
      errorSums[i] = (errorSums[i] as number) + (meanAbsoluteError(held.y, predictLeastSquares(fit, held.x)) * heldRows.length) / rows;
    });
  }
  const cvMae = Array.from(errorSums);
  const best = cvMae.reduce((bestIndex, value, i) => (value < (cvMae[bestIndex] as number) ? i : bestIndex), 0);
  const lambda = lambdas[best] as number;
  const fit = fitLasso(x, y, features, lambda);
  return { fit, lambda, lambdas, cvMae, nonZero: fit.coefficients.filter((b) => b !== 0).length };
}

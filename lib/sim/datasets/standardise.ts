/**
 * Column standardisation, (x − mean) / sd, as the ISLP labs do before fitting networks (§10.9).
 * The statistics are computed on the rows given (the training rows, unless a lab says otherwise)
 * and then applied to any other rows with `applyStandardisation`.
 */
export interface ColumnStatistics {
  mean: number[];
  /** Sample standard deviation (n − 1), as pandas' `std()` in the labs; 1 for a constant column. */
  sd: number[];
}

/** Statistics of a row-major matrix with `columns` columns. */
export function columnStatistics(values: Float32Array | number[], columns: number): ColumnStatistics {
  const rows = values.length / columns;
  const mean = new Array<number>(columns).fill(0);
  const sd = new Array<number>(columns).fill(0);
  for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) mean[c] = (mean[c] as number) + (values[r * columns + c] as number);
  for (let c = 0; c < columns; c++) mean[c] = (mean[c] as number) / rows;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const d = (values[r * columns + c] as number) - (mean[c] as number);
      sd[c] = (sd[c] as number) + d * d;
    }
  }
  for (let c = 0; c < columns; c++) {
    const spread = Math.sqrt((sd[c] as number) / Math.max(1, rows - 1));
    sd[c] = spread > 0 ? spread : 1;
  }
  return { mean, sd };
}

export function applyStandardisation(values: Float32Array | number[], { mean, sd }: ColumnStatistics): Float32Array {
  const columns = mean.length;
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const c = i % columns;
    out[i] = ((values[i] as number) - (mean[c] as number)) / (sd[c] as number);
  }
  return out;
}

/**
 * Max pooling (ISLP §10.3.2): each non-overlapping size × size block is replaced by its largest
 * value, which shrinks the map and makes it tolerant of small shifts: a feature that moves within
 * its block leaves the pooled map unchanged. `invariance` measures that tolerance.
 */
import { gridAt, type Grid } from "./image";

export function maxPool(grid: Grid, size = 2): Grid {
  const height = Math.floor(grid.height / size);
  const width = Math.floor(grid.width / size);
  const values: number[] = [];
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      let best = -Infinity;
      for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) best = Math.max(best, gridAt(grid, r * size + i, c * size + j));
      values.push(best);
    }
  }
  return { height, width, values };
}

/**
 * Cosine similarity of two maps of the same size, compared cell by cell: 1 when the shifted digit
 * produced the same map, lower the more the map moved with it. Two blank maps count as identical.
 */
export function invariance(original: Grid, shifted: Grid): number {
  if (original.values.length !== shifted.values.length) throw new Error("maps differ in size");
  let dot = 0;
  let a = 0;
  let b = 0;
  original.values.forEach((value, i) => {
    const other = shifted.values[i] as number;
    dot += value * other;
    a += value * value;
    b += other * other;
  });
  if (a === 0 && b === 0) return 1;
  if (a === 0 || b === 0) return 0;
  return dot / Math.sqrt(a * b);
}

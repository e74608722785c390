/**
 * Convolution as ISLP §10.3.1 describes it: a small filter slides over the image and each output
 * cell is the dot product of the filter with the patch under it (plus a bias). tfjs' conv2d is
 * this cross-correlation (no flip), so the cells here equal what the network computes; the tests
 * check that. These pure versions give the page each cell's patch, filter and products for hover.
 */
import type { Localized } from "../engine/localized";
import { gridAt, type Grid } from "./image";

export interface Filter {
  /** "vertical edge", "learned 2"… */
  name: Localized;
  size: number;
  /** Row-major size × size weights. */
  weights: number[];
  bias: number;
}

/** Fixed 3 × 3 edge detectors (Prewitt): they respond where intensity changes across the filter. */
export const EDGE_FILTERS: readonly Filter[] = [
  { name: { en: "vertical edge", ko: "세로 경계" }, size: 3, weights: [-1, 0, 1, -1, 0, 1, -1, 0, 1], bias: 0 },
  { name: { en: "horizontal edge", ko: "가로 경계" }, size: 3, weights: [-1, -1, -1, 0, 0, 0, 1, 1, 1], bias: 0 },
  { name: { en: "diagonal edge ↘", ko: "대각선 경계 ↘" }, size: 3, weights: [0, 1, 1, -1, 0, 1, -1, -1, 0], bias: 0 },
  { name: { en: "diagonal edge ↙", ko: "대각선 경계 ↙" }, size: 3, weights: [1, 1, 0, 1, 0, -1, 0, -1, -1], bias: 0 },
];

export interface ConvolutionCell {
  row: number;
  column: number;
  /** The size × size patch of the image under the filter at this cell. */
  patch: number[];
  weights: number[];
  /** patch[i] · weights[i], element by element. */
  products: number[];
  /** Σ products. */
  dot: number;
  bias: number;
  /** dot + bias: the feature map's value here (before any activation). */
  value: number;
}

/** The work behind one cell of a "valid" convolution (stride 1): what the page shows on hover. */
export function convolutionCell(image: Grid, filter: Filter, row: number, column: number): ConvolutionCell {
  const patch: number[] = [];
  const products: number[] = [];
  let dot = 0;
  for (let i = 0; i < filter.size; i++) {
    for (let j = 0; j < filter.size; j++) {
      const pixel = gridAt(image, row + i, column + j);
      const weight = filter.weights[i * filter.size + j] as number;
      patch.push(pixel);
      products.push(pixel * weight);
      dot += pixel * weight;
    }
  }
  return { row, column, patch, weights: [...filter.weights], products, dot, bias: filter.bias, value: dot + filter.bias };
}

/** The whole "valid" feature map: (H − k + 1) × (W − k + 1). */
export function convolve(image: Grid, filter: Filter): Grid {
  const height = image.height - filter.size + 1;
  const width = image.width - filter.size + 1;
  const values: number[] = [];
  for (let r = 0; r < height; r++) for (let c = 0; c < width; c++) values.push(convolutionCell(image, filter, r, c).value);
  return { height, width, values };
}

export function relu(grid: Grid): Grid {
  return { ...grid, values: grid.values.map((v) => Math.max(0, v)) };
}

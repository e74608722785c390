/**
 * What a student who makes a known slip computes, for the templates whose answer is a whole
 * matrix (or one cell of it): the same calculator input, worked the mistaken way by the pure
 * closed forms, never typed by hand. A template lists `misconception: <name>` under `mistakes`;
 * the variant stores the computed value so that a typed answer equal to it gets the feedback.
 *
 * - `flipped-filter`: true (mathematical) convolution, the filter rotated 180° before the dot
 *   products, instead of the cross-correlation that CNN layers compute (ISLP §10.3.1);
 * - `average-pool`: the mean of each block instead of its largest value;
 * - `overlapping-pool`: the window moved one pixel at a time (stride 1, overlapping blocks)
 *   instead of by the pool size.
 */
import { convolve } from "./conv2d";
import { maxPool, pool } from "./max-pool";
import type { CalculatorInput, CalculatorName } from "./types";

/** Each misconception and the calculator whose answers it applies to. */
export const MISCONCEPTION_CALCULATOR = {
  "flipped-filter": "conv2d",
  "average-pool": "max-pool",
  "overlapping-pool": "max-pool",
} as const satisfies Record<string, CalculatorName>;

export type Misconception = keyof typeof MISCONCEPTION_CALCULATOR;

export const MISCONCEPTIONS = Object.keys(MISCONCEPTION_CALCULATOR) as [Misconception, ...Misconception[]];

/** The matrix turned half a turn: entry (a, b) of a k_h × k_w filter moves to (k_h − 1 − a, k_w − 1 − b). */
export function rotate180(matrix: readonly (readonly number[])[]): number[][] {
  return [...matrix].reverse().map((row) => [...row].reverse());
}

const mean = (values: number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;

function mistakenMap(name: Misconception, input: CalculatorInput): number[][] | null {
  switch (name) {
    case "flipped-filter":
      return input.calculator === "conv2d" ? convolve({ ...input, filter: rotate180(input.filter) }) : null;
    case "average-pool":
      return input.calculator === "max-pool" ? pool(input, mean) : null;
    case "overlapping-pool":
      return input.calculator === "max-pool" ? maxPool({ ...input, stride: 1 }) : null;
  }
}

/**
 * The value a student with this misconception types: the whole mistaken map, or the asked cell
 * of it. Null when the misconception does not apply (another calculator, a cell the mistaken map
 * does not have).
 */
export function misconceptionValue(name: Misconception, input: CalculatorInput): number | number[][] | null {
  const map = mistakenMap(name, input);
  if (map === null) return null;
  if (!("cell" in input) || input.cell === null) return map;
  return map[input.cell.row - 1]?.[input.cell.col - 1] ?? null;
}

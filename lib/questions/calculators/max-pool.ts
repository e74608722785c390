/**
 * Max pooling (ISLP §10.3.2): each output cell is the largest value in its block,
 * $$Y_{ij} = \max_{1 \le a, b \le k} X_{(i-1)s + a,\,(j-1)s + b},$$
 * with `valid` padding (blocks that do not fit are dropped). A 2×2 pool with stride 2 halves
 * each side.
 */
import { CELL_DECIMALS, integerAnswer, matrixAnswer, matrixToTex, numericAnswer } from "../answer-values";
import { formatNumber } from "../../model-core/format-number";
import type { CalculatorInput, CalculatorResult } from "./types";

type Input = Extract<CalculatorInput, { calculator: "max-pool" }>;

function block(input: Input, i: number, j: number): number[] {
  const values: number[] = [];
  for (let a = 0; a < input.size; a += 1) {
    for (let b = 0; b < input.size; b += 1) {
      const value = input.image[i * input.stride + a]?.[j * input.stride + b];
      if (value !== undefined) values.push(value);
    }
  }
  return values;
}

/** Each block reduced to one value: the largest for max pooling (the mean is a student's slip, misconceptions.ts). */
export function pool(input: Input, reduce: (values: number[]) => number): number[][] {
  const outRows = Math.floor((input.image.length - input.size) / input.stride) + 1;
  const outCols = Math.floor(((input.image[0]?.length ?? 0) - input.size) / input.stride) + 1;
  if (outRows < 1 || outCols < 1) throw new RangeError("the pool is larger than the image");
  return Array.from({ length: outRows }, (_, i) => Array.from({ length: outCols }, (_, j) => reduce(block(input, i, j))));
}

export function maxPool(input: Input): number[][] {
  return pool(input, (values) => Math.max(...values));
}

const list = (values: number[]): string => values.map((v) => formatNumber(v, { tex: true })).join(", ");

export function computeMaxPool(input: Input): CalculatorResult {
  const map = maxPool(input);
  const integral = map.every((row) => row.every(Number.isInteger));
  if (input.cell) {
    const { row, col } = input.cell;
    const value = map[row - 1]?.[col - 1];
    if (value === undefined) throw new RangeError(`cell (${row}, ${col}) is outside the pooled ${map.length}×${map[0]?.length ?? 0} map`);
    const tex = `$$Y_{${row},${col}} = \\max(${list(block(input, row - 1, col - 1))}) = ${formatNumber(value, { tex: true })}$$`;
    return { answer: integral ? integerAnswer(value) : numericAnswer(value, CELL_DECIMALS), work: { ko: tex, en: tex } };
  }
  const lines = map.flatMap((row, i) => row.map((value, j) => `Y_{${i + 1},${j + 1}} &= \\max(${list(block(input, i, j))}) = ${formatNumber(value, { tex: true })}`));
  const tex = `$$\\begin{aligned} ${lines.join(" \\\\ ")} \\end{aligned}$$\n\n$$Y = ${matrixToTex(map)}$$`;
  return { answer: matrixAnswer(map, CELL_DECIMALS), work: { ko: tex, en: tex } };
}

/**
 * Convolution of a small single-channel image with a filter, as CNN layers compute it
 * (cross-correlation: the filter is not flipped; ISLP §10.3.1, Figure 10.7):
 * $$Y_{ij} = \sum_{a=1}^{k_h}\sum_{b=1}^{k_w} X_{(i-1)s + a,\,(j-1)s + b}\; F_{ab}.$$
 * `same` padding follows tfjs/Keras: output ⌈n / s⌉, zero padding split with the extra row/column
 * at the bottom/right.
 */
import { CELL_DECIMALS, integerAnswer, matrixAnswer, matrixToTex, numericAnswer } from "../answer-values";
import { formatNumber } from "../../model-core/format-number";
import type { CalculatorInput, CalculatorResult, Padding } from "./types";

type Input = Extract<CalculatorInput, { calculator: "conv2d" }>;

/** Output length and leading zero padding along one axis. */
export function axisGeometry(n: number, k: number, stride: number, padding: Padding): { out: number; before: number } {
  if (padding === "valid") return { out: Math.floor((n - k) / stride) + 1, before: 0 };
  const out = Math.ceil(n / stride);
  const total = Math.max((out - 1) * stride + k - n, 0);
  return { out, before: Math.floor(total / 2) };
}

interface Term {
  pixel: number;
  weight: number;
}

function cellTerms(input: Input, i: number, j: number, rowsBefore: number, colsBefore: number): Term[] {
  const terms: Term[] = [];
  input.filter.forEach((filterRow, a) =>
    filterRow.forEach((weight, b) => {
      const r = i * input.stride + a - rowsBefore;
      const c = j * input.stride + b - colsBefore;
      terms.push({ pixel: input.image[r]?.[c] ?? 0, weight });
    }),
  );
  return terms;
}

export function convolve(input: Input): number[][] {
  const kh = input.filter.length;
  const kw = input.filter[0]?.length ?? 0;
  const rows = axisGeometry(input.image.length, kh, input.stride, input.padding);
  const cols = axisGeometry(input.image[0]?.length ?? 0, kw, input.stride, input.padding);
  if (rows.out < 1 || cols.out < 1) throw new RangeError("the filter is larger than the image");
  return Array.from({ length: rows.out }, (_, i) =>
    Array.from({ length: cols.out }, (_, j) => cellTerms(input, i, j, rows.before, cols.before).reduce((sum, t) => sum + t.pixel * t.weight, 0)),
  );
}

const num = (value: number): string => {
  const text = formatNumber(value, { tex: true });
  return value < 0 ? `(${text})` : text;
};

function termsTex(terms: Term[]): string {
  return terms.map((t) => `${num(t.pixel)} \\cdot ${num(t.weight)}`).join(" + ");
}

export function computeConv2d(input: Input): CalculatorResult {
  const map = convolve(input);
  const kh = input.filter.length;
  const kw = input.filter[0]?.length ?? 0;
  const rows = axisGeometry(input.image.length, kh, input.stride, input.padding);
  const cols = axisGeometry(input.image[0]?.length ?? 0, kw, input.stride, input.padding);
  const integral = map.every((row) => row.every(Number.isInteger));
  if (input.cell) {
    const { row, col } = input.cell;
    const value = map[row - 1]?.[col - 1];
    if (value === undefined) throw new RangeError(`cell (${row}, ${col}) is outside the ${map.length}×${map[0]?.length ?? 0} feature map`);
    const terms = cellTerms(input, row - 1, col - 1, rows.before, cols.before);
    const tex = `$$Y_{${row},${col}} = ${termsTex(terms)} = ${formatNumber(value, { tex: true })}$$`;
    return { answer: integral ? integerAnswer(value) : numericAnswer(value, CELL_DECIMALS), work: { ko: tex, en: tex } };
  }
  const first = `$$Y_{1,1} = ${termsTex(cellTerms(input, 0, 0, rows.before, cols.before))} = ${formatNumber(map[0]?.[0] ?? 0, { tex: true })}$$`;
  const whole = `$$Y = ${matrixToTex(map)}$$`;
  return {
    answer: matrixAnswer(map, CELL_DECIMALS),
    work: {
      ko: `${first}\n\n필터를 ${input.stride}칸씩 옮기며 같은 내적을 반복하면 특징 맵은\n\n${whole}`,
      en: `${first}\n\nSliding the filter ${input.stride} step${input.stride === 1 ? "" : "s"} at a time and repeating the dot product gives the feature map\n\n${whole}`,
    },
  };
}

/**
 * scikit-learn's `train_test_split` sizes for a float `test_size` (`_validate_shuffle_split`):
 * $$n_{\text{test}} = \lceil n \cdot t \rceil, \qquad n_{\text{train}} = n - n_{\text{test}}.$$
 * The Hitters lab: n = 263, t = 1/3 → 88 test and 175 training rows. The product is taken in
 * IEEE double precision, exactly as NumPy does, so the result matches Python bit for bit.
 */
import { integerAnswer } from "../answer-values";
import { formatNumber } from "../../model-core/format-number";
import { asSimpleFraction } from "../simple-fraction";
import type { CalculatorInput, CalculatorResult } from "./types";

type Input = Extract<CalculatorInput, { calculator: "train-test-split" }>;

export function splitSizes(n: number, testSize: number): { test: number; train: number } {
  const test = Math.ceil(testSize * n);
  return { test, train: n - test };
}

export function testSizeTex(testSize: number): string {
  const fraction = asSimpleFraction(testSize, 20);
  return fraction && fraction[1] !== 1 && !Number.isInteger(testSize * 100) ? `\\tfrac{${fraction[0]}}{${fraction[1]}}` : formatNumber(testSize, { tex: true, maxDecimals: 6 });
}

export function computeTrainTestSplit(input: Input): CalculatorResult {
  if (!(input.testSize > 0 && input.testSize < 1)) throw new RangeError(`test_size must be in (0, 1), got ${input.testSize}`);
  const { test, train } = splitSizes(input.n, input.testSize);
  if (test < 1 || train < 1) throw new RangeError(`n = ${input.n} with test_size ${input.testSize} leaves an empty part`);
  const n = formatNumber(input.n, { tex: true });
  const raw = input.n * input.testSize;
  // Truncated, not rounded, so that the ceiling of what is shown is the ceiling of the product.
  const product = Number.isInteger(raw) ? formatNumber(raw, { tex: true }) : `${formatNumber(Math.floor(raw * 1000) / 1000, { tex: true, fixedDecimals: 3 })}\\ldots`;
  const testLine = `n_{\\text{test}} = \\lceil ${n} \\cdot ${testSizeTex(input.testSize)} \\rceil = \\lceil ${product} \\rceil = ${test}`;
  const trainLine = `n_{\\text{train}} = ${n} - ${test} = ${train}`;
  const tex = `$$${testLine}, \\qquad ${trainLine}$$`;
  return { answer: integerAnswer(input.part === "test" ? test : train), work: { ko: tex, en: tex } };
}

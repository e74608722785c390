/**
 * Dropout with rate φ (ISLP §10.7.3): each unit is kept with probability 1 − φ during training,
 * and the survivors are scaled so that the layer's expected output is unchanged:
 * $$\mathbb{E}[\text{active units}] = u\,(1 - \varphi), \qquad \text{scale} = \frac{1}{1 - \varphi}.$$
 * At evaluation (`model.eval()` in PyTorch) dropout does nothing. It has no parameters.
 */
import { numericAnswer } from "../answer-values";
import { formatNumber } from "../../model-core/format-number";
import { equalsRounded } from "./activation";
import type { CalculatorInput, CalculatorResult } from "./types";

type Input = Extract<CalculatorInput, { calculator: "dropout" }>;

export function computeDropout(input: Input): CalculatorResult {
  if (!(input.rate >= 0 && input.rate < 1)) throw new RangeError(`the dropout rate must be in [0, 1), got ${input.rate}`);
  const rate = formatNumber(input.rate, { tex: true, maxDecimals: 6 });
  const units = formatNumber(input.units, { tex: true });
  if (input.part === "active") {
    const value = input.units * (1 - input.rate);
    const tex = `$$u\\,(1 - \\varphi) = ${units} \\cdot (1 - ${rate}) ${equalsRounded(value, input.decimals)}$$`;
    return { answer: numericAnswer(value, input.decimals), work: { ko: tex, en: tex } };
  }
  const value = 1 / (1 - input.rate);
  const tex = `$$\\frac{1}{1 - \\varphi} = \\frac{1}{1 - ${rate}} ${equalsRounded(value, input.decimals)}$$`;
  return { answer: numericAnswer(value, input.decimals), work: { ko: tex, en: tex } };
}

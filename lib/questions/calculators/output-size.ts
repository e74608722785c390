/**
 * Output side length of a convolution or pooling layer along one axis:
 * $$n_{\text{out}} = \left\lfloor \frac{n + 2p - k}{s} \right\rfloor + 1 \quad (\texttt{valid}: p = 0), \qquad n_{\text{out}} = \left\lceil \frac{n}{s} \right\rceil \quad (\texttt{same}).$$
 * Sources: Keras/tfjs `conv_utils.conv_output_length`; PyTorch `Conv2d` docs (dilation 1).
 */
import { integerAnswer } from "../answer-values";
import { formatNumber } from "../../model-core/format-number";
import type { CalculatorInput, CalculatorResult } from "./types";

type Input = Extract<CalculatorInput, { calculator: "output-size" }>;

export function outputSize(input: Input): number {
  if (input.padding === "same") return Math.ceil(input.input / input.stride);
  const pad = input.padding === "valid" ? 0 : input.padding;
  return Math.floor((input.input + 2 * pad - input.kernel) / input.stride) + 1;
}

export function computeOutputSize(input: Input): CalculatorResult {
  const value = outputSize(input);
  if (value < 1) throw new RangeError(`the ${input.layer === "conv" ? "filter" : "pool"} (${input.kernel}) does not fit the input (${input.input})`);
  const n = formatNumber(input.input, { tex: true });
  const s = input.stride;
  let tex: string;
  if (input.padding === "same") {
    tex = `$$n_{\\text{out}} = \\left\\lceil \\frac{n}{s} \\right\\rceil = \\left\\lceil \\frac{${n}}{${s}} \\right\\rceil = ${value}$$`;
  } else {
    const p = input.padding === "valid" ? 0 : input.padding;
    tex = `$$n_{\\text{out}} = \\left\\lfloor \\frac{n + 2p - k}{s} \\right\\rfloor + 1 = \\left\\lfloor \\frac{${n} + 2 \\cdot ${p} - ${input.kernel}}{${s}} \\right\\rfloor + 1 = ${value}$$`;
  }
  return { answer: integerAnswer(value), work: { ko: tex, en: tex } };
}

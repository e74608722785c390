/**
 * The single-layer network of ISLP §10.1, evaluated at one input:
 * $$A_k = g\Big(w_{k0} + \sum_{j=1}^{p} w_{kj} X_j\Big), \qquad f(X) = \beta_0 + \sum_{k=1}^{K} \beta_k A_k.$$
 */
import { numericAnswer } from "../answer-values";
import { formatNumber } from "../../model-core/format-number";
import { applyActivation, equalsRounded } from "./activation";
import type { CalculatorInput, CalculatorResult } from "./types";

type Input = Extract<CalculatorInput, { calculator: "single-layer-network" }>;

const num = (value: number): string => {
  const text = formatNumber(value, { tex: true, maxDecimals: 6 });
  return value < 0 ? `(${text})` : text;
};

/** The hidden activations A_k and the output f(X). */
export function forwardSingleLayer(input: Input): { activations: number[]; output: number } {
  const activations = input.weights.map((row, k) => {
    const z = row.reduce((sum, w, j) => sum + w * (input.x[j] ?? Number.NaN), input.biases[k] ?? Number.NaN);
    return applyActivation(input.activation, z);
  });
  const output = activations.reduce((sum, a, k) => sum + (input.beta[k] ?? Number.NaN) * a, input.beta0);
  return { activations, output };
}

export function computeSingleLayerNetwork(input: Input): CalculatorResult {
  if (input.weights.some((row) => row.length !== input.x.length)) throw new RangeError("each row of the weights must have one entry per input");
  if (input.biases.length !== input.weights.length || input.beta.length !== input.weights.length) {
    throw new RangeError("biases, beta and the rows of the weights must have one entry per hidden unit");
  }
  const { activations, output } = forwardSingleLayer(input);
  const g = input.activation === "relu" ? "\\mathrm{ReLU}" : input.activation === "sigmoid" ? "\\sigma" : "\\tanh";
  const hidden = input.weights.map((row, k) => {
    const sum = [num(input.biases[k] ?? 0), ...row.map((w, j) => `${num(w)} \\cdot ${num(input.x[j] ?? 0)}`)].join(" + ");
    return `A_{${k + 1}} &= ${g}\\left(${sum}\\right) ${equalsRounded(activations[k] ?? 0, input.decimals)}`;
  });
  const outputSum = [num(input.beta0), ...activations.map((a, k) => `${num(input.beta[k] ?? 0)} \\cdot ${formatNumber(a, { tex: true, maxDecimals: input.decimals })}`)].join(" + ");
  const lines = [...hidden, `f(X) &= ${outputSum} ${equalsRounded(output, input.decimals)}`];
  const tex = `$$\\begin{aligned} ${lines.join(" \\\\ ")} \\end{aligned}$$`;
  return { answer: numericAnswer(output, input.decimals), work: { ko: tex, en: tex } };
}

/**
 * Activation values (ISLP §10.1):
 * $$\sigma(z) = \frac{1}{1+e^{-z}} \in (0, 1), \qquad \mathrm{ReLU}(z) = (z)_+ = \max(0, z), \qquad \tanh(z) = \frac{e^{z}-e^{-z}}{e^{z}+e^{-z}}.$$
 */
import { numericAnswer } from "../answer-values";
import { formatNumber } from "../../model-core/format-number";
import type { ActivationName, CalculatorInput, CalculatorResult } from "./types";

export function applyActivation(fn: ActivationName, z: number): number {
  switch (fn) {
    case "sigmoid":
      return 1 / (1 + Math.exp(-z));
    case "relu":
      return Math.max(0, z);
    case "tanh":
      return Math.tanh(z);
  }
}

/** `= 0.5` when the shown digits are exact, `\approx 0.622` when they are rounded. */
export function equalsRounded(value: number, decimals: number): string {
  const shown = formatNumber(value, { tex: true, maxDecimals: decimals });
  const exact = Math.abs(Number(shown.replace(/\{,\}/g, "")) - value) < 1e-12;
  return `${exact ? "=" : "\\approx"} ${shown}`;
}

/** The activation line with a number in place of z, e.g. `σ(1.5) = 1/(1+e^{-1.5}) ≈ 0.818`. */
export function activationTex(fn: ActivationName, z: number, decimals: number): string {
  const zt = formatNumber(z, { tex: true, maxDecimals: 6 });
  const wrapped = z < 0 ? `(${zt})` : zt;
  const result = equalsRounded(applyActivation(fn, z), decimals);
  switch (fn) {
    case "sigmoid":
      return `\\sigma(${zt}) = \\frac{1}{1 + e^{-${wrapped}}} ${result}`;
    case "relu":
      return `\\mathrm{ReLU}(${zt}) = \\max(0, ${zt}) ${result}`;
    case "tanh":
      return `\\tanh(${zt}) = \\frac{e^{${zt}} - e^{-${wrapped}}}{e^{${zt}} + e^{-${wrapped}}} ${result}`;
  }
}

export function computeActivation(input: Extract<CalculatorInput, { calculator: "activation" }>): CalculatorResult {
  const value = applyActivation(input.fn, input.z);
  const line = `$$${activationTex(input.fn, input.z, input.decimals)}$$`;
  return { answer: numericAnswer(value, input.decimals), work: { ko: line, en: line } };
}

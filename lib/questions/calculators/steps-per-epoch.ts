/**
 * Minibatch SGD steps (ISLP §10.7.2; the Hitters lab: 175 / 32 = 5.5 → 6 steps):
 * $$\text{steps per epoch} = \left\lceil \frac{n}{B} \right\rceil, \qquad \text{total} = E \cdot \left\lceil \frac{n}{B} \right\rceil,$$
 * the last, smaller minibatch still being a step (PyTorch `DataLoader` with `drop_last=False`,
 * tfjs `model.fit`).
 */
import { integerAnswer } from "../answer-values";
import { formatNumber } from "../../model-core/format-number";
import type { CalculatorInput, CalculatorResult } from "./types";

type Input = Extract<CalculatorInput, { calculator: "steps-per-epoch" }>;

export function computeStepsPerEpoch(input: Input): CalculatorResult {
  const perEpoch = Math.ceil(input.n / input.batch);
  const exact = Number.isInteger(input.n / input.batch);
  // Truncated, not rounded, so that the ceiling of what is shown is the ceiling of the true ratio.
  const ratio = exact ? formatNumber(input.n / input.batch, { tex: true }) : formatNumber(Math.floor((input.n / input.batch) * 1000) / 1000, { tex: true, fixedDecimals: 3 });
  const n = formatNumber(input.n, { tex: true });
  const fraction = `\\left\\lceil \\frac{${n}}{${input.batch}} \\right\\rceil`;
  const ceiling = `\\left\\lceil ${exact ? ratio : `${ratio}\\ldots`} \\right\\rceil`;
  const tex =
    input.epochs === 1
      ? `$$${fraction} = ${ceiling} = ${perEpoch}$$`
      : `$$${input.epochs} \\cdot ${fraction} = ${input.epochs} \\cdot ${ceiling} = ${input.epochs} \\cdot ${perEpoch} = ${formatNumber(perEpoch * input.epochs, { tex: true })}$$`;
  return { answer: integerAnswer(perEpoch * input.epochs), work: { ko: tex, en: tex } };
}

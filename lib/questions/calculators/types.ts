/**
 * The calculators' results; their inputs are in ./input.ts.
 */
import type { Bilingual, ExpectedAnswer } from "../types";

export type { ActivationName, CalculatorInput, CalculatorName, Padding } from "./input";

export interface CalculatorResult {
  answer: ExpectedAnswer;
  /** The worked computation with the numbers (Markdown + display TeX). */
  work: Bilingual;
}

/** What the independent TensorFlow.js computation produced. */
export type CheckedValue = number | number[][];

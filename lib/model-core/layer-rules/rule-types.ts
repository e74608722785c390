import type { Formula } from "../formula";
import type { Shape } from "../shape";

/** One layer's parameters as one framework counts them. */
export interface ConventionCount {
  params: number;
  trainable: number;
  nonTrainable: number;
  /** `params − biases`: kernels, recurrent kernels, embedding rows, BatchNorm γ (and, in Keras, its moving statistics). */
  weights: number;
  /** Additive vectors: biases, BatchNorm β. */
  biases: number;
  formula: Formula;
}

/** Why PyTorch's count differs from tfjs' for this layer, in one line per language. */
export interface ConventionReason {
  en: string;
  ko: string;
}

/** What the closed form says about one layer, in both conventions at once. */
export interface LayerClosedForm {
  outputShape: number[];
  keras: ConventionCount;
  pytorch: ConventionCount;
  /** How the output size follows from the input, where that takes arithmetic (conv, pool, flatten). */
  shapeFormula?: Formula;
  /** ISLP's weight matrix with the bias folded in as an extra row: dense is (in + 1) × units. */
  islpWeightShape?: [number, number];
  /** Present exactly when `pytorch.params !== keras.params`. */
  pytorchReason?: ConventionReason;
}

export type RuleOutcome = { ok: true; value: LayerClosedForm } | { ok: false; error: string };

/** Where the layer sits: `index` is 0-based; `inputShape` is what the previous layer produced. */
export interface RuleContext {
  index: number;
  inputShape: Shape;
  /** The spec's convention, for the few shape rules in which the frameworks differ (flatten). */
  convention: "keras" | "pytorch";
}

export function accept(value: LayerClosedForm): RuleOutcome {
  return { ok: true, value };
}

export function reject(error: string): RuleOutcome {
  return { ok: false, error };
}

/** Most layers count the same in both frameworks. */
export function sameInBoth(count: ConventionCount): Pick<LayerClosedForm, "keras" | "pytorch"> {
  return { keras: count, pytorch: count };
}

export function allTrainable(weights: number, biases: number, formula: Formula): ConventionCount {
  const params = weights + biases;
  return { params, trainable: params, nonTrainable: 0, weights, biases, formula };
}

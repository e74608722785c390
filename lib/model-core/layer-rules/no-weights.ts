import { formula } from "../formula";
import type { ConventionCount } from "./rule-types";

/** Pooling, flatten, dropout and activation layers reshape or transform values but learn nothing. */
export const NO_WEIGHTS: ConventionCount = Object.freeze({
  params: 0,
  trainable: 0,
  nonTrainable: 0,
  weights: 0,
  biases: 0,
  formula: formula`0`,
});

/**
 * The tfjs module as a type. The engine receives tfjs as an argument (`RunContext.tf`) instead of
 * importing it, so pages can import lib/sim's experiments and protocol without loading tfjs; the
 * worker and the Node tests pass in the module they loaded (the same instance the model core uses).
 */
import type * as TF from "@tensorflow/tfjs";

export type Tf = typeof TF;
export type Tensor = TF.Tensor;
export type Sequential = TF.Sequential;
export type Optimizer = TF.Optimizer;

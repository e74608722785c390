import { formula } from "../formula";
import { describeShape, product } from "../shape";
import type { LayerOf } from "../spec-schema";
import { NO_WEIGHTS } from "./no-weights";
import { accept, reject, sameInBoth, type RuleContext, type RuleOutcome } from "./rule-types";

/**
 * Flatten: $$[d_1, \dots, d_k] \mapsto [d_1 \cdots d_k]$$, no parameters (ISLP (2023) §10.3.3:
 * the last CIFAR100 feature maps, 2 × 2 × 256, become 1,024 inputs of a dense layer).
 * tf.layers.flatten requires a multi-dimensional input (`minNDim: 3` with the batch axis), so under
 * the keras convention a flat input is rejected. PyTorch's `nn.Flatten` (start_dim = 1) passes a
 * flat input through unchanged — the ISLP Hitters lab model begins with one — so under the
 * pytorch convention it is accepted as the identity (and built in tfjs as a reshape to the same shape).
 */
export function deriveFlatten(_layer: LayerOf<"flatten">, { inputShape, convention }: RuleContext): RuleOutcome {
  if (inputShape.length < 2) {
    if (convention === "pytorch") return accept({ outputShape: [...inputShape], ...sameInBoth(NO_WEIGHTS) });
    return reject(`its input ${describeShape(inputShape)} is already flat (PyTorch's nn.Flatten would pass it through: use "convention": "pytorch")`);
  }
  const size = product(inputShape);
  const factors = inputShape.join("·");
  return accept({
    outputShape: [size],
    ...sameInBoth(NO_WEIGHTS),
    shapeFormula: formula`${factors} = ${size}`,
  });
}

/**
 * Dropout (ISLP (2023) §10.7.3) and a standalone activation (§10.1) act element by element: the
 * shape passes through and nothing is learned.
 */
export function derivePassThrough(_layer: LayerOf<"dropout" | "activation">, { inputShape }: RuleContext): RuleOutcome {
  return accept({ outputShape: [...inputShape], ...sameInBoth(NO_WEIGHTS) });
}

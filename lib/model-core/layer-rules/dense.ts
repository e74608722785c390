import { formula } from "../formula";
import type { LayerOf } from "../spec-schema";
import { accept, allTrainable, sameInBoth, type RuleContext, type RuleOutcome } from "./rule-types";

/**
 * Dense (fully connected): $$p = (n_{in} + 1)\,u$$ with the bias, $$p = n_{in}\,u$$ without.
 * Each of the u units has one weight per input plus an intercept (ISLP (2023) §10.1, eq. 10.1;
 * §10.2 counts the MNIST layers this way: (784 + 1) × 256 = 200,960). The book folds the bias in as
 * an extra row, so its W₁ is 785 × 256. Keras `Dense` and PyTorch `nn.Linear` count alike.
 * Like tf.layers.dense it acts on the last axis, so any input rank works.
 */
export function deriveDense(layer: LayerOf<"dense">, { inputShape }: RuleContext): RuleOutcome {
  const inputs = inputShape[inputShape.length - 1] ?? 0;
  const weights = inputs * layer.units;
  const biases = layer.useBias ? layer.units : 0;
  const text = layer.useBias
    ? formula`(${inputs} + 1) × ${layer.units} = ${weights + biases}`
    : formula`${inputs} × ${layer.units} = ${weights}`;
  return accept({
    outputShape: [...inputShape.slice(0, -1), layer.units],
    ...sameInBoth(allTrainable(weights, biases, text)),
    islpWeightShape: [layer.useBias ? inputs + 1 : inputs, layer.units],
  });
}

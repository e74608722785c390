import { formula } from "../formula";
import { describeShape } from "../shape";
import type { LayerOf } from "../spec-schema";
import { accept, allTrainable, reject, sameInBoth, type RuleContext, type RuleOutcome } from "./rule-types";

/**
 * Embedding: $$p = V \cdot m$$, one m-vector per word of the V-word dictionary, no bias (ISLP (2023)
 * §10.5.1: the IMDB model's 10,003 × 32 embedding). Keras `Embedding`, PyTorch `nn.Embedding`.
 * It reads the token ids of the input, so it must come first and the input must be [timesteps].
 */
export function deriveEmbedding(layer: LayerOf<"embedding">, { index, inputShape }: RuleContext): RuleOutcome {
  if (index !== 0) return reject("an embedding must be the first layer: it reads the token ids of the input");
  const [timesteps] = inputShape;
  if (inputShape.length !== 1 || timesteps === undefined) {
    return reject(`an embedding reads [timesteps] of token ids; the input is ${describeShape(inputShape)}`);
  }
  const weights = layer.inputDim * layer.outputDim;
  return accept({
    outputShape: [timesteps, layer.outputDim],
    ...sameInBoth(allTrainable(weights, 0, formula`${layer.inputDim} × ${layer.outputDim} = ${weights}`)),
  });
}

import type { LayerSpec } from "../spec-schema";
import { deriveBatchNorm } from "./batch-norm";
import { deriveConv2d } from "./conv2d";
import { deriveDense } from "./dense";
import { deriveEmbedding } from "./embedding";
import { derivePooling } from "./pooling";
import { deriveRecurrent } from "./recurrent";
import { deriveFlatten, derivePassThrough } from "./reshaping";
import type { RuleContext, RuleOutcome } from "./rule-types";

/** The closed form of one layer given the shape flowing into it. */
export function deriveLayer(layer: LayerSpec, context: RuleContext): RuleOutcome {
  switch (layer.type) {
    case "dense":
      return deriveDense(layer, context);
    case "conv2d":
      return deriveConv2d(layer, context);
    case "maxPool2d":
    case "avgPool2d":
      return derivePooling(layer, context);
    case "flatten":
      return deriveFlatten(layer, context);
    case "dropout":
    case "activation":
      return derivePassThrough(layer, context);
    case "embedding":
      return deriveEmbedding(layer, context);
    case "simpleRNN":
    case "lstm":
    case "gru":
      return deriveRecurrent(layer, context);
    case "batchNorm":
      return deriveBatchNorm(layer, context);
  }
}

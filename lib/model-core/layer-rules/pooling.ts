import { pair } from "../shape";
import type { LayerOf } from "../spec-schema";
import { NO_WEIGHTS } from "./no-weights";
import { accept, reject, sameInBoth, type RuleContext, type RuleOutcome } from "./rule-types";
import { slideWindow } from "./spatial-window";

/**
 * Max and average pooling: no parameters; each channel is summarised window by window, so a 2×2
 * pool halves height and width (ISLP (2023) §10.3.2). Strides default to the pool size.
 */
export function derivePooling(layer: LayerOf<"maxPool2d" | "avgPool2d">, { inputShape }: RuleContext): RuleOutcome {
  const poolSize = pair(layer.poolSize);
  const strides = layer.strides === undefined ? poolSize : pair(layer.strides);
  const window = slideWindow("pool", inputShape, poolSize, strides, layer.padding);
  if (!window.ok) return reject(window.error);
  return accept({
    outputShape: [window.height, window.width, inputShape[2] ?? 0],
    ...sameInBoth(NO_WEIGHTS),
    shapeFormula: window.shapeFormula,
  });
}

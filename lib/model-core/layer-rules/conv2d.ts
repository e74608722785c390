import { formula } from "../formula";
import { pair } from "../shape";
import type { LayerOf } from "../spec-schema";
import { accept, allTrainable, reject, sameInBoth, type RuleContext, type RuleOutcome } from "./rule-types";
import { slideWindow } from "./spatial-window";

/**
 * 2-D convolution: $$p = k_h \cdot k_w \cdot C_{in} \cdot F + F$$ — each of the F filters has a
 * k_h × k_w weight per input channel plus one bias (ISLP (2023) §10.3.1: "3·3·32·64 + 64 = 18,496"
 * for the second CIFAR100 layer). Keras `Conv2D` and PyTorch `nn.Conv2d` count alike.
 */
export function deriveConv2d(layer: LayerOf<"conv2d">, { inputShape }: RuleContext): RuleOutcome {
  const kernel = pair(layer.kernelSize);
  const window = slideWindow("kernel", inputShape, kernel, pair(layer.strides), layer.padding);
  if (!window.ok) return reject(window.error);
  const channels = inputShape[2] ?? 0;
  const weights = kernel[0] * kernel[1] * channels * layer.filters;
  const biases = layer.useBias ? layer.filters : 0;
  const text = layer.useBias
    ? formula`${kernel[0]}·${kernel[1]}·${channels}·${layer.filters} + ${layer.filters} = ${weights + biases}`
    : formula`${kernel[0]}·${kernel[1]}·${channels}·${layer.filters} = ${weights}`;
  return accept({
    outputShape: [window.height, window.width, layer.filters],
    ...sameInBoth(allTrainable(weights, biases, text)),
    shapeFormula: window.shapeFormula,
  });
}

/**
 * The small convolutional network of experiments 8 and 9 (ISLP (2023) §10.3): `filters` 3 × 3
 * filters (their maps kept before the ReLU, so a cell is exactly patch · filter + bias), ReLU, 2 × 2
 * max-pooling, then a softmax over the ten digits. With 4 filters: 4 · (9 + 1) + 13 · 13 · 4 · 10
 * + 10 = 6,810 parameters.
 */
import type { ArchitectureSpecInput } from "@/lib/model-core";
import type { TrainedModel } from "../../engine/experiment-types";
import type { Filter } from "../../vision/convolution";

export const CONV_LAYER = 0;
export const RELU_LAYER = 1;
export const POOL_LAYER = 2;

export function tinyCnn(filters: number): ArchitectureSpecInput {
  return {
    input: [28, 28, 1],
    layers: [
      { type: "conv2d", filters, kernelSize: 3 },
      { type: "activation", activation: "relu" },
      { type: "maxPool2d", poolSize: 2 },
      { type: "flatten" },
      { type: "dense", units: 10, activation: "softmax" },
    ],
  };
}

/** The trained 3 × 3 filters and biases of the first layer (kernel stored [3, 3, 1, filters]). */
export async function learnedFilters(model: TrainedModel): Promise<Filter[]> {
  const [kernel, bias] = await model.layerWeights(CONV_LAYER);
  if (!kernel || !bias) throw new Error("the conv layer has no kernel or bias");
  const count = kernel.shape[3] ?? 0;
  const size = kernel.shape[0] ?? 3;
  return Array.from({ length: count }, (_, f) => ({
    name: { en: `learned ${f + 1}`, ko: `학습된 필터 ${f + 1}` },
    size,
    weights: Array.from({ length: size * size }, (_, k) => kernel.values[k * count + f] as number),
    bias: bias.values[f] as number,
  }));
}

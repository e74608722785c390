import * as tf from "@tensorflow/tfjs";
import { closedFormLayers } from "../derive-architecture";
import type { ArchitectureSpec } from "../spec-schema";
import { shapeOnlyInitializer } from "./shape-only-initializer";
import { buildSequential, type WeightInitializers } from "./tfjs-layer";

/** What TensorFlow.js itself reports for a built network. Shapes exclude the batch axis. */
export interface TfjsCount {
  total: number;
  trainable: number;
  layers: { outputShape: number[]; params: number; trainable: number }[];
}

const SHAPE_ONLY = shapeOnlyInitializer();

/** Every weight gets a shape and no values: building then costs what tfjs' bookkeeping costs. */
const COUNTING: WeightInitializers = {
  kernel: () => SHAPE_ONLY,
  recurrentKernel: () => SHAPE_ONLY,
  bias: () => SHAPE_ONLY,
  embeddings: () => SHAPE_ONLY,
  gamma: () => SHAPE_ONLY,
  beta: () => SHAPE_ONLY,
  movingMean: () => SHAPE_ONLY,
  movingVariance: () => SHAPE_ONLY,
  unitForgetBias: false,
};

/**
 * Builds the spec as a real `tf.sequential` and reads back tfjs' own numbers: `countParams()` per
 * layer and in total, the sizes of `trainableWeights`, and each layer's `outputShape`. Everything
 * it creates is disposed before it returns. A spec whose layers do not fit throws
 * `InvalidSpecError` before tfjs is touched.
 */
export function countWithTfjs(spec: ArchitectureSpec): TfjsCount {
  closedFormLayers(spec);
  const model = buildSequential(spec, COUNTING);
  try {
    return {
      total: model.countParams(),
      trainable: sizeOf(model.trainableWeights),
      layers: model.layers.map((layer) => ({
        outputShape: withoutBatchAxis(layer.outputShape),
        params: layer.countParams(),
        trainable: sizeOf(layer.trainableWeights),
      })),
    };
  } finally {
    model.dispose();
  }
}

function sizeOf(weights: readonly { shape: readonly (number | null)[] }[]): number {
  return weights.reduce((acc, weight) => acc + weight.shape.reduce<number>((size, dim) => size * (dim ?? 0), 1), 0);
}

function withoutBatchAxis(shape: tf.layers.Layer["outputShape"]): number[] {
  const single = (Array.isArray(shape[0]) ? shape[0] : shape) as readonly (number | null)[];
  return single.slice(1).map((dim) => dim ?? -1);
}

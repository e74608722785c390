import * as tf from "@tensorflow/tfjs";
import { closedFormLayers } from "../derive-architecture";
import type { ArchitectureSpec } from "../spec-schema";
import { buildSequential, type WeightInitializers } from "./tfjs-layer";
import { fmix32 } from "../../fmix32";

export interface TrainableModelOptions {
  /** Every initial weight follows from it; the same seed builds the same starting network. */
  seed: number;
}

/**
 * The spec as a tfjs model ready to train, for the simulation engine: Keras' default initialisers,
 * each weight seeded from `seed` (Glorot-uniform kernels, orthogonal recurrent kernels, embeddings
 * uniform on ±0.05, zero biases, BatchNorm γ = 1, β = 0; Keras `layers` docs), LSTM forget-gate
 * bias 1 (Keras `unit_forget_bias`), logistic recurrent activation (ISLP §10.5, PyTorch). Dropout is
 * left unseeded: a seeded tfjs Dropout repeats its mask on every call. Not compiled: the caller picks
 * optimiser and loss, and disposes the model. Throws `InvalidSpecError` for a spec that does not fit.
 */
export function buildTrainableModel(spec: ArchitectureSpec, options: TrainableModelOptions): tf.Sequential {
  closedFormLayers(spec);
  let draw = 0;
  const nextSeed = () => mixSeed(options.seed, draw++);
  const init: WeightInitializers = {
    kernel: () => tf.initializers.glorotUniform({ seed: nextSeed() }),
    recurrentKernel: () => tf.initializers.orthogonal({ gain: 1, seed: nextSeed() }),
    bias: () => tf.initializers.zeros(),
    embeddings: () => tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05, seed: nextSeed() }),
    gamma: () => tf.initializers.ones(),
    beta: () => tf.initializers.zeros(),
    movingMean: () => tf.initializers.zeros(),
    movingVariance: () => tf.initializers.ones(),
    unitForgetBias: true,
  };
  return buildSequential(spec, init);
}

/**
 * A distinct 32-bit seed per weight (splitmix32 finaliser over seed and draw number), so two layers
 * of the same shape do not start from the same values, and a different base seed changes them all.
 */
export function mixSeed(seed: number, draw: number): number {
  return fmix32(Math.trunc(seed) ^ Math.imul(draw + 1, 0x9e3779b9));
}

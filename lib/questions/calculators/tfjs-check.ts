/**
 * The independent side of every calculator: the same quantity computed by TensorFlow.js ops or a
 * real model, never by the closed form. Verification compares the two (`verify.ts`).
 *
 * - activations: `tf.sigmoid`, `tf.relu`, `tf.tanh`;
 * - single-layer network: `tf.matMul` + activation + dot product;
 * - convolution: `tf.conv2d` (cross-correlation, NHWC); pooling: `tf.maxPool`;
 * - output size: the shape of `tf.conv2d` / `tf.maxPool` applied to zeros;
 * - SGD steps: the number of `onBatchEnd` calls of a real `model.fit` of a one-weight model on
 *   n rows (cached per (n, batch): a fit takes milliseconds, the answer never changes);
 * - dropout: the value `tf.dropout` gives survivors (the 1/(1−φ) scale) and the mean number of
 *   survivors over many seeded draws (within 5 standard errors of u(1−φ));
 * - train/test split: scikit-learn is not in tfjs, so the check is exact rational arithmetic
 *   ⌈n·a/b⌉ for test_size = a/b, against the closed form's floating-point product.
 *
 * Only this file (and `verify.ts`) import tfjs; pages that only render variants never load it.
 */
import * as tf from "@tensorflow/tfjs";
import { asSimpleFraction } from "../simple-fraction";
import type { ActivationName, CalculatorInput, CheckedValue } from "./types";

function activate(fn: ActivationName, x: tf.Tensor): tf.Tensor {
  switch (fn) {
    case "sigmoid":
      return tf.sigmoid(x);
    case "relu":
      return tf.relu(x);
    case "tanh":
      return tf.tanh(x);
  }
}

function image4d(matrix: number[][]): tf.Tensor4D {
  return tf.tensor4d(matrix.flat(), [1, matrix.length, matrix[0]?.length ?? 0, 1]);
}

function toMatrix(tensor: tf.Tensor): number[][] {
  const [, rows = 0, cols = 0] = tensor.shape;
  const data = Array.from(tensor.dataSync());
  return Array.from({ length: rows }, (_, i) => data.slice(i * cols, (i + 1) * cols));
}

const stepsCache = new Map<string, number>();

/** Counts the minibatch steps of one epoch of a real `model.fit` (no shuffling, so no Math.random). */
export async function countFitSteps(n: number, batch: number): Promise<number> {
  const key = `${n}/${batch}`;
  const cached = stepsCache.get(key);
  if (cached !== undefined) return cached;
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1], useBias: false, kernelInitializer: "zeros" })] });
  model.compile({ optimizer: tf.train.sgd(0.01), loss: "meanSquaredError" });
  const xs = tf.zeros([n, 1]);
  const ys = tf.zeros([n, 1]);
  let steps = 0;
  try {
    await model.fit(xs, ys, { batchSize: batch, epochs: 1, shuffle: false, verbose: 0, callbacks: { onBatchEnd: async () => void (steps += 1) } });
  } finally {
    xs.dispose();
    ys.dispose();
    model.dispose();
  }
  stepsCache.set(key, steps);
  return steps;
}

const dropoutCache = new Map<string, { meanActive: number; standardError: number; survivorValue: number }>();

/** Mean survivors of `tf.dropout` over seeded draws, and the value survivors of an all-ones input take. */
export function sampleDropout(units: number, rate: number): { meanActive: number; standardError: number; survivorValue: number } {
  const key = `${units}/${rate}`;
  const cached = dropoutCache.get(key);
  if (cached) return cached;
  const draws = Math.max(200, Math.ceil(20_000 / units));
  const result = tf.tidy(() => {
    const dropped = tf.dropout(tf.ones([draws, units]), rate, undefined, 12345);
    const values = dropped.dataSync();
    let survivors = 0;
    let survivorValue = Number.NaN;
    for (const value of values) {
      if (value !== 0) {
        survivors += 1;
        survivorValue = value;
      }
    }
    return { meanActive: survivors / draws, survivorValue };
  });
  const standardError = Math.sqrt((units * rate * (1 - rate)) / draws);
  const sampled = { ...result, standardError };
  dropoutCache.set(key, sampled);
  return sampled;
}

/**
 * Recomputes a calculator's answer independently. Resolves to the value (or the feature map),
 * or rejects with a message when the check itself fails (dropout outside its statistical band).
 */
export async function checkCalculatorWithTfjs(input: CalculatorInput): Promise<CheckedValue> {
  switch (input.calculator) {
    case "activation":
      return tf.tidy(() => activate(input.fn, tf.scalar(input.z)).dataSync()[0] ?? Number.NaN);
    case "single-layer-network":
      return tf.tidy(() => {
        const hidden = activate(input.activation, tf.matMul(tf.tensor2d(input.weights), tf.tensor2d(input.x, [input.x.length, 1])).add(tf.tensor2d(input.biases, [input.biases.length, 1])));
        return tf.matMul(tf.tensor2d(input.beta, [1, input.beta.length]), hidden).add(tf.scalar(input.beta0)).dataSync()[0] ?? Number.NaN;
      });
    case "conv2d": {
      const map = tf.tidy(() => {
        const filter = tf.tensor4d(input.filter.flat(), [input.filter.length, input.filter[0]?.length ?? 0, 1, 1]);
        return toMatrix(tf.conv2d(image4d(input.image), filter, input.stride, input.padding));
      });
      return input.cell ? (map[input.cell.row - 1]?.[input.cell.col - 1] ?? Number.NaN) : map;
    }
    case "max-pool": {
      const map = tf.tidy(() => toMatrix(tf.maxPool(image4d(input.image), input.size, input.stride, "valid")));
      return input.cell ? (map[input.cell.row - 1]?.[input.cell.col - 1] ?? Number.NaN) : map;
    }
    case "output-size":
      return tf.tidy(() => {
        const x = tf.zeros([1, input.input, input.input, 1]) as tf.Tensor4D;
        const out =
          input.layer === "conv"
            ? tf.conv2d(x, tf.zeros([input.kernel, input.kernel, 1, 1]) as tf.Tensor4D, input.stride, input.padding)
            : tf.maxPool(x, input.kernel, input.stride, input.padding);
        return out.shape[1];
      });
    case "steps-per-epoch":
      return (await countFitSteps(input.n, input.batch)) * input.epochs;
    case "train-test-split": {
      const fraction = asSimpleFraction(input.testSize, 1000);
      if (!fraction) throw new Error(`test_size ${input.testSize} is not a simple fraction; cannot check it exactly`);
      const [a, b] = fraction;
      const test = Math.floor((input.n * a + b - 1) / b);
      return input.part === "test" ? test : input.n - test;
    }
    case "dropout": {
      const { meanActive, standardError, survivorValue } = sampleDropout(input.units, input.rate);
      const expectedActive = input.units * (1 - input.rate);
      if (Math.abs(meanActive - expectedActive) > 5 * standardError + 1e-9) {
        throw new Error(`tf.dropout kept ${meanActive.toFixed(3)} units on average, expected ${expectedActive} ± ${(5 * standardError).toFixed(3)}`);
      }
      // The survivors' value is the scale; the expected active count is confirmed statistically above.
      return input.part === "scale" ? survivorValue : expectedActive;
    }
  }
}

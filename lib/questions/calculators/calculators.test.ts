/**
 * Each calculator's closed form against its independent TensorFlow.js computation, on random
 * inputs (fast-check), plus the lab's own numbers as the book prints them.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { computeCalculator } from "./compute";
import { checkCalculatorWithTfjs, countFitSteps } from "./tfjs-check";
import type { CalculatorInput } from "./types";
import type { ExpectedAnswer } from "../types";

function value(answer: ExpectedAnswer): number | number[][] {
  if (answer.format === "integer" || answer.format === "number" || answer.format === "matrix") return answer.value;
  throw new Error(`unexpected ${answer.format}`);
}

function expectClose(closed: number | number[][], tfjs: number | number[][]): void {
  if (typeof closed === "number") {
    expect(typeof tfjs).toBe("number");
    expect(Math.abs(closed - (tfjs as number))).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(closed)));
    return;
  }
  expect(tfjs).toEqual(closed.map((row) => row.map((cell) => expect.closeTo(cell, 5))));
}

const matrix = (rows: number, cols: number, min: number, max: number) =>
  fc.array(fc.array(fc.integer({ min, max }), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });

const RUNS = { numRuns: 40 };

describe("closed form = TensorFlow.js", () => {
  it("activations (tf.sigmoid, tf.relu, tf.tanh)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("sigmoid" as const, "relu" as const, "tanh" as const), fc.double({ min: -8, max: 8, noNaN: true }), async (fn, z) => {
        const input: CalculatorInput = { calculator: "activation", fn, z, decimals: 3 };
        expectClose(value(computeCalculator(input).answer), await checkCalculatorWithTfjs(input));
      }),
      RUNS,
    );
  });

  it("a single-layer network's output (tf.matMul)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 1_000_000 }), async (p, k, salt) => {
        const pick = (i: number) => ((salt * 7919 + i * 104729) % 7) - 3;
        const input: CalculatorInput = {
          calculator: "single-layer-network",
          x: Array.from({ length: p }, (_, j) => pick(j)),
          weights: Array.from({ length: k }, (_, r) => Array.from({ length: p }, (_, j) => pick(10 + r * p + j))),
          biases: Array.from({ length: k }, (_, r) => pick(50 + r)),
          beta: Array.from({ length: k }, (_, r) => pick(80 + r)),
          beta0: pick(99),
          activation: salt % 2 === 0 ? "relu" : "sigmoid",
          decimals: 3,
        };
        expectClose(value(computeCalculator(input).answer), await checkCalculatorWithTfjs(input));
      }),
      RUNS,
    );
  });

  it("convolution maps, valid and same, with strides (tf.conv2d)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 3, max: 6 }).chain((n) => fc.tuple(matrix(n, n, 0, 5), fc.integer({ min: 1, max: Math.min(3, n) }))),
        fc.integer({ min: 1, max: 2 }),
        fc.constantFrom("valid" as const, "same" as const),
        fc.integer({ min: 0, max: 1_000 }),
        async ([image, k], stride, padding, salt) => {
          const filter = Array.from({ length: k }, (_, a) => Array.from({ length: k }, (_, b) => ((salt + a * 3 + b * 5) % 3) - 1));
          const input: CalculatorInput = { calculator: "conv2d", image, filter, stride, padding, cell: null };
          expectClose(value(computeCalculator(input).answer), await checkCalculatorWithTfjs(input));
        },
      ),
      RUNS,
    );
  });

  it("max pooling (tf.maxPool)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 7 }).chain((n) => matrix(n, n, 0, 9)), fc.integer({ min: 2, max: 3 }), async (image, size) => {
        fc.pre(size <= image.length);
        const input: CalculatorInput = { calculator: "max-pool", image, size, stride: size, cell: null };
        expectClose(value(computeCalculator(input).answer), await checkCalculatorWithTfjs(input));
      }),
      RUNS,
    );
  });

  it("output sizes of conv and pool with valid, same and explicit padding (tfjs output shapes)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 4, max: 40 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom<"valid" | "same" | number>("valid", "same", 0, 1, 2),
        fc.constantFrom("conv" as const, "pool" as const),
        async (n, kernel, stride, padding, layer) => {
          // tfjs, like PyTorch, requires explicit padding below the kernel size for pooling.
          fc.pre(kernel <= n && (typeof padding !== "number" || padding < kernel));
          const input: CalculatorInput = { calculator: "output-size", layer, input: n, kernel, stride, padding };
          expectClose(value(computeCalculator(input).answer), await checkCalculatorWithTfjs(input));
        },
      ),
      RUNS,
    );
  });

  it("SGD steps: ⌈n / batch⌉ equals the onBatchEnd calls of a real model.fit", async () => {
    for (const [n, batch] of [[175, 32], [64, 32], [65, 32], [10, 128], [1000, 64]] as const) {
      const input: CalculatorInput = { calculator: "steps-per-epoch", n, batch, epochs: 1 };
      expect(await checkCalculatorWithTfjs(input)).toBe(value(computeCalculator(input).answer));
    }
    // The Hitters lab: 175 training rows, batch_size=32 → "5.5 SGD steps", i.e. 6 (notes, ISLP lab 10.9.1).
    expect(await countFitSteps(175, 32)).toBe(6);
  });

  it("train/test split sizes against exact rational arithmetic", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 10, max: 5000 }), fc.constantFrom(3, 4, 5, 7, 10), fc.constantFrom("test" as const, "train" as const), async (n, d, part) => {
        fc.pre(n % d !== 0);
        const input: CalculatorInput = { calculator: "train-test-split", n, testSize: 1 / d, part };
        expect(await checkCalculatorWithTfjs(input)).toBe(value(computeCalculator(input).answer));
      }),
      RUNS,
    );
    // The Hitters lab: 263 rows, test_size=1/3 → 88 test and 175 training rows.
    expect(value(computeCalculator({ calculator: "train-test-split", n: 263, testSize: 1 / 3, part: "test" }).answer)).toBe(88);
    expect(value(computeCalculator({ calculator: "train-test-split", n: 263, testSize: 1 / 3, part: "train" }).answer)).toBe(175);
  });

  it("dropout: tf.dropout's survivor value is 1/(1−φ) and its mean survivors u(1−φ)", async () => {
    for (const [units, rate] of [[50, 0.4], [256, 0.4], [128, 0.3], [10, 0.5]] as const) {
      for (const part of ["active", "scale"] as const) {
        const input: CalculatorInput = { calculator: "dropout", units, rate, part, decimals: 3 };
        expectClose(value(computeCalculator(input).answer), await checkCalculatorWithTfjs(input));
      }
    }
  });
});

describe("worked computations", () => {
  it("writes the sum of products of a convolution cell", () => {
    const result = computeCalculator({ calculator: "conv2d", image: [[1, 2], [3, 4]], filter: [[1, 0], [0, -1]], stride: 1, padding: "valid", cell: { row: 1, col: 1 } });
    expect(result.answer).toEqual({ format: "integer", value: -3 });
    expect(result.work.en).toBe("$$Y_{1,1} = 1 \\cdot 1 + 2 \\cdot 0 + 3 \\cdot 0 + 4 \\cdot (-1) = -3$$");
  });

  it("writes ⌈175/32⌉ with a truncated, not rounded, ratio", () => {
    const result = computeCalculator({ calculator: "steps-per-epoch", n: 175, batch: 32, epochs: 1 });
    expect(result.work.en).toBe("$$\\left\\lceil \\frac{175}{32} \\right\\rceil = \\left\\lceil 5.468\\ldots \\right\\rceil = 6$$");
  });

  it("says ≈ when it rounds", () => {
    expect(computeCalculator({ calculator: "activation", fn: "sigmoid", z: 0, decimals: 3 }).work.en).toContain("= 0.5$$");
    expect(computeCalculator({ calculator: "activation", fn: "sigmoid", z: 1, decimals: 3 }).work.en).toContain("\\approx 0.731$$");
  });
});

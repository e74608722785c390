import * as tf from "@tensorflow/tfjs";
import type { Scalar, Tensor, Tensor4D } from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { installFastCpuTrainingKernels } from "./cpu-training-kernels";

/** Gradients of conv → ReLU → max-pool on random input; ReLU makes tied zeros in the pooling windows. */
function gradients(padding: "valid" | "same", stride: 1 | 2): [number[], number[]] {
  return tf.tidy(() => {
    const x = tf.randomUniform([3, 9, 9, 2], -1, 1, "float32", 7).relu();
    const filter = tf.randomNormal([3, 3, 2, 4], 0, 1, "float32", 8);
    const loss = (input: Tensor, w: Tensor) =>
      tf.maxPool(tf.relu(tf.conv2d(input as Tensor4D, w as Tensor4D, stride, padding)), 2, 2, padding).square().sum() as Scalar;
    const [dx, dw] = tf.grads(loss)([x, filter]);
    if (!dx || !dw) throw new Error("no gradients");
    return [Array.from(dx.dataSync()), Array.from(dw.dataSync())];
  });
}

describe("fast cpu training kernels", () => {
  const cases = [
    ["valid", 1],
    ["same", 1],
    ["same", 2],
  ] as const;
  const stock: [number[], number[]][] = [];

  beforeAll(async () => {
    await tf.setBackend("cpu");
    for (const [padding, stride] of cases) stock.push(gradients(padding, stride));
    expect(installFastCpuTrainingKernels(tf)).toBe(true);
  });

  it.each(cases.map(([padding, stride], index) => [padding, stride, index] as const))(
    "padding %s, stride %d: the same gradients as the stock kernels",
    (padding, stride, index) => {
      const [dx, dw] = gradients(padding, stride);
      const [stockDx, stockDw] = stock[index] ?? [[], []];
      expect(dx).toHaveLength(stockDx.length);
      dx.forEach((value, k) => expect(value).toBeCloseTo(stockDx[k] ?? NaN, 4));
      dw.forEach((value, k) => expect(value).toBeCloseTo(stockDw[k] ?? NaN, 3));
    },
  );

  it("installs once per tfjs instance", () => {
    expect(installFastCpuTrainingKernels(tf)).toBe(false);
  });
});

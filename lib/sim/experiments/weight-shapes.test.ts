import { beforeAll, describe, expect, it } from "vitest";
import { completed, runInNode, selectBackend } from "../testing/run-in-node";
import { FIRST_LAYER_IMAGES, weightShapesExperiment } from "./weight-shapes";

describe("weight-matrix shapes (MNIST)", () => {
  beforeAll(() => selectBackend("wasm"));

  it("reads each layer's matrix back from the trained model: (p + 1) × K, counted from tfjs' kernel and bias and by the closed form", async () => {
    const run = completed(await runInNode(weightShapesExperiment, { epochs: 2, batchSize: 32, trainSize: 2000, testSize: 500, hidden1: 20, hidden2: 12 }));
    const { layers, firstLayer, testAccuracy, testDigits } = run.extras;
    // Worked by hand: W₁ (784 + 1) × 20, W₂ (20 + 1) × 12, B (12 + 1) × 10.
    expect(layers.map((l) => [l.matrix, l.islpShape, l.kernelShape, l.biasShape, l.tfjsParams])).toEqual([
      ["W₁", [785, 20], [784, 20], [20], 15_700],
      ["W₂", [21, 12], [20, 12], [12], 252],
      ["B", [13, 10], [12, 10], [10], 130],
    ]);
    for (const layer of layers) expect(layer.closedFormParams).toBe(layer.tfjsParams);
    expect(run.models[0]?.params).toBe(15_700 + 252 + 130);
    expect(run.models[0]?.tfjsParams).toBe(16_082);
    expect(firstLayer.units).toBe(20);
    expect(firstLayer.images).toHaveLength(Math.min(20, FIRST_LAYER_IMAGES));
    for (const image of firstLayer.images) expect(image).toHaveLength(784);
    // Trained weights, not the initial ones only: they differ between units and are not all zero.
    expect(new Set(firstLayer.images.map((image) => image.slice(300, 310).join(","))).size).toBe(20);
    expect(testDigits).toBe(500);
    // Ten classes: chance is 10%.
    expect(testAccuracy).toBeGreaterThan(0.6);
    expect(run.summary.en).toContain("The trained network's matrices are W₁ 785 × 20, W₂ 21 × 12, B 13 × 10");
    expect(run.summary.en).toContain("TensorFlow.js holds 15,700 + 252 + 130 = 16,082 parameters, the same as (p + 1) × K layer by layer");
    expect(run.summary.ko).toContain("W₁ 785 × 20");
    console.log(run.summary.en);
  });

  it("the book's sizes give the book's matrices and 235,146 parameters before anything trains", async () => {
    const { previewModels } = await import("./registry");
    const [model] = previewModels("weight-shapes", { ...weightShapesExperiment.settings.defaults, hidden1: 256, hidden2: 128 });
    expect(model?.params).toBe(235_146);
  });
});

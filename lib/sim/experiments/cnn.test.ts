import { beforeAll, describe, expect, it } from "vitest";
import { convolutionCell } from "../vision/convolution";
import { completed, first, last, runInNode, selectBackend } from "../testing/run-in-node";
import { cnnVsMlpExperiment } from "./cnn-vs-mlp";
import { convolutionExperiment } from "./convolution";
import { maxPoolingExperiment } from "./max-pooling";

// Conv layers cannot train on wasm (no Conv2DBackpropFilter in tfjs 4.22): these run on `cpu`.
const SHORT = { epochs: 2, trainSize: 600, testSize: 300, batchSize: 32 } as const;

describe("CNN experiments (cpu backend)", () => {
  beforeAll(() => selectBackend("cpu"));

  it("experiment 8: the learned feature maps are the patch · filter + bias that the hover shows", async () => {
    const run = completed(await runInNode(convolutionExperiment, { ...SHORT, digitIndex: 3 }));
    const [cnn] = run.models;
    expect(cnn?.params).toBe(6_810);
    expect(cnn?.paramsVerified).toBe(true);
    expect(last(cnn?.epochs ?? []).loss).toBeLessThan(first(cnn?.epochs ?? []).loss);
    expect(run.extras.testAccuracy).toBeGreaterThan(0.3);
    expect(run.extras.tfjsAgreement).toBeLessThan(1e-4);
    expect(run.extras.learnedMaps).toHaveLength(4);
    expect(run.extras.edgeMaps.map((m) => [m.map.height, m.map.width])).toEqual(Array(4).fill([26, 26]));
    const vertical = run.extras.edgeMaps[0];
    if (!vertical) throw new Error("no edge map");
    const cell = convolutionCell(run.extras.digit, vertical.filter, 10, 12);
    expect(cell.patch).toHaveLength(9);
    expect(cell.dot).toBeCloseTo(cell.products.reduce((a, b) => a + b, 0), 10);
    expect(vertical.map.values[10 * 26 + 12]).toBeCloseTo(cell.value, 10);
    console.log(run.summary.en);
  });

  it("experiment 9: pooled maps change less than convolution maps when a digit moves 1 px", async () => {
    const run = completed(await runInNode(maxPoolingExperiment, { ...SHORT, filters: 4, probeDigits: 40 }));
    const [cnn] = run.models;
    expect(last(cnn?.epochs ?? []).loss).toBeLessThan(first(cnn?.epochs ?? []).loss);
    const [one, two] = run.extras.scores;
    expect(one?.pooled).toBeGreaterThan(one?.convolution ?? 1);
    expect(two?.convolution).toBeLessThan(one?.convolution ?? 0);
    expect(run.extras.example.maps).toHaveLength(4);
    expect(run.extras.shiftedAccuracy.map((a) => a.pixels)).toEqual([0, 1, 2]);
    console.log(run.summary.en);
  });

  it("experiment 10: the CNN has 12,810 parameters to the MLP's 235,146 and both learn", async () => {
    const run = completed(await runInNode(cnnVsMlpExperiment, { ...SHORT, trainSize: 400, testSize: 200 }));
    expect(run.models.map((m) => [m.id, m.params, m.paramsVerified])).toEqual([
      ["cnn", 12_810, true],
      ["mlp", 235_146, true],
    ]);
    for (const model of run.models) expect(last(model.epochs).loss, model.id).toBeLessThan(first(model.epochs).loss);
    expect(run.extras.parameterRatio).toBeCloseTo(235_146 / 12_810, 6);
    // 800 digit-steps of training: far from converged, far above chance (10%).
    for (const scores of Object.values(run.extras.scores)) expect(scores.accuracy).toBeGreaterThan(0.4);
    console.log(run.summary.en, run.timings);
  }, 240_000); // two models trained on the cpu backend: minutes when the machine is busy
});

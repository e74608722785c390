import { beforeAll, describe, expect, it } from "vitest";
import { completed, first, last, runInNode, selectBackend } from "../testing/run-in-node";
import { mnistMlpExperiment } from "./mnist-mlp";

describe("experiment 7: MNIST MLP", () => {
  beforeAll(() => selectBackend("wasm"));

  it("the 235,146-parameter network reaches ≥ 90% on 2,000 test digits (wasm)", async () => {
    // How long this takes is measured in bench/sim-node.ts, not asserted here: a timed test fails
    // on a loaded machine without anything being wrong.
    const run = completed(await runInNode(mnistMlpExperiment, { epochs: 3, batchSize: 64 }));
    const [mlp, logistic] = run.models;
    if (!mlp || !logistic) throw new Error("missing model");
    expect(mlp.params).toBe(235_146);
    expect(mlp.paramsVerified).toBe(true);
    expect(logistic.params).toBe(7_850);
    expect(last(mlp.epochs).loss).toBeLessThan(first(mlp.epochs).loss);
    const scores = run.extras.scores.mlp;
    expect(scores?.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(scores?.confusion.flat().reduce((a, b) => a + b, 0)).toBe(2000);
    expect(scores?.misclassified.length).toBeGreaterThan(0);
    expect(scores?.misclassified.every((m) => m.label !== m.predicted && m.pixels.length === 784)).toBe(true);
    expect(scores?.misclassifiedCount).toBe(Math.round(2000 * (1 - (scores?.accuracy ?? 0))));
    expect(run.extras.scores.logistic?.accuracy).toBeGreaterThan(0.8);
    console.log(run.summary.en, run.timings);
  }, 240_000); // three epochs of two models on wasm: minutes when the machine is busy
});

import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { activationExperiment } from "../experiments/activation";
import { hittersExperiment } from "../experiments/hitters";
import { completed, runInNode, selectBackend } from "../testing/run-in-node";
import type { ProgressMetrics } from "./progress";

describe("runExperiment", () => {
  beforeAll(() => selectBackend("wasm"));

  it("frees every tensor it made after a completed run (warm-up included)", async () => {
    const before = tf.memory().numTensors;
    const run = completed(await runInNode(activationExperiment, { epochs: 3 }, { warmUp: true }));
    expect(tf.memory().numTensors).toBe(before);
    expect(run.memory).toEqual({ tensorsBefore: before, tensorsAfter: before });
    expect(run.timings.warmupMs).toBeGreaterThan(0);
    expect(run.backend).toBe("wasm");
  });

  it("stops after the step at which stop is pressed, returns the epochs so far, and frees everything", async () => {
    const before = tf.memory().numTensors;
    let batches = 0;
    const outcome = await runInNode(
      activationExperiment,
      { epochs: 50 },
      {
        onProgress: (_epoch, _step, metrics) => {
          if (metrics.kind === "batch") batches++;
        },
        shouldStop: () => batches >= 10,
      },
    );
    expect(outcome.status).toBe("stopped");
    expect(outcome.extras).toBeNull();
    expect(batches).toBe(10);
    // 200 points / 32 = 7 steps per epoch: one whole epoch, then stopped in the second.
    expect(outcome.models).toHaveLength(1);
    expect(outcome.models[0]?.epochs).toHaveLength(1);
    expect(outcome.models[0]?.stopped).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
    expect(outcome.memory.tensorsAfter).toBe(before);
  });

  it("frees everything when a run fails", async () => {
    const before = tf.memory().numTensors;
    const failing = { ...hittersExperiment, analyse: async () => Promise.reject(new Error("analysis failed")) };
    await expect(runInNode(failing, { epochs: 1 })).rejects.toThrow("analysis failed");
    expect(tf.memory().numTensors).toBe(before);
  });

  it("the same seed reproduces the run; another seed changes it (data, initial weights, minibatch order)", async () => {
    const losses = async (seed: number) => {
      const run = completed(await runInNode(activationExperiment, { epochs: 3, seed }));
      return run.models.flatMap((m) => m.epochs.map((e) => e.loss));
    };
    const [a, b, c] = [await losses(7), await losses(7), await losses(8)];
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it("reports progress per step and per epoch, with fractions that reach 1", async () => {
    const reports: { epoch: number; step: number; metrics: ProgressMetrics }[] = [];
    const run = completed(await runInNode(activationExperiment, { epochs: 2, samples: 64, batchSize: 32 }, { onProgress: (epoch, step, metrics) => reports.push({ epoch, step, metrics }) }));
    const batches = reports.filter((r) => r.metrics.kind === "batch");
    const epochs = reports.filter((r) => r.metrics.kind === "epoch");
    // 3 models × 2 epochs × ⌈64 / 32⌉ = 2 steps.
    expect(batches).toHaveLength(12);
    expect(epochs).toHaveLength(6);
    expect(batches.map((r) => r.metrics.stepsDone)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(batches.at(-1)?.metrics.fraction).toBe(1);
    expect(batches.at(-1)?.metrics.remainingMs).toBe(0);
    expect(epochs.map((r) => [r.metrics.modelIndex, r.epoch])).toEqual([[0, 1], [0, 2], [1, 1], [1, 2], [2, 1], [2, 2]]);
    expect(epochs[0]?.metrics.record?.loss).toBe(run.models[0]?.epochs[0]?.loss);
    expect(batches.every((r) => r.metrics.totalSteps === 12 && r.metrics.stepsPerEpoch === 2)).toBe(true);
  });
});

describe("runExperiment with a least-squares model", () => {
  beforeAll(() => selectBackend("wasm"));

  it("counts the linear model with tfjs too, and leaves no tensor behind", async () => {
    const before = tf.memory().numTensors;
    const run = completed(await runInNode(hittersExperiment, { epochs: 1 }));
    expect(run.models[0]).toMatchObject({ id: "linear", fit: "least-squares", params: 20, tfjsParams: 20, paramsVerified: true, epochs: [] });
    expect(run.models[0]?.final.testMae).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(before);
  });
});

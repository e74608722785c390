import { beforeAll, describe, expect, it } from "vitest";
import { completed, first, last, runInNode, selectBackend } from "../testing/run-in-node";
import { minibatchSgdExperiment } from "./minibatch-sgd";

describe("experiment 6: minibatch SGD", () => {
  beforeAll(() => selectBackend("wasm"));

  it("counts ⌈175 / 32⌉ = 6 steps per epoch, and small batches are noisier than the full batch", async () => {
    const progressSteps: number[] = [];
    const run = completed(
      await runInNode(minibatchSgdExperiment, { epochs: 4, batchSize: 32 }, {
        onProgress: (_epoch, step, metrics) => {
          if (metrics.kind === "batch" && metrics.modelId === "batch-32") progressSteps.push(step);
        },
      }),
    );
    const mine = run.extras.runs.find((r) => r.batchSize === 32);
    expect(mine?.stepsPerEpoch).toBe(6);
    expect(mine?.formula).toBe("⌈175 / 32⌉ = 6");
    expect(mine?.stepsCounted).toEqual([6, 6, 6, 6]);
    expect(progressSteps).toEqual([1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6]);
    expect(run.extras.runs.map((r) => r.batchSize)).toEqual([4, 16, 32, 64, 175]);
    const model = run.models.find((m) => m.id === "batch-32");
    expect(model?.stepLosses).toHaveLength(24);
    expect(last(model?.epochs ?? []).metrics.trainMse).toBeLessThan(first(model?.epochs ?? []).metrics.trainMse ?? 0);
    const noise = (batch: number) => run.extras.runs.find((r) => r.batchSize === batch)?.noise ?? NaN;
    expect(noise(4)).toBeGreaterThan(noise(175));
    console.log(run.summary.en);
  });
});

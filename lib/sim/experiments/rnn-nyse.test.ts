import { beforeAll, describe, expect, it } from "vitest";
import { completed, first, last, runInNode, selectBackend } from "../testing/run-in-node";
import { rnnNyseExperiment } from "./rnn-nyse";

describe("experiment 11: RNN on NYSE", () => {
  beforeAll(() => selectBackend("wasm"));

  it("the 205-parameter RNN learns to forecast log volume, next to a least-squares autoregression", async () => {
    const run = completed(await runInNode(rnnNyseExperiment, { epochs: 4, batchSize: 128, learningRate: 0.005 }));
    const rnn = run.models.find((m) => m.id === "rnn");
    const ar = run.models.find((m) => m.id === "linear-ar");
    if (!rnn || !ar) throw new Error("missing model");
    expect([rnn.params, rnn.tfjsParams, ar.params]).toEqual([205, 205, 16]);
    expect(run.extras.actual).toHaveLength(1770);
    expect(run.extras.testDates[0]).toBe("1980-01-02");
    expect(last(rnn.epochs).loss).toBeLessThan(first(rnn.epochs).loss);
    expect(last(rnn.epochs).metrics.testR2).toBeGreaterThan(first(rnn.epochs).metrics.testR2 ?? 1);
    expect(run.extras.testR2.rnn).toBeGreaterThan(0.2);
    // The lab's autoregression scores R² ≈ 0.41 on these test years.
    expect(run.extras.testR2["linear-ar"]).toBeGreaterThan(0.35);
    expect(run.extras.testR2["linear-ar"]).toBeLessThan(0.45);
    console.log(run.summary.en, run.timings.trainMs);
  });
});

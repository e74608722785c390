import { beforeAll, describe, expect, it } from "vitest";
import { completed, first, last, runInNode, selectBackend } from "../testing/run-in-node";
import { dropoutExperiment } from "./dropout";

describe("experiment 4: dropout", () => {
  beforeAll(() => selectBackend("wasm"));

  it("both nets learn; dropout on gives a different prediction each pass, dropout off the same one", async () => {
    const run = completed(await runInNode(dropoutExperiment, { epochs: 120 }));
    for (const model of run.models) {
      expect(last(model.epochs).metrics.trainMse, model.id).toBeLessThan(first(model.epochs).metrics.trainMse ?? 0);
    }
    const plain = run.models.find((m) => m.id === "plain");
    const dropout = run.models.find((m) => m.id === "dropout");
    // Dropout layers carry no weights: the same parameter count, and (same seed) the same start.
    expect(dropout?.params).toBe(plain?.params);
    expect(first(dropout?.epochs ?? []).ms).toBeGreaterThan(0);
    expect(run.extras.trainingModeSpread).toBeGreaterThan(0.01);
    expect(run.extras.evalRepeatable).toBe(true);
    const passes = run.extras.trainingModePasses;
    expect(passes).toHaveLength(5);
    expect(passes[0]).not.toEqual(passes[1]);
    console.log(run.summary.en);
  });
});

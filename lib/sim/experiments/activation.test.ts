import { beforeAll, describe, expect, it } from "vitest";
import { completed, first, last, runInNode, selectBackend } from "../testing/run-in-node";
import { activationExperiment } from "./activation";

describe("experiment 1: activation", () => {
  beforeAll(() => selectBackend("wasm"));

  it("ReLU bends to the curve and a linear activation cannot", async () => {
    const run = completed(await runInNode(activationExperiment, { epochs: 40 }));
    const byId = Object.fromEntries(run.models.map((m) => [m.id, m]));
    const [linear, sigmoid, relu] = [byId.linear, byId.sigmoid, byId.relu];
    if (!linear || !sigmoid || !relu) throw new Error("missing model");
    for (const model of [linear, sigmoid, relu]) {
      expect(last(model.epochs).loss, `${model.id} learns`).toBeLessThan(first(model.epochs).loss);
      expect(model.paramsVerified).toBe(true);
    }
    // The curve's variance around its best straight line is ~0.3; ReLU gets far below it.
    expect(relu.final.trainMse).toBeLessThan(0.5 * (linear.final.trainMse ?? 0));
    expect(relu.final.valLoss).toBeLessThan(linear.final.valLoss ?? 0);
    // The linear network's fitted curve is a straight line: equal steps on the grid.
    const line = run.extras.curves.linear ?? [];
    const steps = line.slice(1).map((y, i) => y - (line[i] ?? 0));
    for (const step of steps) expect(step).toBeCloseTo(first(steps), 4);
    expect(run.summary.en).toMatch(/ReLU reached a training loss of [\d.]+/);
    console.log(run.summary.en, run.timings);
  });
});

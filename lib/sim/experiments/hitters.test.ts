import { beforeAll, describe, expect, it } from "vitest";
import { completed, first, last, runInNode, selectBackend } from "../testing/run-in-node";
import { hittersExperiment } from "./hitters";

describe("experiment 5: Hitters", () => {
  beforeAll(() => selectBackend("wasm"));

  it("fits least squares and the lab's 1,051-parameter network on a 175 / 88 split", async () => {
    const run = completed(await runInNode(hittersExperiment, { epochs: 40 }));
    const [linear, network] = run.models;
    if (!linear || !network) throw new Error("missing model");
    expect(network.params).toBe(1_051);
    expect(network.tfjsParams).toBe(1_051);
    expect(network.paramsVerified).toBe(true);
    expect([linear.params, linear.tfjsParams, linear.paramsVerified]).toEqual([20, 20, true]);
    expect(run.models.map((m) => m.stepsPerEpoch)).toEqual([1, 6]);
    expect(run.extras.testSalary).toHaveLength(88);
    expect(last(network.epochs).loss).toBeLessThan(first(network.epochs).loss);
    expect(last(network.epochs).metrics.testMae).toBeLessThan(first(network.epochs).metrics.testMae ?? 0);
    // Salaries average ~$536k with a spread of ~$450k: a model that learned something errs well below that.
    for (const mae of Object.values(run.extras.testMae)) expect(mae).toBeLessThan(350);
    console.log(run.summary.en);
  });
});

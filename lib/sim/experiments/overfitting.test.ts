import { beforeAll, describe, expect, it } from "vitest";
import { curveMinimum } from "../metrics/series-statistics";
import { completed, first, last, runInNode, selectBackend } from "../testing/run-in-node";
import { hiddenUnitsExperiment } from "./hidden-units";
import { overfittingExperiment } from "./overfitting";

describe("experiment 2: hidden units", () => {
  beforeAll(() => selectBackend("wasm"));

  it("more hidden units fit the curve better, and every K learns", async () => {
    const run = completed(await runInNode(hiddenUnitsExperiment, { epochs: 30 }));
    for (const model of run.models) expect(last(model.epochs).loss, model.id).toBeLessThan(first(model.epochs).loss);
    const k1 = run.models.find((m) => m.id === "k1");
    const k20 = run.models.find((m) => m.id === "k20");
    expect(k20?.final.valLoss).toBeLessThan(k1?.final.valLoss ?? 0);
    expect(run.models.map((m) => m.params)).toEqual([4, 7, 16, 61, 301]);
  });
});

describe("experiment 3: overfitting", () => {
  beforeAll(() => selectBackend("wasm"));

  it("the big network's validation loss turns up while its training loss keeps falling", async () => {
    const run = completed(await runInNode(overfittingExperiment, { epochs: 200 }));
    const big = run.models.find((m) => m.id === "big");
    if (!big) throw new Error("no big model");
    const valLosses = big.epochs.map((e) => e.valLoss ?? NaN);
    const best = curveMinimum(valLosses);
    expect(best.at).toBeLessThan(big.epochs.length);
    expect(last(valLosses)).toBeGreaterThan(1.1 * best.value);
    expect(big.final.trainMse).toBeLessThan(first(big.epochs).loss / 3);
    expect(run.extras.turns.big?.bestEpoch).toBe(best.at);
    console.log(run.summary.en, run.timings.trainMs);
  });
});

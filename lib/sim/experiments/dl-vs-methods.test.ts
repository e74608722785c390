import { beforeAll, describe, expect, it } from "vitest";
import { fitLeastSquares } from "../linear/least-squares";
import { meanAbsoluteError } from "../metrics/regression-metrics";
import { createRandom, deriveSeed } from "../random/seeded-random";
import { completed, datasetCache, runInNode, selectBackend } from "../testing/run-in-node";
import { dlVsMethodsExperiment } from "./dl-vs-methods";
import { hittersExperiment } from "./hitters";

describe("deep learning against other methods (Hitters)", () => {
  beforeAll(() => selectBackend("wasm"));

  it("scores linear regression, the cross-validated lasso and the lab's network on the Hitters experiment's split", async () => {
    const run = completed(await runInNode(dlVsMethodsExperiment, { epochs: 100, seed: 3 }));
    expect(run.models.map((m) => [m.id, m.fit, m.params, m.tfjsParams, m.paramsVerified])).toEqual([
      ["linear", "least-squares", 20, 20, true],
      ["lasso", "lasso", 20, 20, true],
      ["network", "gradient", 1_051, 1_051, true],
    ]);
    const { methods, keptPredictors, lambda, testPlayers } = run.extras;
    expect(testPlayers).toBe(88);
    const lasso = run.models[1];
    expect(lasso?.final.nonZero).toBe(keptPredictors.length);
    expect(methods.find((m) => m.id === "lasso")?.paramsInUse).toBe(keptPredictors.length + 1);
    expect(lambda).toBeGreaterThan(0);

    // The same seed draws the same players as the Hitters experiment: its least squares fitted here by
    // hand on that experiment's prepared arrays gives the MAE this run reports for linear regression.
    const data = hittersExperiment.prepare(hittersExperiment.settings.defaults, await datasetCache.load(["hitters"]), createRandom(deriveSeed(3, "data")));
    const fit = fitLeastSquares(data.train.x, data.train.y, 19);
    const { mean, sd } = data.test.yScale ?? { mean: 0, sd: 1 };
    const predicted = Array.from({ length: data.test.count }, (_, r) => (fit.intercept + fit.coefficients.reduce((s, b, f) => s + b * (data.test.x[r * 19 + f] ?? 0), 0)) * sd + mean);
    const actual = Array.from(data.test.y, (v) => v * sd + mean);
    expect(methods.find((m) => m.id === "linear")?.testMae).toBeCloseTo(meanAbsoluteError(actual, predicted), 1);

    for (const method of methods) expect(method.testMae, method.id).toBeLessThan(350);
    expect(run.summary.en).toMatch(/^Test mean absolute error on 88 players: linear regression \$\d+k \(20 parameters\), the lasso \$\d+k \(\d+ in use\), the network \$\d+k after 100 epochs\. The network is /);
    console.log(run.summary.en);
  });
});

describe("deep learning against other methods: the verdict in words", () => {
  const summaryWith = (networkMae: number, locale: "en" | "ko") =>
    dlVsMethodsExperiment.summarise(
      {
        experimentId: "dl-vs-methods",
        status: "completed",
        settings: dlVsMethodsExperiment.settings.defaults,
        backend: "cpu",
        models: [],
        extras: {
          methods: [
            { id: "linear", testMae: 260, params: 20, paramsInUse: 20 },
            { id: "lasso", testMae: 250, params: 20, paramsInUse: 12 },
            { id: "network", testMae: networkMae, params: 1_051, paramsInUse: 1_051 },
          ],
          lambda: 0.1,
          keptPredictors: [],
          testPlayers: 88,
        },
      },
      locale,
    );

  it("compares the network with the better linear model: worse, a draw within 5%, or a win to be checked on other seeds", () => {
    expect(summaryWith(275, "en")).toContain("The network is 10% worse than the better linear model: on 175 training players its 1,051 parameters buy nothing");
    expect(summaryWith(245, "en")).toContain("The network is only 2% better than the better linear model, about a draw");
    expect(summaryWith(200, "en")).toContain("On this split the network is 20% better than the better linear model; try other seeds");
    expect(summaryWith(275, "ko")).toContain("신경망은 더 나은 선형 모형보다 10% 나쁩니다");
    expect(summaryWith(245, "ko")).toContain("비긴 셈입니다");
    expect(summaryWith(200, "ko")).toContain("다른 시드로 바꿔 보세요");
    expect(summaryWith(275, "en")).toContain("the lasso $250k (12 in use)");
  });
});

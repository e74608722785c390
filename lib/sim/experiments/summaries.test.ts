import { describe, expect, it } from "vitest";
import type { CompletedRun, EpochRecord, ModelRecord } from "../engine/experiment-types";
import { mnistMlpExperiment, type MnistMlpExtras, type MnistMlpSettings } from "./mnist-mlp";
import { rnnNyseExperiment, type RnnNyseExtras, type RnnNyseSettings } from "./rnn-nyse";

/**
 * The sentence under a finished run groups thousands in both languages ("10,000 test digits"), as
 * the pages around it do. The runs are made up: only the figures the summaries read are filled in.
 */

function model(id: string, params: number, epochs: number, final: Record<string, number> = {}): ModelRecord {
  const epoch = (index: number): EpochRecord => ({ epoch: index + 1, loss: 0.1, valLoss: null, metrics: {}, ms: 1, evalMs: 1 });
  return {
    id,
    label: { en: id, ko: id },
    spec: { input: [1], convention: "keras", layers: [] },
    fit: "gradient",
    params,
    tfjsParams: params,
    paramsVerified: true,
    epochs: Array.from({ length: epochs }, (_, index) => epoch(index)),
    stepLosses: [],
    stepsPerEpoch: 1,
    stepsCounted: [1],
    final,
    trainMs: 1,
    stopped: false,
  };
}

function run<S, E>(experimentId: CompletedRun<S, E>["experimentId"], models: ModelRecord[], extras: E): CompletedRun<S, E> {
  return { experimentId, status: "completed", settings: {} as S, backend: "cpu", models, extras };
}

describe("simulation summaries", () => {
  it("MNIST: 10,000 test digits, 235,146 parameters", () => {
    // 10,000 test digits spread over a 10 × 10 confusion matrix.
    const confusion = Array.from({ length: 10 }, () => Array.from({ length: 10 }, () => 100));
    const scores = { accuracy: 0.9712, confusion, misclassified: [], misclassifiedCount: 288 };
    const completed = run<MnistMlpSettings, MnistMlpExtras>("mnist-mlp", [model("mlp", 235_146, 12), model("logistic", 7_850, 12)], {
      scores: { mlp: scores, logistic: { ...scores, accuracy: 0.92 } },
    });
    const en = mnistMlpExperiment.summarise(completed, "en");
    const ko = mnistMlpExperiment.summarise(completed, "ko");
    expect(en).toContain("After 12 epochs the network (235,146 parameters) classified 97.1% of 10,000 test digits correctly");
    expect(en).toContain("multinomial logistic regression (7,850) 92.0%");
    expect(ko).toContain("12 에폭 뒤 신경망(모수 235,146개)은 테스트 숫자 10,000개 중 97.1%를 맞혔고");
    expect(`${en} ${ko}`).not.toMatch(/\d{4}/); // no figure of four digits or more goes ungrouped
  });

  it("NYSE: test days and parameters grouped", () => {
    const completed = run<RnnNyseSettings, RnnNyseExtras>(
      "rnn-nyse",
      [model("rnn", 1_205, 1_000, { testR2: 0.41 }), model("linear-ar", 16, 0, { testR2: 0.4 })],
      { testR2: { rnn: 0.41, "linear-ar": 0.4 }, testDates: [], actual: new Array<number>(1_770).fill(0), predictions: {} },
    );
    expect(rnnNyseExperiment.summarise(completed, "en")).toContain("Test R² on 1,770 trading days: the RNN (1,205 parameters, 1,000 epochs) 0.41");
    expect(rnnNyseExperiment.summarise(completed, "ko")).toContain("거래일 1,770일의 테스트 R²: RNN(모수 1,205개, 1,000 에폭) 0.41");
  });
});

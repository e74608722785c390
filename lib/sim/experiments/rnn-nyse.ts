/**
 * Experiment 11, an RNN on the NYSE series (ISLP (2023) §10.5.2 and lab §10.9.6): predict a day's
 * log trading volume from the five previous days of DJ_return, log_volume and log_volatility.
 * The lab's RNN reads the 5 × 3 sequence with 12 units and a linear output after dropout 0.1
 * (12 · (3 + 12 + 1) + 13 = 205 parameters in Keras' layout; PyTorch, with two bias vectors, 217),
 * against the linear autoregression on the same 15 lagged values, fitted by least squares (16
 * parameters). Both are scored by R² on the test years (1980–86, the file's `train` = FALSE);
 * the lab reports about 0.41 for both.
 */
import type { ExperimentDefinition, ModelPlan, PreparedData, ArrayDataset } from "../engine/experiment-types";
import { countOf, formatCount, formatValue } from "../engine/localized";
import { batchSizeSetting, choiceSetting, defineSettings, epochsSetting, integerSetting, learningRateSetting, seedSetting } from "../engine/settings";
import { requireDataset } from "../datasets/dataset-source";
import { lagNyse, NYSE_LAGS, NYSE_SERIES } from "../datasets/nyse";
import { rSquaredMetric } from "./shared/epoch-metrics";

const settings = defineSettings({
  seed: seedSetting(),
  epochs: epochsSetting(20, 200),
  learningRate: learningRateSetting(0.001),
  batchSize: batchSizeSetting(64, 1024),
  optimizer: choiceSetting("optimizer", ["rmsprop", "adam", "sgd"] as const, { default: "rmsprop", label: { en: "Optimizer", ko: "옵티마이저" } }),
  units: integerSetting("units", { min: 1, max: 64, default: 12, label: { en: "RNN units", ko: "RNN 유닛 수" } }),
});
export type RnnNyseSettings = typeof settings.defaults;

export interface NyseData extends PreparedData {
  test: ArrayDataset;
  testDates: string[];
}

export interface RnnNyseExtras {
  testR2: Record<string, number>;
  /** Test days, actual standardised log volume, and each model's prediction (for a time plot). */
  testDates: string[];
  actual: number[];
  predictions: Record<string, number[]>;
}

const FEATURES = NYSE_LAGS * NYSE_SERIES.length;

export const rnnNyseExperiment: ExperimentDefinition<RnnNyseSettings, NyseData, RnnNyseExtras> = {
  id: "rnn-nyse",
  title: { en: "An RNN forecasting NYSE trading volume", ko: "RNN으로 NYSE 거래량 예측하기" },
  shows: {
    en: "The lab's 12-unit RNN reads five days of three series to predict the next day's log volume, next to a linear autoregression: test R² for both.",
    ko: "실습의 12유닛 RNN이 세 시계열의 5일치를 읽어 다음 날 로그 거래량을 예측합니다. 선형 자기회귀와 테스트 R²를 비교합니다.",
  },
  conceptIds: ["rnn", "time-series"],
  islp: "ISLP (2023) §10.5.2, lab §10.9.6",
  settings,
  datasets: ["nyse"],
  prepare: (_s, datasets) => {
    const lagged = lagNyse(requireDataset(datasets, "nyse"));
    return {
      train: { x: lagged.xTrain, y: lagged.yTrain, count: lagged.trainCount, yWidth: 1 },
      test: { x: lagged.xTest, y: lagged.yTest, count: lagged.testCount, yWidth: 1 },
      testDates: lagged.testDates,
    };
  },
  models: (s): ModelPlan[] => [
    {
      id: "rnn",
      label: { en: `RNN (${s.units} units)`, ko: `RNN (유닛 ${s.units}개)` },
      spec: {
        input: [NYSE_LAGS, NYSE_SERIES.length],
        layers: [{ type: "simpleRNN", units: s.units }, { type: "dropout", rate: 0.1 }, { type: "dense", units: 1 }],
      },
      fit: {
        kind: "gradient",
        training: { optimizer: s.optimizer, learningRate: s.learningRate, epochs: s.epochs, batchSize: s.batchSize, loss: "meanSquaredError", validateOn: "test" },
      },
      metrics: [rSquaredMetric("testR2", "test")],
    },
    {
      id: "linear-ar",
      label: { en: "linear autoregression (least squares)", ko: "선형 자기회귀 (최소제곱)" },
      spec: { input: [FEATURES], layers: [{ type: "dense", units: 1 }] },
      fit: { kind: "least-squares" },
      metrics: [rSquaredMetric("testR2", "test")],
    },
  ],
  analyse: async ({ data, models }) => {
    const testR2: Record<string, number> = {};
    const predictions: Record<string, number[]> = {};
    for (const model of models) {
      testR2[model.record.id] = model.record.final.testR2 ?? NaN;
      predictions[model.record.id] = Array.from(await model.predict(data.test.x, data.test.count));
    }
    return { testR2, testDates: data.testDates, actual: Array.from(data.test.y), predictions };
  },
  summarise: (run, locale) => {
    const rnn = run.models.find((m) => m.id === "rnn");
    const ar = run.models.find((m) => m.id === "linear-ar");
    const r2 = (id: string) => formatValue(run.extras.testR2[id] ?? NaN);
    const p = (n: number | undefined) => formatCount(n ?? NaN, locale);
    const days = formatCount(run.extras.actual.length, locale);
    const epochs = rnn?.epochs.length ?? 0;
    return locale === "en"
      ? `Test R² on ${days} trading days: the RNN (${p(rnn?.params)} parameters, ${countOf(epochs, "epoch")}) ${r2("rnn")}; ` +
          `the linear autoregression (${p(ar?.params)}) ${r2("linear-ar")}. The lab reports about 0.41 for both.`
      : `거래일 ${days}일의 테스트 R²: RNN(모수 ${p(rnn?.params)}개, ${formatCount(epochs, locale)} 에폭) ${r2("rnn")}, ` +
          `선형 자기회귀(${p(ar?.params)}개) ${r2("linear-ar")}. 실습에서는 둘 다 약 0.41입니다.`;
  },
};

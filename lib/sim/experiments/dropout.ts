/**
 * Experiment 4, dropout (ISLP (2023) §10.7.3: during training each unit is dropped with
 * probability φ and the survivors scaled by 1/(1 − φ); at prediction time all units are kept).
 * The big network of experiment 3 with and without dropout after each hidden layer, from the same
 * initial weights: dropout narrows the gap between training and validation loss. Then the dropout
 * network predicts the same inputs several times with dropout left on (tfjs `training: true`):
 * every pass gives a different curve, which is why evaluation (Keras `predict`, PyTorch `eval()`)
 * switches it off and returns one deterministic answer.
 */
import type { ExperimentDefinition, ModelPlan, PreparedData } from "../engine/experiment-types";
import { formatCount, formatValue } from "../engine/localized";
import { defineSettings, epochsSetting, integerSetting, learningRateSetting, numberSetting, seedSetting } from "../engine/settings";
import { curveNetwork, fittedCurves, sampleCurve, type FittedCurves } from "./shared/curve-fitting";
import { mseMetric } from "./shared/epoch-metrics";

const settings = defineSettings({
  seed: seedSetting(),
  epochs: epochsSetting(300, 2000),
  learningRate: learningRateSetting(0.01),
  dropoutRate: numberSetting("dropoutRate", { min: 0.05, max: 0.9, default: 0.5, step: 0.05, label: { en: "Dropout rate φ", ko: "드롭아웃 비율 φ" } }),
  samples: integerSetting("samples", { min: 5, max: 200, default: 15, label: { en: "Training points", ko: "훈련 데이터 수" } }),
  noise: numberSetting("noise", { min: 0, max: 1, default: 0.5, step: 0.01, label: { en: "Noise (sd of ε)", ko: "잡음 (ε의 표준편차)" } }),
  passes: integerSetting("passes", { min: 2, max: 20, default: 5, label: { en: "Passes with dropout on", ko: "드롭아웃을 켠 예측 횟수" } }),
});
export type DropoutSettings = typeof settings.defaults;

export interface DropoutExtras extends FittedCurves {
  /** Per model: final training loss (dropout off), validation loss, and their gap. */
  gaps: Record<string, { trainLoss: number; valLoss: number; gap: number }>;
  /** The dropout network's predictions on the grid, one array per pass with dropout on. */
  trainingModePasses: number[][];
  /** Largest difference between two of those passes at any grid point. */
  trainingModeSpread: number;
  /** Two passes with dropout off gave identical predictions. */
  evalRepeatable: boolean;
}

const UNITS = 128;

export const dropoutExperiment: ExperimentDefinition<DropoutSettings, PreparedData, DropoutExtras> = {
  id: "dropout",
  title: { en: "Dropout: regularising by switching units off", ko: "드롭아웃: 유닛을 끄는 정규화" },
  shows: {
    en: "With dropout the gap between training and validation loss shrinks; with dropout left on, the same input gives a different prediction on every pass.",
    ko: "드롭아웃을 쓰면 학습 손실과 검증 손실의 차이가 줄어듭니다. 드롭아웃을 켠 채 예측하면 같은 입력도 매번 다른 값을 냅니다.",
  },
  conceptIds: ["dropout"],
  islp: "ISLP (2023) §10.7.3",
  settings,
  datasets: [],
  prepare: (s, _datasets, random) => ({
    train: sampleCurve(s.samples, s.noise, random),
    validation: sampleCurve(200, s.noise, random),
  }),
  models: (s) => {
    const training = { optimizer: "adam", learningRate: s.learningRate, epochs: s.epochs, batchSize: s.samples, loss: "meanSquaredError", validateOn: "validation" } as const;
    const plans: ModelPlan[] = [
      { id: "plain", label: { en: "no dropout", ko: "드롭아웃 없음" }, spec: curveNetwork([UNITS, UNITS], "relu"), fit: { kind: "gradient", training } },
      {
        id: "dropout",
        label: { en: `dropout φ = ${s.dropoutRate}`, ko: `드롭아웃 φ = ${s.dropoutRate}` },
        spec: curveNetwork([UNITS, UNITS], "relu", s.dropoutRate),
        fit: { kind: "gradient", training },
      },
    ];
    return plans.map((plan) => ({ ...plan, initKey: "shared", metrics: [mseMetric("trainMse", "train")] }));
  },
  analyse: async ({ settings: s, data, models }) => {
    const curves = await fittedCurves(models, data.train);
    const gaps: DropoutExtras["gaps"] = {};
    for (const { record } of models) {
      const trainLoss = record.final.trainMse ?? NaN;
      const valLoss = record.final.valLoss ?? NaN;
      gaps[record.id] = { trainLoss, valLoss, gap: valLoss - trainLoss };
    }
    const withDropout = models.find((m) => m.record.id === "dropout");
    if (!withDropout) throw new Error("no dropout model");
    const grid = Float32Array.from(curves.grid);
    const trainingModePasses: number[][] = [];
    for (let pass = 0; pass < s.passes; pass++) {
      trainingModePasses.push(Array.from(await withDropout.predict(grid, grid.length, { training: true })));
    }
    let trainingModeSpread = 0;
    for (let i = 0; i < grid.length; i++) {
      const values = trainingModePasses.map((p) => p[i] ?? 0);
      trainingModeSpread = Math.max(trainingModeSpread, Math.max(...values) - Math.min(...values));
    }
    const [once, again] = [await withDropout.predict(grid, grid.length), await withDropout.predict(grid, grid.length)];
    const evalRepeatable = once.every((value, i) => value === again[i]);
    return { ...curves, gaps, trainingModePasses, trainingModeSpread, evalRepeatable };
  },
  summarise: (run, locale) => {
    const { plain, dropout } = run.extras.gaps;
    if (!plain || !dropout) return "";
    const f = formatValue;
    const spread = f(run.extras.trainingModeSpread);
    const passes = formatCount(run.extras.trainingModePasses.length, locale);
    return locale === "en"
      ? `Without dropout the validation loss ended ${f(plain.gap)} above the training loss (${f(plain.valLoss)} vs ${f(plain.trainLoss)}); ` +
          `with dropout, ${f(dropout.gap)} (${f(dropout.valLoss)} vs ${f(dropout.trainLoss)}). ` +
          `With dropout left on, ${passes} predictions of the same inputs differed by up to ${spread}: evaluation switches it off.`
      : `드롭아웃이 없으면 검증 손실이 학습 손실보다 ${f(plain.gap)} 높았고(${f(plain.valLoss)} 대 ${f(plain.trainLoss)}), ` +
          `드롭아웃을 쓰면 ${f(dropout.gap)} 높았습니다(${f(dropout.valLoss)} 대 ${f(dropout.trainLoss)}). ` +
          `드롭아웃을 켠 채 같은 입력을 ${passes}번 예측하면 값이 최대 ${spread}까지 달라집니다. 그래서 평가할 때는 드롭아웃을 끕니다.`;
  },
};

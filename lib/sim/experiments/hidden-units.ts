/**
 * Experiment 2, the number of hidden units (ISLP 2nd ed. §10.1: K hidden units make K derived
 * features A_k = g(w_k0 + w_kᵀx), and f(x) is a linear model in them). The same curve fitted with
 * K = 1, 2, 5, 20 and 100 ReLU units, from matching seeds: with one unit the fit is a single hinge,
 * with more the piecewise-linear fit gains kinks and follows the curve. Shows the fitted curves,
 * the loss curves and each K's parameter count (3K + 1).
 */
import type { ExperimentDefinition, ModelPlan, PreparedData } from "../engine/experiment-types";
import { countOf, formatCount, formatValue } from "../engine/localized";
import { batchSizeSetting, defineSettings, epochsSetting, integerSetting, learningRateSetting, numberSetting, seedSetting } from "../engine/settings";
import { curveNetwork, fittedCurves, sampleCurve, type FittedCurves } from "./shared/curve-fitting";
import { mseMetric } from "./shared/epoch-metrics";

export const HIDDEN_UNIT_COUNTS = [1, 2, 5, 20, 100] as const;

const settings = defineSettings({
  seed: seedSetting(),
  epochs: epochsSetting(100, 1000),
  learningRate: learningRateSetting(0.01),
  batchSize: batchSizeSetting(32, 1000),
  samples: integerSetting("samples", { min: 20, max: 1000, default: 200, label: { en: "Training points", ko: "학습 데이터 수" } }),
  noise: numberSetting("noise", { min: 0, max: 1, default: 0.1, step: 0.01, label: { en: "Noise (sd of ε)", ko: "잡음 (ε의 표준편차)" } }),
});
export type HiddenUnitsSettings = typeof settings.defaults;
export type HiddenUnitsExtras = FittedCurves;

export const hiddenUnitsExperiment: ExperimentDefinition<HiddenUnitsSettings, PreparedData, HiddenUnitsExtras> = {
  id: "hidden-units",
  title: { en: "How many hidden units?", ko: "은닉 유닛은 몇 개가 필요할까?" },
  shows: {
    en: "The same fit with K = 1, 2, 5, 20 and 100 ReLU units: each unit adds a kink, and the fit follows the curve as K grows.",
    ko: "같은 곡선을 ReLU 유닛 K = 1, 2, 5, 20, 100개로 적합합니다. 유닛마다 꺾임이 하나씩 늘어 K가 커질수록 곡선을 따라갑니다.",
  },
  conceptIds: ["single-layer-network", "hidden-layers"],
  islp: "ISLP 2nd ed. §10.1",
  settings,
  datasets: [],
  prepare: (s, _datasets, random) => ({
    train: sampleCurve(s.samples, s.noise, random),
    validation: sampleCurve(200, s.noise, random),
  }),
  models: (s) =>
    HIDDEN_UNIT_COUNTS.map(
      (k): ModelPlan => ({
        id: `k${k}`,
        label: { en: `K = ${k}`, ko: `K = ${k}` },
        spec: curveNetwork([k], "relu"),
        fit: {
          kind: "gradient",
          training: { optimizer: "adam", learningRate: s.learningRate, epochs: s.epochs, batchSize: s.batchSize, loss: "meanSquaredError", validateOn: "validation" },
        },
        metrics: [mseMetric("trainMse", "train")],
      }),
    ),
  analyse: ({ data, models }) => fittedCurves(models, data.train),
  summarise: (run, locale) => {
    const parts = run.models.map((m) => `${m.label[locale]}: ${formatValue(m.final.valLoss ?? NaN)}`);
    const epochs = run.models[0]?.epochs.length ?? 0;
    return locale === "en"
      ? `Validation loss after ${countOf(epochs, "epoch")} — ${parts.join(", ")}. More units, more kinks: the fit improves until the curve is followed and only noise is left.`
      : `${formatCount(epochs, locale)} 에폭 뒤 검증 손실 — ${parts.join(", ")}. 유닛이 많을수록 꺾임이 늘어 곡선을 따라가며, 결국 잡음만 남습니다.`;
  },
};

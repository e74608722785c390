/**
 * Experiment 3, overfitting (ISLP (2023) §10.7 and §2.2.2: a flexible model fitted to few noisy
 * points learns the noise). A big network (1 → 128 → 128 → 1, 16,897 parameters) and a small one
 * (1 → 4 → 1, 13 parameters) on 15 noisy points (noise sd 0.5), full-batch Adam, scored each epoch on 200 fresh
 * points. The big net's training loss keeps falling while its validation loss bottoms out and turns
 * up; the small one cannot chase the noise. Shows the two pairs of loss curves drawing apart and the
 * fitted curves (the big one wiggling through the points).
 */
import type { ExperimentDefinition, ModelPlan, PreparedData } from "../engine/experiment-types";
import { countOf, formatCount, formatValue } from "../engine/localized";
import { defineSettings, epochsSetting, integerSetting, learningRateSetting, numberSetting, seedSetting } from "../engine/settings";
import { curveMinimum } from "../metrics/series-statistics";
import { curveNetwork, fittedCurves, sampleCurve, type FittedCurves } from "./shared/curve-fitting";
import { mseMetric } from "./shared/epoch-metrics";

const settings = defineSettings({
  seed: seedSetting(),
  epochs: epochsSetting(300, 2000),
  learningRate: learningRateSetting(0.01),
  samples: integerSetting("samples", { min: 5, max: 200, default: 15, label: { en: "Training points", ko: "훈련 데이터 수" } }),
  noise: numberSetting("noise", { min: 0, max: 1, default: 0.5, step: 0.01, label: { en: "Noise (sd of ε)", ko: "잡음 (ε의 표준편차)" } }),
  bigUnits: integerSetting("bigUnits", { min: 8, max: 512, default: 128, scale: "log", label: { en: "Big net: units per layer", ko: "큰 신경망: 층당 유닛 수" } }),
});
export type OverfittingSettings = typeof settings.defaults;

export interface OverfittingExtras extends FittedCurves {
  /** Per model: the epoch where validation loss was lowest, and how far it rose by the end. */
  turns: Record<string, { bestEpoch: number; bestValLoss: number; finalValLoss: number; finalTrainLoss: number }>;
}

export const overfittingExperiment: ExperimentDefinition<OverfittingSettings, PreparedData, OverfittingExtras> = {
  id: "overfitting",
  title: { en: "Overfitting: training and validation loss drawn apart", ko: "과대적합: 학습 손실과 검증 손실이 벌어질 때" },
  shows: {
    en: "On 15 noisy points a big network drives its training loss down while its validation loss turns up; a small one cannot chase the noise.",
    ko: "잡음 섞인 점 15개에서 큰 신경망은 학습 손실을 계속 낮추지만 검증 손실은 다시 올라갑니다. 작은 신경망은 잡음을 쫓지 못합니다.",
  },
  conceptIds: ["too-many-layers", "fitting", "fitting-network"],
  islp: "ISLP (2023) §10.7, §2.2.2",
  settings,
  datasets: [],
  prepare: (s, _datasets, random) => ({
    train: sampleCurve(s.samples, s.noise, random),
    validation: sampleCurve(200, s.noise, random),
  }),
  models: (s) => {
    const training = { optimizer: "adam", learningRate: s.learningRate, epochs: s.epochs, batchSize: s.samples, loss: "meanSquaredError", validateOn: "validation" } as const;
    const plans: ModelPlan[] = [
      { id: "big", label: { en: `big (1 → ${s.bigUnits} → ${s.bigUnits} → 1)`, ko: `큰 신경망 (1 → ${s.bigUnits} → ${s.bigUnits} → 1)` }, spec: curveNetwork([s.bigUnits, s.bigUnits], "relu"), fit: { kind: "gradient", training } },
      { id: "small", label: { en: "small (1 → 4 → 1)", ko: "작은 신경망 (1 → 4 → 1)" }, spec: curveNetwork([4], "relu"), fit: { kind: "gradient", training } },
    ];
    return plans.map((plan) => ({ ...plan, metrics: [mseMetric("trainMse", "train")] }));
  },
  analyse: async ({ data, models }) => {
    const turns: OverfittingExtras["turns"] = {};
    for (const { record } of models) {
      const valLosses = record.epochs.map((e) => e.valLoss ?? NaN);
      const best = curveMinimum(valLosses);
      turns[record.id] = {
        bestEpoch: best.at,
        bestValLoss: best.value,
        finalValLoss: valLosses.at(-1) ?? NaN,
        finalTrainLoss: record.final.trainMse ?? NaN,
      };
    }
    return { ...(await fittedCurves(models, data.train)), turns };
  },
  summarise: (run, locale) => {
    const big = run.extras.turns.big;
    const small = run.extras.turns.small;
    if (!big || !small) return "";
    const f = formatValue;
    const epochs = run.models[0]?.epochs.length ?? 0;
    const lastEpoch = formatCount(epochs, locale);
    const bestEpoch = formatCount(big.bestEpoch, locale);
    // "Turned up": the minimum came before the end and the end is clearly above it.
    const turned = big.bestEpoch < epochs && big.finalValLoss > 1.05 * big.bestValLoss;
    const smallEn = `The small network ended at ${f(small.finalTrainLoss)} (training) and ${f(small.finalValLoss)} (validation).`;
    const smallKo = `작은 신경망의 최종 손실: 학습 ${f(small.finalTrainLoss)}, 검증 ${f(small.finalValLoss)}.`;
    if (!turned) {
      return locale === "en"
        ? `After ${countOf(epochs, "epoch")} the big network's validation loss (${f(big.finalValLoss)}) has not turned up yet; train longer to see it overfit. ${smallEn}`
        : `${lastEpoch} 에폭 뒤 큰 신경망의 검증 손실(${f(big.finalValLoss)})은 아직 다시 오르지 않았습니다. 더 오래 학습하면 과대적합이 보입니다. ${smallKo}`;
    }
    return locale === "en"
      ? `The big network's validation loss was lowest (${f(big.bestValLoss)}) at epoch ${bestEpoch} and rose to ${f(big.finalValLoss)} by epoch ${lastEpoch}, ` +
          `while its training loss fell to ${f(big.finalTrainLoss)}: it learned the noise. ${smallEn}`
      : `큰 신경망의 검증 손실은 ${bestEpoch} 에폭에서 가장 낮았고(${f(big.bestValLoss)}) ${lastEpoch} 에폭에는 다시 올랐습니다(${f(big.finalValLoss)}). ` +
          `그동안 학습 손실은 계속 내려갔습니다(${f(big.finalTrainLoss)}). 잡음까지 외운 것입니다. ${smallKo}`;
  },
};

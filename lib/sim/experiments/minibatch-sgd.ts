/**
 * Experiment 6, minibatch stochastic gradient descent (ISLP 2nd ed. §10.7.2: each step uses the
 * gradient on a small random minibatch; an epoch is as many steps as it takes to see every
 * training observation once, ⌈n / batch⌉). The Hitters network (without dropout, so all the noise
 * is the minibatches') trained by plain SGD on the lab's 175 training players with the chosen
 * batch size and with 4, 16, 64 and 175 (full batch) for comparison, from the same starting
 * weights. Shows the steps per epoch computed and counted live (175 / 32 → 6) and every step's
 * loss: small batches take many cheap, noisy steps; the full batch takes one smooth step per epoch.
 */
import type { ExperimentDefinition, ModelPlan, PreparedData } from "../engine/experiment-types";
import { formatCount, formatValue } from "../engine/localized";
import { batchSizeSetting, defineSettings, epochsSetting, learningRateSetting, seedSetting } from "../engine/settings";
import { requireDataset } from "../datasets/dataset-source";
import { HITTERS_TRAIN_ROWS, splitHitters } from "../datasets/hitters";
import { columnStatistics } from "../datasets/standardise";
import { relativeNoise } from "../metrics/series-statistics";
import { mseMetric } from "./shared/epoch-metrics";

export const COMPARISON_BATCH_SIZES = [4, 16, 64, HITTERS_TRAIN_ROWS] as const;

const settings = defineSettings({
  seed: seedSetting(),
  batchSize: batchSizeSetting(32, HITTERS_TRAIN_ROWS),
  epochs: epochsSetting(20, 200),
  learningRate: learningRateSetting(0.01),
});
export type MinibatchSettings = typeof settings.defaults;

export interface MinibatchRun {
  batchSize: number;
  /** ⌈n / batch⌉ and the worked formula, e.g. "⌈175 / 32⌉ = 6". */
  stepsPerEpoch: number;
  formula: string;
  /** Steps tfjs took in each epoch (equal to stepsPerEpoch). */
  stepsCounted: number[];
  /** Relative step-to-step noise of the minibatch losses (0 for a smooth curve). */
  noise: number;
  finalTrainLoss: number;
}

export interface MinibatchExtras {
  n: number;
  chosen: number;
  runs: MinibatchRun[];
}

export function batchSizesToCompare(chosen: number): number[] {
  return [...new Set([chosen, ...COMPARISON_BATCH_SIZES])].sort((a, b) => a - b);
}

const stepsFormula = (n: number, batch: number) => `⌈${n} / ${batch}⌉ = ${Math.ceil(n / batch)}`;

export const minibatchSgdExperiment: ExperimentDefinition<MinibatchSettings, PreparedData, MinibatchExtras> = {
  id: "minibatch-sgd",
  title: { en: "Minibatch SGD: steps per epoch and noisy losses", ko: "미니배치 SGD: 에폭당 스텝 수와 손실의 잡음" },
  shows: {
    en: "An epoch is ⌈n / batch⌉ steps (175 / 32 → 6); smaller batches take more, noisier steps.",
    ko: "한 에폭는 ⌈n / 배치⌉ 스텝입니다(175 / 32 → 6). 배치가 작을수록 스텝이 많고 손실이 더 출렁입니다.",
  },
  conceptIds: ["sgd"],
  islp: "ISLP 2nd ed. §10.7.2",
  settings,
  datasets: ["hitters"],
  prepare: (_s, datasets, random) => {
    const split = splitHitters(requireDataset(datasets, "hitters"), random);
    const { mean, sd } = columnStatistics(split.yTrain, 1);
    const yScale = { mean: mean[0] ?? 0, sd: sd[0] ?? 1 };
    const y = split.yTrain.map((v) => (v - yScale.mean) / yScale.sd);
    return { train: { x: split.xTrain, y, count: split.trainRows.length, yWidth: 1, yScale } };
  },
  models: (s) =>
    batchSizesToCompare(s.batchSize).map(
      (batchSize): ModelPlan => ({
        id: `batch-${batchSize}`,
        label: batchSize === HITTERS_TRAIN_ROWS ? { en: `full batch (${batchSize})`, ko: `전체 배치 (${batchSize})` } : { en: `batch ${batchSize}`, ko: `배치 ${batchSize}` },
        spec: { input: [19], layers: [{ type: "dense", units: 50, activation: "relu" }, { type: "dense", units: 1 }] },
        initKey: "shared",
        fit: {
          kind: "gradient",
          training: { optimizer: "sgd", learningRate: s.learningRate, epochs: s.epochs, batchSize, loss: "meanSquaredError", recordStepLoss: true },
        },
        metrics: [mseMetric("trainMse", "train")],
      }),
    ),
  analyse: async ({ settings: s, data, models }) => {
    const n = data.train.count;
    const runs = models.map(({ record }, index): MinibatchRun => {
      const batchSize = batchSizesToCompare(s.batchSize)[index] ?? n;
      return {
        batchSize,
        stepsPerEpoch: record.stepsPerEpoch,
        formula: stepsFormula(n, batchSize),
        stepsCounted: record.stepsCounted,
        noise: relativeNoise(record.stepLosses),
        finalTrainLoss: record.final.trainMse ?? NaN,
      };
    });
    return { n, chosen: s.batchSize, runs };
  },
  summarise: (run, locale) => {
    const { n, chosen, runs } = run.extras;
    const mine = runs.find((r) => r.batchSize === chosen);
    if (!mine) return "";
    const noise = runs.map((r) => `${formatCount(r.batchSize, locale)}: ${formatValue(r.noise)}`).join(", ");
    const [players, batch, counted] = [n, chosen, mine.stepsCounted[0] ?? 0].map((count) => formatCount(count, locale));
    return locale === "en"
      ? `${players} players in batches of ${batch}: ${mine.formula} steps per epoch (tfjs took ${counted}). ` +
          `Step-to-step loss noise by batch size — ${noise}: the smaller the batch, the noisier each step.`
      : `선수 ${players}명을 ${batch}명씩 나누면 에폭당 ${mine.formula} 스텝입니다(tfjs가 실제로 ${counted} 스텝 진행). ` +
          `배치 크기별 스텝 간 손실 잡음 — ${noise}: 배치가 작을수록 스텝마다 더 출렁입니다.`;
  },
};

/**
 * Experiment 1, activation functions (ISLP 2nd ed. §10.1, eq. 10.2 and the discussion of g(z)):
 * one hidden layer of K units fitted to y = sin(1.5x) + 0.3x + ε with a linear, a sigmoid and a
 * ReLU activation, from the same initial weights and minibatches. With a linear activation the
 * network is a linear function of x however many units it has, so its fit stays a straight line;
 * the non-linear activations bend to the curve. Shows the fitted curves over the data and the
 * loss curves.
 */
import type { ActivationName } from "@/lib/model-core";
import type { ExperimentDefinition, ModelPlan, PreparedData } from "../engine/experiment-types";
import { countOf, formatCount, formatValue } from "../engine/localized";
import {
  batchSizeSetting,
  choiceSetting,
  defineSettings,
  epochsSetting,
  integerSetting,
  learningRateSetting,
  numberSetting,
  seedSetting,
} from "../engine/settings";
import { curveNetwork, fittedCurves, sampleCurve, type FittedCurves } from "./shared/curve-fitting";
import { mseMetric } from "./shared/epoch-metrics";

const settings = defineSettings({
  seed: seedSetting(),
  epochs: epochsSetting(100, 1000),
  learningRate: learningRateSetting(0.01),
  batchSize: batchSizeSetting(32, 1000),
  hiddenUnits: integerSetting("hiddenUnits", { min: 1, max: 256, default: 20, label: { en: "Hidden units K", ko: "은닉 유닛 수 K" } }),
  samples: integerSetting("samples", { min: 20, max: 1000, default: 200, label: { en: "Training points", ko: "학습 데이터 수" } }),
  noise: numberSetting("noise", { min: 0, max: 1, default: 0.1, step: 0.01, label: { en: "Noise (sd of ε)", ko: "잡음 (ε의 표준편차)" } }),
  optimizer: choiceSetting("optimizer", ["adam", "sgd", "rmsprop"] as const, { default: "adam", label: { en: "Optimizer", ko: "옵티마이저" } }),
});
export type ActivationSettings = typeof settings.defaults;

const ACTIVATIONS: readonly { id: string; activation: ActivationName | undefined; label: { en: string; ko: string } }[] = [
  { id: "linear", activation: undefined, label: { en: "linear", ko: "선형" } },
  { id: "sigmoid", activation: "sigmoid", label: { en: "sigmoid", ko: "시그모이드" } },
  { id: "relu", activation: "relu", label: { en: "ReLU", ko: "ReLU" } },
];

export type ActivationExtras = FittedCurves;

export const activationExperiment: ExperimentDefinition<ActivationSettings, PreparedData, ActivationExtras> = {
  id: "activation",
  title: { en: "Activation functions: why a network needs a non-linearity", ko: "활성화 함수: 신경망에 비선형성이 필요한 이유" },
  shows: {
    en: "The same one-hidden-layer network with linear, sigmoid and ReLU activations: only the non-linear ones can bend to the curve.",
    ko: "같은 은닉층 하나짜리 신경망을 선형·시그모이드·ReLU 활성화로 학습합니다. 비선형 활성화만 곡선을 따라 휘어집니다.",
  },
  conceptIds: ["activation", "single-layer-network"],
  islp: "ISLP 2nd ed. §10.1",
  settings,
  datasets: [],
  prepare: (s, _datasets, random) => ({
    train: sampleCurve(s.samples, s.noise, random),
    validation: sampleCurve(200, s.noise, random),
  }),
  models: (s) =>
    ACTIVATIONS.map(
      ({ id, activation, label }): ModelPlan => ({
        id,
        label,
        spec: curveNetwork([s.hiddenUnits], activation),
        initKey: "shared",
        fit: {
          kind: "gradient",
          training: { optimizer: s.optimizer, learningRate: s.learningRate, epochs: s.epochs, batchSize: s.batchSize, loss: "meanSquaredError", validateOn: "validation" },
        },
        metrics: [mseMetric("trainMse", "train")],
      }),
    ),
  analyse: ({ data, models }) => fittedCurves(models, data.train),
  summarise: (run, locale) => {
    const finals = run.models.map((m) => ({ label: m.label[locale], loss: m.final.trainMse ?? m.final.loss ?? NaN, epochs: m.epochs.length }));
    const [linear, sigmoid, relu] = finals;
    if (!linear || !sigmoid || !relu) return "";
    const f = formatValue;
    return locale === "en"
      ? `After ${countOf(relu.epochs, "epoch")} ReLU reached a training loss of ${f(relu.loss)} and sigmoid ${f(sigmoid.loss)}; ` +
          `the linear activation was stuck at ${f(linear.loss)}: without a non-linearity the network is a straight line.`
      : `${formatCount(relu.epochs, locale)} 에폭 뒤 학습 손실: ReLU ${f(relu.loss)}, 시그모이드 ${f(sigmoid.loss)}, 선형 ${f(linear.loss)}. ` +
          `선형 활성화는 더 내려가지 못합니다. 비선형성이 없으면 신경망은 직선에 불과합니다.`;
  },
};

/**
 * Experiment 10, a CNN against the MLP on MNIST (ISLP 2nd ed. §10.3: convolution layers share one
 * small filter across the whole image, so they need far fewer parameters than dense layers, and
 * they build in that a stroke means the same thing wherever it is). A small CNN — 3 × 3 conv 16,
 * 2 × 2 pool, 3 × 3 conv 32, 2 × 2 pool, softmax: 12,810 parameters — next to the book's
 * 235,146-parameter MLP, trained the same way on the same digits. Shows both parameter counts and
 * test accuracies per epoch, and their confusion matrices.
 */
import type { ArchitectureSpecInput } from "@/lib/model-core";
import type { ExperimentDefinition, ModelPlan } from "../engine/experiment-types";
import { countOf, formatCount, formatValue } from "../engine/localized";
import { defineSettings } from "../engine/settings";
import { digitMetrics, digitSettingFields, digitTraining, MNIST_MLP_SPEC, prepareDigits, type DigitData } from "./shared/digit-experiment";
import { scoreDigits, type DigitScores } from "./shared/digit-results";

export const SMALL_CNN_SPEC: ArchitectureSpecInput = {
  input: [28, 28, 1],
  layers: [
    { type: "conv2d", filters: 16, kernelSize: 3, activation: "relu" },
    { type: "maxPool2d", poolSize: 2 },
    { type: "conv2d", filters: 32, kernelSize: 3, activation: "relu" },
    { type: "maxPool2d", poolSize: 2 },
    { type: "flatten" },
    { type: "dense", units: 10, activation: "softmax" },
  ],
};

const settings = defineSettings(digitSettingFields({ epochs: 3, batchSize: 128, learningRate: 0.001, trainSize: 8000 }));
export type CnnVsMlpSettings = typeof settings.defaults;

export interface CnnVsMlpExtras {
  scores: Record<string, DigitScores>;
  /** MLP parameters ÷ CNN parameters. */
  parameterRatio: number;
}

export const cnnVsMlpExperiment: ExperimentDefinition<CnnVsMlpSettings, DigitData, CnnVsMlpExtras> = {
  id: "cnn-vs-mlp",
  title: { en: "A CNN versus the MLP on MNIST", ko: "MNIST에서 CNN 대 MLP" },
  shows: {
    en: "A small CNN with about 18 times fewer parameters than the MLP, trained on the same digits: parameters and accuracy side by side.",
    ko: "MLP보다 모수가 약 18배 적은 작은 CNN을 같은 숫자로 학습합니다. 모수 수와 정확도를 나란히 봅니다.",
  },
  conceptIds: ["cnn-architecture", "basic-models", "parameter-count"],
  islp: "ISLP 2nd ed. §10.3",
  settings,
  datasets: ["mnist"],
  prepare: prepareDigits,
  models: (s): ModelPlan[] => {
    const training = digitTraining(s);
    return [
      { id: "cnn", label: { en: "CNN", ko: "CNN" }, spec: SMALL_CNN_SPEC, fit: { kind: "gradient", training }, metrics: digitMetrics() },
      { id: "mlp", label: { en: "MLP 784 → 256 → 128 → 10", ko: "MLP 784 → 256 → 128 → 10" }, spec: MNIST_MLP_SPEC, fit: { kind: "gradient", training }, metrics: digitMetrics() },
    ];
  },
  analyse: async ({ data, models }) => {
    const scores: Record<string, DigitScores> = {};
    for (const model of models) scores[model.record.id] = await scoreDigits(model, data.arrays, data.mnist);
    const params = (id: string) => models.find((m) => m.record.id === id)?.record.params ?? NaN;
    return { scores, parameterRatio: params("mlp") / params("cnn") };
  },
  summarise: (run, locale) => {
    const get = (id: string) => ({
      params: formatCount(run.models.find((m) => m.id === id)?.params ?? NaN, locale),
      accuracy: formatValue(run.extras.scores[id]?.accuracy ?? NaN, "percent"),
    });
    const cnn = get("cnn");
    const mlp = get("mlp");
    const ratio = formatValue(run.extras.parameterRatio);
    const epochs = run.models[0]?.epochs.length ?? 0;
    return locale === "en"
      ? `After ${countOf(epochs, "epoch")} the CNN (${cnn.params} parameters) reached ${cnn.accuracy} test accuracy and the MLP (${mlp.params}, ${ratio}× as many) ${mlp.accuracy}.`
      : `${formatCount(epochs, locale)} 에폭 뒤 CNN(모수 ${cnn.params}개)의 테스트 정확도는 ${cnn.accuracy}, MLP(${mlp.params}개, ${ratio}배)는 ${mlp.accuracy}였습니다.`;
  },
};

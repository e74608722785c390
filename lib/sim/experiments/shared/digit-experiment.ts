/**
 * What the four MNIST experiments (7–10) share: the book's two MNIST networks as specs, the
 * settings for how many digits and how to train on them, the prepared arrays, the training
 * configuration (cross-entropy on a softmax output, RMSprop by default as in lab §10.9.2) and the
 * per-epoch test accuracy and loss.
 */
import type { ArchitectureSpecInput } from "@/lib/model-core";
import { requireDataset, type LoadedDatasets } from "../../datasets/dataset-source";
import type { MnistDataset } from "../../datasets/mnist-format";
import type { ArrayDataset, PreparedData, TrainingConfig } from "../../engine/experiment-types";
import { batchSizeSetting, choiceSetting, epochsSetting, integerSetting, learningRateSetting, seedSetting } from "../../engine/settings";
import type { SeededRandom } from "../../random/seeded-random";
import { accuracyMetric, crossEntropyMetric } from "./epoch-metrics";
import { mnistArrays, type MnistArrays } from "./mnist-subsets";

export const MNIST_MLP_SPEC: ArchitectureSpecInput = {
  input: [784],
  layers: [
    { type: "dense", units: 256, activation: "relu" },
    { type: "dropout", rate: 0.4 },
    { type: "dense", units: 128, activation: "relu" },
    { type: "dropout", rate: 0.3 },
    { type: "dense", units: 10, activation: "softmax" },
  ],
};
export const MNIST_LOGISTIC_SPEC: ArchitectureSpecInput = { input: [784], layers: [{ type: "dense", units: 10, activation: "softmax" }] };

/** Settings the digit experiments share: how many digits, and how to train on them. */
export function digitSettingFields(defaults: { epochs: number; batchSize: number; learningRate: number; trainSize: number }) {
  return {
    seed: seedSetting(),
    epochs: epochsSetting(defaults.epochs, 50),
    learningRate: learningRateSetting(defaults.learningRate),
    batchSize: batchSizeSetting(defaults.batchSize, 1024),
    optimizer: choiceSetting("optimizer", ["rmsprop", "adam", "sgd"] as const, { default: "rmsprop", label: { en: "Optimizer", ko: "옵티마이저" } }),
    trainSize: integerSetting("trainSize", { min: 100, max: 8000, default: defaults.trainSize, scale: "log", label: { en: "Training digits", ko: "학습 숫자 수" } }),
    testSize: integerSetting("testSize", { min: 100, max: 2000, default: 2000, scale: "log", label: { en: "Test digits", ko: "테스트 숫자 수" } }),
  };
}

export interface DigitData extends PreparedData {
  test: ArrayDataset;
  arrays: MnistArrays;
  mnist: MnistDataset;
}

export function prepareDigits(s: { trainSize: number; testSize: number }, datasets: LoadedDatasets, random: SeededRandom): DigitData {
  const mnist = requireDataset(datasets, "mnist");
  const arrays = mnistArrays(mnist, s, random);
  return { train: arrays.train, test: arrays.test, arrays, mnist };
}

export function digitTraining(s: Pick<TrainingConfig, "optimizer" | "learningRate" | "epochs" | "batchSize">): TrainingConfig {
  return { optimizer: s.optimizer, learningRate: s.learningRate, epochs: s.epochs, batchSize: s.batchSize, loss: "categoricalCrossentropy" };
}

/** Test accuracy and test loss from one pass over the test digits per epoch (no separate validation pass). */
export const digitMetrics = () => [accuracyMetric("testAccuracy", "test"), crossEntropyMetric("testLoss", "test")];


/**
 * Weight-matrix shapes (ISLP (2023) §10.2, the MNIST network of Figure 10.4; the course notes'
 * "W₁ is 785 × 256"): a small multilayer network 784 → K₁ → K₂ → 10 learns real MNIST digits, and
 * the trained model is read back layer by layer. Each layer's matrix is written as the course
 * writes it, (inputs + 1 bias row) × units: W₁ is 785 × K₁, W₂ is (K₁ + 1) × K₂, B is (K₂ + 1) × 10.
 * Its parameters are counted twice, from the kernel and bias TensorFlow.js trained (kernel
 * inputs × units, bias units) and from the closed form (p + 1) × K, and must agree. The first
 * layer's K₁ columns, 784 weights each, are drawn as 28 × 28 images: what each hidden unit looks
 * for in a digit. With K₁ = 256 and K₂ = 128 it is the book's network without dropout (235,146
 * parameters); the defaults are smaller so a run takes seconds.
 */
import { deriveArchitecture, type ArchitectureSpecInput } from "@/lib/model-core";
import type { ExperimentDefinition, ModelPlan } from "../engine/experiment-types";
import { formatCount, formatValue } from "../engine/localized";
import { defineSettings, integerSetting } from "../engine/settings";
import { digitMetrics, digitSettingFields, digitTraining, prepareDigits, type DigitData } from "./shared/digit-experiment";

const settings = defineSettings({
  ...digitSettingFields({ epochs: 5, batchSize: 32, learningRate: 0.001, trainSize: 4000 }),
  hidden1: integerSetting("hidden1", { min: 4, max: 256, default: 32, scale: "log", label: { en: "Hidden units, layer 1 (K₁)", ko: "첫 번째 은닉층의 은닉 유닛 (K₁)" } }),
  hidden2: integerSetting("hidden2", { min: 4, max: 128, default: 16, scale: "log", label: { en: "Hidden units, layer 2 (K₂)", ko: "두 번째 은닉층의 은닉 유닛 (K₂)" } }),
});
export type WeightShapesSettings = typeof settings.defaults;

/** The course's names for the three matrices: W₁, W₂ into the hidden layers, B into the output. */
export const MATRIX_NAMES = ["W₁", "W₂", "B"] as const;
/** First-layer units drawn as images (all of them up to this many). */
export const FIRST_LAYER_IMAGES = 32;

export function weightShapesSpec(s: Pick<WeightShapesSettings, "hidden1" | "hidden2">): ArchitectureSpecInput {
  return {
    input: [784],
    layers: [
      { type: "dense", units: s.hidden1, activation: "relu" },
      { type: "dense", units: s.hidden2, activation: "relu" },
      { type: "dense", units: 10, activation: "softmax" },
    ],
  };
}

export interface LayerShapes {
  matrix: string;
  /** The course's (inputs + 1) × units, from the closed form. */
  islpShape: [number, number];
  /** What TensorFlow.js holds after training: the kernel (inputs × units) and the bias (units). */
  kernelShape: number[];
  biasShape: number[];
  /** Counted from the trained kernel and bias. */
  tfjsParams: number;
  /** (p + 1) × K by the closed form, with its worked formula. */
  closedFormParams: number;
  formula: string;
}

export interface WeightShapesExtras {
  layers: LayerShapes[];
  /** Hidden units of the first layer and the 784 weights of the first `FIRST_LAYER_IMAGES`, as 28 × 28 rows. */
  firstLayer: { units: number; images: number[][] };
  testAccuracy: number;
  testDigits: number;
}

const sizeOf = (shape: readonly number[]) => shape.reduce((product, dim) => product * dim, 1);

export const weightShapesExperiment: ExperimentDefinition<WeightShapesSettings, DigitData, WeightShapesExtras> = {
  id: "weight-shapes",
  title: { en: "Weight-matrix shapes: W₁ is (784 + 1) × K₁", ko: "가중치 행렬의 차원: W₁은 (784 + 1) × K₁" },
  shows: {
    en: "A small multilayer network learns real MNIST digits; each layer's weight matrix is read back from TensorFlow.js, its shape and parameters set beside (p + 1) × K, and the first layer's weights drawn as images.",
    ko: "작은 다중 신경망이 실제 MNIST 손글씨 숫자를 학습합니다. 층마다 TensorFlow.js에서 가중치 행렬을 읽어 그 차원과 모수를 (p + 1) × K와 나란히 놓고, 첫 번째 층의 가중치를 이미지로 그립니다.",
  },
  conceptIds: ["weight-matrix"],
  islp: "ISLP (2023) §10.2, lab §10.9.2",
  settings,
  datasets: ["mnist"],
  prepare: prepareDigits,
  models: (s) => {
    const plans: ModelPlan[] = [
      {
        id: "mlp",
        label: { en: `network 784 → ${s.hidden1} → ${s.hidden2} → 10`, ko: `신경망 784 → ${s.hidden1} → ${s.hidden2} → 10` },
        spec: weightShapesSpec(s),
        fit: { kind: "gradient", training: digitTraining(s) },
        metrics: digitMetrics(),
      },
    ];
    return plans;
  },
  analyse: async ({ data, models }) => {
    const [model] = models;
    if (!model) throw new Error("weight-shapes trains one model");
    const closedForm = deriveArchitecture(model.record.spec).layers;
    const layers: LayerShapes[] = [];
    for (const [index, derived] of closedForm.entries()) {
      const [kernel, bias] = await model.layerWeights(index);
      if (!kernel || !bias || !derived.islpWeightShape) throw new Error(`layer ${index} is not a dense layer with a bias`);
      layers.push({
        matrix: MATRIX_NAMES[index] ?? `W${index + 1}`,
        islpShape: derived.islpWeightShape,
        kernelShape: kernel.shape,
        biasShape: bias.shape,
        tfjsParams: sizeOf(kernel.shape) + sizeOf(bias.shape),
        closedFormParams: derived.params,
        formula: derived.formula,
      });
    }
    const [firstKernel] = await model.layerWeights(0);
    const units = firstKernel?.shape[1] ?? 0;
    // The kernel is 784 × K₁, row-major: unit k's weights are column k, one per pixel.
    const images = Array.from({ length: Math.min(units, FIRST_LAYER_IMAGES) }, (_, k) => Array.from({ length: 784 }, (_, pixel) => firstKernel?.values[pixel * units + k] ?? 0));
    return { layers, firstLayer: { units, images }, testAccuracy: model.record.final.testAccuracy ?? NaN, testDigits: data.test.count };
  },
  summarise: (run, locale) => {
    const { layers, testAccuracy, testDigits } = run.extras;
    const shapes = layers.map((layer) => `${layer.matrix} ${formatCount(layer.islpShape[0], locale)} × ${formatCount(layer.islpShape[1], locale)}`).join(", ");
    const counts = layers.map((layer) => formatCount(layer.tfjsParams, locale)).join(" + ");
    const total = formatCount(layers.reduce((sum, layer) => sum + layer.tfjsParams, 0), locale);
    const agree = layers.every((layer) => layer.tfjsParams === layer.closedFormParams);
    const epochs = run.models[0]?.epochs.length ?? 0;
    const accuracy = formatValue(testAccuracy, "percent");
    const digits = formatCount(testDigits, locale);
    if (locale === "en") {
      return (
        `The trained network's matrices are ${shapes}: one row per input plus one bias row, one column per unit. ` +
        `TensorFlow.js holds ${counts} = ${total} parameters, ${agree ? "the same as (p + 1) × K layer by layer" : "which does not match (p + 1) × K"}. ` +
        `Test accuracy after ${formatCount(epochs, locale)} epochs: ${accuracy} of ${digits} digits.`
      );
    }
    return (
      `학습한 신경망의 가중치 행렬은 ${shapes}입니다. 입력마다 한 행에 바이어스 한 행을 더하고, 유닛마다 한 열입니다. ` +
      `TensorFlow.js의 모수는 ${counts} = ${total}개로, ${agree ? "층마다 (p + 1) × K와 같습니다" : "(p + 1) × K와 맞지 않습니다"}. ` +
      `${formatCount(epochs, locale)} 에폭 뒤 테스트 숫자 ${digits}개 중 ${accuracy}를 맞혔습니다.`
    );
  },
};

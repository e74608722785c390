/**
 * Experiment 12, a CIFAR100-style CNN block by block (ISLP (2023) §10.3.3, Figure 10.8: blocks of
 * convolution → ReLU → 2 × 2 max pooling, each halving the height and width while the number of
 * filters doubles, then a flatten and a softmax). Three blocks on 32 × 32 × 3 colour images:
 * 32 × 32 × 3 → 16 × 16 × F → 8 × 8 × 2F → 4 × 4 × 4F → 16F → 4 classes. CIFAR100 is not shipped,
 * so the images are generated colour shapes (`datasets/colour-shapes.ts`, which says how they
 * differ). Shows every layer's output shape and parameter count as TensorFlow.js built them next to
 * the closed form, the first block's learned 3 × 3 × 3 filters, and test accuracy per epoch.
 */
import type { ArchitectureSpecInput } from "@/lib/model-core";
import type { ArrayDataset, ExperimentDefinition, ModelPlan, PreparedData } from "../engine/experiment-types";
import { countOf, formatCount, formatValue } from "../engine/localized";
import { batchSizeSetting, choiceSetting, defineSettings, epochsSetting, integerSetting, learningRateSetting, seedSetting } from "../engine/settings";
import { colourShapes, SHAPE_CHANNELS, SHAPE_CLASSES, SHAPE_SIDE, SHAPE_VALUES, type ShapeImages } from "../datasets/colour-shapes";
import { argMaxRows } from "../metrics/classification-metrics";
import { accuracyMetric, crossEntropyMetric } from "./shared/epoch-metrics";
import { layerTable, shapeText, tableAgrees, type LayerRow } from "./shared/layer-table";

/** Three conv → pool blocks with F, 2F and 4F filters of 3 × 3, `same` padding (as in the book's CIFAR network). */
export function cnnBlocksSpec(filters: number): ArchitectureSpecInput {
  const block = (count: number) => [
    { type: "conv2d" as const, filters: count, kernelSize: 3, padding: "same" as const, activation: "relu" as const },
    { type: "maxPool2d" as const, poolSize: 2 },
  ];
  return {
    input: [SHAPE_SIDE, SHAPE_SIDE, SHAPE_CHANNELS],
    layers: [...block(filters), ...block(2 * filters), ...block(4 * filters), { type: "flatten" }, { type: "dense", units: SHAPE_CLASSES.length, activation: "softmax" }],
  };
}

/**
 * The same shapes by hand: `same` padding keeps the size, each 2 × 2 pool halves it (rounding
 * down), and a block's output has as many channels as the block has filters.
 */
export function blockShapes(filters: number): number[][] {
  const shapes: number[][] = [];
  let side = SHAPE_SIDE;
  for (const count of [filters, 2 * filters, 4 * filters]) {
    shapes.push([side, side, count]);
    side = Math.floor(side / 2);
    shapes.push([side, side, count]);
  }
  shapes.push([side * side * 4 * filters], [SHAPE_CLASSES.length]);
  return shapes;
}

// Small enough to train in about a minute on plain JavaScript (tfjs' WebAssembly backend cannot train conv layers).
const settings = defineSettings({
  seed: seedSetting(),
  epochs: epochsSetting(6, 30),
  learningRate: learningRateSetting(0.004),
  batchSize: batchSizeSetting(16, 512),
  optimizer: choiceSetting("optimizer", ["adam", "rmsprop", "sgd"] as const, { default: "adam", label: { en: "Optimizer", ko: "옵티마이저" } }),
  filters: integerSetting("filters", { min: 2, max: 32, default: 4, scale: "log", label: { en: "Filters in the first block (doubling per block)", ko: "첫 블록의 필터 수 (블록마다 두 배)" } }),
  trainSize: integerSetting("trainSize", { min: 100, max: 4000, default: 500, scale: "log", label: { en: "Training images", ko: "훈련 이미지 수" } }),
  testSize: integerSetting("testSize", { min: 100, max: 1000, default: 400, scale: "log", label: { en: "Test images", ko: "테스트 이미지 수" } }),
});
export type CnnBlocksSettings = typeof settings.defaults;

export interface ShapeData extends PreparedData {
  test: ArrayDataset;
  testImages: ShapeImages;
}

/** A learned first-block filter: 3 × 3 × 3 weights (row, column, channel), and its bias. */
export interface ColourFilter {
  weights: number[];
  bias: number;
}

export interface ShapeExample {
  /** 32 × 32 × 3 values in [0, 1]. */
  pixels: number[];
  label: number;
  predicted: number;
  confidence: number;
}

export interface CnnBlocksExtras {
  layers: LayerRow[];
  /** Every layer's shape and parameter count from tfjs equals the closed form's. */
  agrees: boolean;
  /** The hand arithmetic of `blockShapes`, layer by layer (equal to both readings when all is well). */
  handShapes: number[][];
  filters: ColourFilter[];
  testAccuracy: number;
  examples: ShapeExample[];
}

const EXAMPLES = 8;

function toArrays(images: ShapeImages): ArrayDataset {
  const classes = SHAPE_CLASSES.length;
  const y = new Float32Array(images.count * classes);
  images.labels.forEach((label, i) => (y[i * classes + label] = 1));
  return { x: images.pixels, y, count: images.count, yWidth: classes };
}

export const cnnBlocksExperiment: ExperimentDefinition<CnnBlocksSettings, ShapeData, CnnBlocksExtras> = {
  id: "cnn-blocks",
  title: { en: "A CIFAR100-style CNN, block by block", ko: "CIFAR100형 CNN을 블록별로" },
  shows: {
    en: "Three convolution → ReLU → max-pooling blocks on 32 × 32 colour images: each block's feature-map shape and parameters from TensorFlow.js beside the closed form, the learned colour filters, accuracy per epoch.",
    ko: "32 × 32 컬러 이미지에 컨볼루션 → ReLU → 최대 풀링 블록 세 개: 블록마다 특징 맵의 모양과 모수를 TensorFlow.js와 공식으로 나란히, 학습된 컬러 필터, 에폭별 정확도를 봅니다.",
  },
  conceptIds: ["cifar100", "cnn-architecture"],
  islp: "ISLP (2023) §10.3.3",
  settings,
  datasets: [],
  prepare: (s, _datasets, random) => {
    const train = colourShapes(s.trainSize, random);
    const test = colourShapes(s.testSize, random);
    return { train: toArrays(train), test: toArrays(test), testImages: test };
  },
  models: (s): ModelPlan[] => [
    {
      id: "cnn",
      label: { en: `CNN, ${s.filters}-${2 * s.filters}-${4 * s.filters} filters`, ko: `CNN, 필터 ${s.filters}-${2 * s.filters}-${4 * s.filters}개` },
      spec: cnnBlocksSpec(s.filters),
      fit: {
        kind: "gradient",
        training: { optimizer: s.optimizer, learningRate: s.learningRate, epochs: s.epochs, batchSize: s.batchSize, loss: "categoricalCrossentropy" },
      },
      metrics: [accuracyMetric("testAccuracy", "test"), crossEntropyMetric("testLoss", "test")],
    },
  ],
  analyse: async ({ settings: s, data, models }) => {
    const [model] = models;
    if (!model) throw new Error("the CNN did not train");
    const layers = await layerTable(model, data.test.x.subarray(0, SHAPE_VALUES));
    const [kernel, bias] = await model.layerWeights(0);
    if (!kernel || !bias) throw new Error("the first conv layer has no kernel or bias");
    // tfjs stores the kernel [3, 3, 3, filters]: filter f's weight at (row, column, channel) is at k · filters + f.
    const count = kernel.shape[3] ?? 0;
    const perFilter = kernel.values.length / count;
    const filters = Array.from({ length: count }, (_, f) => ({
      weights: Array.from({ length: perFilter }, (_, k) => kernel.values[k * count + f] as number),
      bias: bias.values[f] as number,
    }));
    const shown = Math.min(EXAMPLES, data.test.count);
    const scores = await model.predict(data.test.x.subarray(0, shown * SHAPE_VALUES), shown);
    const predicted = argMaxRows(scores, SHAPE_CLASSES.length);
    const examples = Array.from({ length: shown }, (_, i) => ({
      pixels: Array.from(data.testImages.pixels.subarray(i * SHAPE_VALUES, (i + 1) * SHAPE_VALUES)),
      label: data.testImages.labels[i] as number,
      predicted: predicted[i] as number,
      confidence: Math.max(...scores.subarray(i * SHAPE_CLASSES.length, (i + 1) * SHAPE_CLASSES.length)),
    }));
    return { layers, agrees: tableAgrees(layers), handShapes: blockShapes(s.filters), filters, testAccuracy: model.record.final.testAccuracy ?? NaN, examples };
  },
  summarise: (run, locale) => {
    const cnn = run.models[0];
    const params = formatCount(cnn?.params ?? NaN, locale);
    const accuracy = formatValue(run.extras.testAccuracy, "percent");
    const shapes = [[SHAPE_SIDE, SHAPE_SIDE, SHAPE_CHANNELS], ...run.extras.layers.filter((row) => row.type === "maxPool2d").map((row) => row.tfjsShape)]
      .map(shapeText)
      .join(" → ");
    const tests = formatCount(run.settings.testSize, locale);
    const epochs = cnn?.epochs.length ?? 0;
    if (locale === "en") {
      const check = run.extras.agrees ? "Every layer's shape and parameter count in TensorFlow.js matched the closed form." : "TensorFlow.js and the closed form disagree on some layer (see the table).";
      return `After ${countOf(epochs, "epoch")} the CNN (${params} parameters; blocks ${shapes}) named ${accuracy} of ${tests} test shapes correctly (chance: 25%). ${check}`;
    }
    const check = run.extras.agrees ? "모든 층의 모양과 모수 수가 TensorFlow.js와 공식에서 같았습니다." : "어떤 층에서 TensorFlow.js와 공식이 다릅니다(표 참고).";
    return `${formatCount(epochs, locale)} 에폭 뒤 CNN(모수 ${params}개, 블록 ${shapes})은 테스트 도형 ${tests}개 중 ${accuracy}를 맞혔습니다(무작위 추측 25%). ${check}`;
  },
};

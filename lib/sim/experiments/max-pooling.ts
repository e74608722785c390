/**
 * Experiment 9, max pooling (ISLP (2023) §10.3.2: each 2 × 2 block is summarised by its largest
 * value, which "provides some location invariance": a feature that moves a little inside its block
 * leaves the pooled map unchanged). A tiny CNN (conv → ReLU → 2 × 2 max-pool) is trained on the
 * digits; then test digits are shifted by one or two pixels and the maps before and after pooling
 * are compared with the unshifted ones. The location-invariance score is the cosine similarity of
 * a map with its shifted-digit counterpart, cell by cell (1 = unchanged), averaged over filters,
 * digits and directions. Also: the trained CNN's accuracy on shifted test digits.
 */
import type { ExperimentDefinition, ModelPlan, TrainedModel } from "../engine/experiment-types";
import { formatValue } from "../engine/localized";
import { defineSettings, integerSetting } from "../engine/settings";
import { accuracy, argMaxRows } from "../metrics/classification-metrics";
import { channelGrid, gridFromPixels, shiftImages, type Grid } from "../vision/image";
import { invariance } from "../vision/pooling";
import { digitMetrics, digitSettingFields, digitTraining, prepareDigits, type DigitData } from "./shared/digit-experiment";
import { testDigitPixels } from "./shared/mnist-subsets";
import { POOL_LAYER, RELU_LAYER, tinyCnn } from "./shared/tiny-cnn";

const settings = defineSettings({
  ...digitSettingFields({ epochs: 2, batchSize: 64, learningRate: 0.01, trainSize: 4000 }),
  filters: integerSetting("filters", { min: 1, max: 8, default: 8, label: { en: "Filters", ko: "필터 수" } }),
  digitIndex: integerSetting("digitIndex", { min: 0, max: 1999, default: 0, label: { en: "Test digit", ko: "테스트 숫자 번호" } }),
  shiftRight: integerSetting("shiftRight", { min: -2, max: 2, default: 1, label: { en: "Shift right (px)", ko: "오른쪽 이동 (픽셀)" } }),
  shiftDown: integerSetting("shiftDown", { min: -2, max: 2, default: 0, label: { en: "Shift down (px)", ko: "아래쪽 이동 (픽셀)" } }),
  probeDigits: integerSetting("probeDigits", { min: 10, max: 500, default: 100, scale: "log", label: { en: "Digits scored", ko: "점수에 쓸 숫자 수" } }),
});
export type MaxPoolingSettings = typeof settings.defaults;

export interface ShiftScore {
  /** Shift distance in pixels (right, down, left and up averaged). */
  pixels: number;
  /** Mean cosine similarity of the ReLU'd convolution maps before/after the shift. */
  convolution: number;
  /** The same for the 2 × 2 max-pooled maps. */
  pooled: number;
}

export interface MaxPoolingExtras {
  example: {
    testIndex: number;
    label: number;
    shift: { right: number; down: number };
    digit: Grid;
    shifted: Grid;
    /** Per filter: ReLU'd convolution maps (26 × 26) and pooled maps (13 × 13), before and after the shift. */
    maps: { convolution: Grid; shiftedConvolution: Grid; pooled: Grid; shiftedPooled: Grid; convolutionScore: number; pooledScore: number }[];
  };
  scores: ShiftScore[];
  /** The trained CNN's test accuracy with every test digit shifted right by 0, 1 and 2 pixels. */
  shiftedAccuracy: { pixels: number; accuracy: number }[];
}

const DIRECTIONS = [
  [1, 0],
  [0, 1],
  [-1, 0],
  [0, -1],
] as const;

async function mapsOf(model: TrainedModel, images: Float32Array, count: number) {
  const [convolution, pooled] = [await model.layerOutput(RELU_LAYER, images, count), await model.layerOutput(POOL_LAYER, images, count)];
  return { convolution, pooled };
}

/** Mean over samples and channels of the cosine similarity of two [n, h, w, c] outputs. */
function meanInvariance(a: { shape: number[]; values: Float32Array }, b: { shape: number[]; values: Float32Array }): number {
  const [n = 0, h = 0, w = 0, c = 0] = a.shape;
  let total = 0;
  for (let sample = 0; sample < n; sample++) {
    const offset = sample * h * w * c;
    for (let channel = 0; channel < c; channel++) {
      total += invariance(channelGrid(a.values, h, w, c, channel, offset), channelGrid(b.values, h, w, c, channel, offset));
    }
  }
  return total / (n * c);
}

export const maxPoolingExperiment: ExperimentDefinition<MaxPoolingSettings, DigitData, MaxPoolingExtras> = {
  id: "max-pooling",
  title: { en: "Max pooling: tolerance to small shifts", ko: "최대 풀링: 작은 이동에 둔감해지기" },
  shows: {
    en: "Shift a digit by one or two pixels: the convolution maps move with it, the max-pooled maps change much less.",
    ko: "숫자를 한두 픽셀 옮기면 컨볼루션 맵은 함께 움직이지만, 최대 풀링한 맵은 훨씬 덜 변합니다.",
  },
  conceptIds: ["pooling"],
  islp: "ISLP (2023) §10.3.2",
  settings,
  datasets: ["mnist"],
  prepare: prepareDigits,
  models: (s): ModelPlan[] => [
    { id: "cnn", label: { en: `CNN with ${s.filters} filters`, ko: `필터 ${s.filters}개 CNN` }, spec: tinyCnn(s.filters), fit: { kind: "gradient", training: digitTraining(s) }, metrics: digitMetrics() },
  ],
  analyse: async ({ settings: s, data, models }) => {
    const [cnn] = models;
    if (!cnn) throw new Error("no CNN");
    // The example digit, shifted as the sliders say.
    const digit = gridFromPixels(testDigitPixels(data.mnist, s.digitIndex), 28);
    const digitImage = Float32Array.from(digit.values);
    const shiftedImage = shiftImages(digitImage, 28, s.shiftRight, s.shiftDown);
    const [before, after] = [await mapsOf(cnn, digitImage, 1), await mapsOf(cnn, shiftedImage, 1)];
    const [, ch = 0, cw = 0, channels = 0] = before.convolution.shape;
    const [, ph = 0, pw = 0] = before.pooled.shape;
    const maps = Array.from({ length: channels }, (_, f) => {
      const convolution = channelGrid(before.convolution.values, ch, cw, channels, f);
      const shiftedConvolution = channelGrid(after.convolution.values, ch, cw, channels, f);
      const pooled = channelGrid(before.pooled.values, ph, pw, channels, f);
      const shiftedPooled = channelGrid(after.pooled.values, ph, pw, channels, f);
      return { convolution, shiftedConvolution, pooled, shiftedPooled, convolutionScore: invariance(convolution, shiftedConvolution), pooledScore: invariance(pooled, shiftedPooled) };
    });

    // Scores over the first `probeDigits` test digits, four directions, one and two pixels.
    const probes = Math.min(s.probeDigits, data.test.count);
    const probeImages = data.test.x.subarray(0, probes * 784);
    const original = await mapsOf(cnn, probeImages, probes);
    const scores: ShiftScore[] = [];
    for (const pixels of [1, 2]) {
      let convolution = 0;
      let pooled = 0;
      for (const [right, down] of DIRECTIONS) {
        const moved = await mapsOf(cnn, shiftImages(probeImages, 28, right * pixels, down * pixels), probes);
        convolution += meanInvariance(original.convolution, moved.convolution) / DIRECTIONS.length;
        pooled += meanInvariance(original.pooled, moved.pooled) / DIRECTIONS.length;
      }
      scores.push({ pixels, convolution, pooled });
    }

    const labels = data.arrays.testLabels;
    const shiftedAccuracy = [];
    for (const pixels of [0, 1, 2]) {
      const predictions = await cnn.predict(shiftImages(data.test.x, 28, pixels, 0), data.test.count);
      shiftedAccuracy.push({ pixels, accuracy: accuracy(labels, argMaxRows(predictions, 10)) });
    }
    return {
      example: { testIndex: s.digitIndex, label: data.mnist.test.labels[s.digitIndex] as number, shift: { right: s.shiftRight, down: s.shiftDown }, digit, shifted: gridFromPixels(shiftedImage, 28, 1), maps },
      scores,
      shiftedAccuracy,
    };
  },
  summarise: (run, locale) => {
    const f = (v: number | undefined) => formatValue(v ?? NaN);
    const [one, two] = run.extras.scores;
    const acc = run.extras.shiftedAccuracy.map((a) => `${a.pixels} px: ${formatValue(a.accuracy, "percent")}`).join(", ");
    return locale === "en"
      ? `Shifting digits by 1 pixel left the convolution maps ${f(one?.convolution)} similar to the originals but the pooled maps ${f(one?.pooled)}; ` +
          `by 2 pixels, ${f(two?.convolution)} versus ${f(two?.pooled)} (1 = unchanged). Test accuracy with digits shifted right — ${acc}.`
      : `원래 맵과의 유사도(1 = 그대로) — 1픽셀 이동: 컨볼루션 맵 ${f(one?.convolution)}, 풀링한 맵 ${f(one?.pooled)}; ` +
          `2픽셀 이동: 컨볼루션 맵 ${f(two?.convolution)}, 풀링한 맵 ${f(two?.pooled)}. 오른쪽으로 옮긴 숫자의 테스트 정확도 — ${acc}.`;
  },
};

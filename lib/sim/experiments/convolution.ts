/**
 * Experiment 8, convolution (ISLP 2nd ed. §10.3.1, Figure 10.7: a filter slides over the image and
 * each cell of the feature map is the dot product of the filter with the patch beneath it; the
 * map is large where the patch looks like the filter). A real test digit convolved with fixed 3 × 3
 * edge detectors, and with the filters a tiny CNN learned from the training digits. The learned maps
 * are read from the tfjs layer; every cell comes with its patch, filter and dot product for the
 * hover (`convolutionCell`), and the run checks the two agree.
 */
import type { ExperimentDefinition, ModelPlan } from "../engine/experiment-types";
import { formatCount, formatValue } from "../engine/localized";
import { defineSettings, integerSetting } from "../engine/settings";
import { convolutionCell, convolve, EDGE_FILTERS, type Filter } from "../vision/convolution";
import { channelGrid, gridFromPixels, type Grid } from "../vision/image";
import { digitMetrics, digitSettingFields, digitTraining, prepareDigits, type DigitData } from "./shared/digit-experiment";
import { testDigitPixels } from "./shared/mnist-subsets";
import { CONV_LAYER, learnedFilters, tinyCnn } from "./shared/tiny-cnn";

const settings = defineSettings({
  ...digitSettingFields({ epochs: 2, batchSize: 64, learningRate: 0.01, trainSize: 4000 }),
  filters: integerSetting("filters", { min: 1, max: 8, default: 4, label: { en: "Learned filters", ko: "학습할 필터 수" } }),
  digitIndex: integerSetting("digitIndex", { min: 0, max: 1999, default: 0, label: { en: "Test digit", ko: "테스트 숫자 번호" } }),
});
export type ConvolutionSettings = typeof settings.defaults;

export interface FeatureMap {
  filter: Filter;
  /** Pre-activation map, (28 − 2) × (28 − 2): cell (r, c) = patch(r, c) · filter + bias. */
  map: Grid;
}

export interface ConvolutionExtras {
  testIndex: number;
  label: number;
  /** The digit, floats in [0, 1]. */
  digit: Grid;
  edgeMaps: FeatureMap[];
  learnedMaps: FeatureMap[];
  /** Largest |tfjs cell − patch · filter − bias| over the learned maps: ~1e-6 when they agree. */
  tfjsAgreement: number;
  testAccuracy: number;
}

export const convolutionExperiment: ExperimentDefinition<ConvolutionSettings, DigitData, ConvolutionExtras> = {
  id: "convolution",
  title: { en: "Convolution: filters and feature maps", ko: "합성곱: 필터와 특성 맵" },
  shows: {
    en: "A digit convolved with edge filters and with the filters a small CNN learned: each cell is the dot product of a 3 × 3 patch with the filter.",
    ko: "숫자 이미지를 경계 검출 필터와 작은 CNN이 학습한 필터로 합성곱합니다. 각 칸은 3 × 3 패치와 필터의 내적입니다.",
  },
  conceptIds: ["convolution"],
  islp: "ISLP 2nd ed. §10.3.1",
  settings,
  datasets: ["mnist"],
  prepare: prepareDigits,
  models: (s): ModelPlan[] => [
    { id: "cnn", label: { en: `CNN with ${s.filters} filters`, ko: `필터 ${s.filters}개 CNN` }, spec: tinyCnn(s.filters), fit: { kind: "gradient", training: digitTraining(s) }, metrics: digitMetrics() },
  ],
  analyse: async ({ settings: s, data, models }) => {
    const [cnn] = models;
    if (!cnn) throw new Error("no CNN");
    const pixels = testDigitPixels(data.mnist, s.digitIndex);
    const digit = gridFromPixels(pixels, 28);
    const filters = await learnedFilters(cnn);
    const output = await cnn.layerOutput(CONV_LAYER, Float32Array.from(digit.values), 1);
    const [, height = 0, width = 0, channels = 0] = output.shape;
    let tfjsAgreement = 0;
    const learnedMaps = filters.map((filter, f) => {
      const map = channelGrid(output.values, height, width, channels, f);
      map.values.forEach((value, i) => {
        const cell = convolutionCell(digit, filter, Math.floor(i / width), i % width);
        tfjsAgreement = Math.max(tfjsAgreement, Math.abs(value - cell.value));
      });
      return { filter, map };
    });
    return {
      testIndex: s.digitIndex,
      label: data.mnist.test.labels[s.digitIndex] as number,
      digit,
      edgeMaps: EDGE_FILTERS.map((filter) => ({ filter, map: convolve(digit, filter) })),
      learnedMaps,
      tfjsAgreement,
      testAccuracy: cnn.record.final.testAccuracy ?? NaN,
    };
  },
  summarise: (run, locale) => {
    const { label, learnedMaps, testAccuracy } = run.extras;
    const strongest = (maps: FeatureMap[]) =>
      maps.map((m) => ({ name: m.filter.name[locale], peak: Math.max(...m.map.values) })).sort((a, b) => b.peak - a.peak)[0];
    const edge = strongest(run.extras.edgeMaps);
    const params = formatCount(run.models[0]?.params ?? NaN, locale);
    const filters = formatCount(learnedMaps.length, locale);
    return locale === "en"
      ? `On this ${label}, the ${edge?.name ?? "edge"} filter responds most (peak ${formatValue(edge?.peak ?? NaN)}). ` +
          `The CNN's ${filters} learned filters (${params} parameters in all) reached ${formatValue(testAccuracy, "percent")} test accuracy.`
      : `이 숫자 ${label}에는 ${edge?.name ?? "경계"} 필터가 가장 강하게 반응합니다(최대 ${formatValue(edge?.peak ?? NaN)}). ` +
          `CNN이 학습한 필터 ${filters}개(전체 모수 ${params}개)로 테스트 정확도 ${formatValue(testAccuracy, "percent")}에 도달했습니다.`;
  },
};

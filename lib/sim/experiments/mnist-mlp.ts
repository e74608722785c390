/**
 * Experiment 7, MNIST digits (ISLP 2nd ed. §10.2, Figure 10.4, lab §10.9.2): the book's multilayer
 * network 784 → 256 (ReLU, dropout 0.4) → 128 (ReLU, dropout 0.3) → 10 (softmax), 235,146
 * parameters, against multinomial logistic regression 784 → 10 (7,850 parameters; the book counts
 * 7,065 by fixing one class as the baseline), both trained by RMSprop on cross-entropy as in the
 * lab, on 8,000 real digits and tested on 2,000 others. Shows test accuracy per epoch, the
 * confusion matrix and the misclassified digits.
 */
import type { ExperimentDefinition, ModelPlan } from "../engine/experiment-types";
import { countOf, formatCount, formatValue } from "../engine/localized";
import { defineSettings } from "../engine/settings";
import { digitMetrics, digitSettingFields, digitTraining, MNIST_LOGISTIC_SPEC, MNIST_MLP_SPEC, prepareDigits, type DigitData } from "./shared/digit-experiment";
import { scoreDigits, type DigitScores } from "./shared/digit-results";

export { MNIST_LOGISTIC_SPEC, MNIST_MLP_SPEC } from "./shared/digit-experiment";

const settings = defineSettings(digitSettingFields({ epochs: 5, batchSize: 128, learningRate: 0.001, trainSize: 8000 }));
export type MnistMlpSettings = typeof settings.defaults;

export interface MnistMlpExtras {
  scores: Record<string, DigitScores>;
}

export const mnistMlpExperiment: ExperimentDefinition<MnistMlpSettings, DigitData, MnistMlpExtras> = {
  id: "mnist-mlp",
  title: { en: "MNIST: a multilayer network against logistic regression", ko: "MNIST: 다층 신경망 대 로지스틱 회귀" },
  shows: {
    en: "The book's 235,146-parameter network and 7,850-parameter multinomial logistic regression learn real handwritten digits: accuracy, confusions, mistakes.",
    ko: "책의 모수 235,146개 신경망과 7,850개 다항 로지스틱 회귀가 실제 손글씨 숫자를 학습합니다. 정확도, 혼동행렬, 틀린 숫자를 봅니다.",
  },
  conceptIds: ["mnist", "multilayer", "multinomial-logistic"],
  islp: "ISLP 2nd ed. §10.2, lab §10.9.2",
  settings,
  datasets: ["mnist"],
  prepare: prepareDigits,
  models: (s) => {
    const training = digitTraining(s);
    const metrics = digitMetrics();
    const plans: ModelPlan[] = [
      { id: "mlp", label: { en: "network 784 → 256 → 128 → 10", ko: "신경망 784 → 256 → 128 → 10" }, spec: MNIST_MLP_SPEC, fit: { kind: "gradient", training }, metrics },
      { id: "logistic", label: { en: "multinomial logistic regression", ko: "다항 로지스틱 회귀" }, spec: MNIST_LOGISTIC_SPEC, fit: { kind: "gradient", training }, metrics },
    ];
    return plans;
  },
  analyse: async ({ data, models }) => {
    const scores: Record<string, DigitScores> = {};
    for (const model of models) scores[model.record.id] = await scoreDigits(model, data.arrays, data.mnist);
    return { scores };
  },
  summarise: (run, locale) => {
    const line = (id: string) => {
      const model = run.models.find((m) => m.id === id);
      return { accuracy: formatValue(run.extras.scores[id]?.accuracy ?? NaN, "percent"), params: formatCount(model?.params ?? NaN, locale) };
    };
    const mlp = line("mlp");
    const logistic = line("logistic");
    const tested = formatCount(run.extras.scores.mlp?.confusion.flat().reduce((a, b) => a + b, 0) ?? 0, locale);
    const epochs = run.models[0]?.epochs.length ?? 0;
    return locale === "en"
      ? `After ${countOf(epochs, "epoch")} the network (${mlp.params} parameters) classified ${mlp.accuracy} of ${tested} test digits correctly; ` +
          `multinomial logistic regression (${logistic.params}) ${logistic.accuracy}.`
      : `${formatCount(epochs, locale)} 에폭 뒤 신경망(모수 ${mlp.params}개)은 테스트 숫자 ${tested}개 중 ${mlp.accuracy}를 맞혔고, ` +
          `다항 로지스틱 회귀(${logistic.params}개)는 ${logistic.accuracy}를 맞혔습니다.`;
  },
};

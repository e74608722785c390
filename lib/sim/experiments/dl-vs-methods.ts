/**
 * Deep learning against other methods (ISLP (2023) §10.6, "When to use deep learning", with lab
 * §10.9.1): on the Hitters data the lab fits three models to the same 175 players and scores them
 * by test mean absolute error on the other 88: linear regression (20 parameters), the lasso with λ
 * chosen by cross-validation (fewer coefficients in use), and the 19 → 50 → 1 network (1,051
 * parameters). The book's point, which the run lets a student see for themselves: on small tabular
 * data the network does not beat the linear models, so Occam's razor prefers the simpler one.
 *
 * The data and split are the Hitters experiment's (same seed, same players; see hitters.ts for how
 * they differ from the lab's); the lasso follows the lab (100 penalties from λ_max to λ_max / 100,
 * 10-fold cross-validation on mean absolute error) with our own seeded folds.
 */
import type { ExperimentDefinition } from "../engine/experiment-types";
import { formatCount } from "../engine/localized";
import { HITTERS_TRAIN_ROWS } from "../datasets/hitters";
import { hittersExperiment, hittersLinearPlan, hittersNetworkPlan, type HittersData, type HittersSettings } from "./hitters";

export type DlVsMethodsSettings = HittersSettings;

/** The lab's cross-validation for the lasso's penalty. */
export const LASSO_FOLDS = 10;
/** A network less than 5% better than the better linear model has not won: the book's three errors differ by about that. */
const DRAW = 0.05;

export interface MethodResult {
  id: string;
  /** Test mean absolute error, thousands of dollars. */
  testMae: number;
  /** Parameters of the model as specified (closed form). */
  params: number;
  /** Parameters that are not zero after fitting: the lasso drops some. */
  paramsInUse: number;
}

export interface DlVsMethodsExtras {
  methods: MethodResult[];
  /** The lasso's cross-validated penalty (on the standardised salary) and the predictors it kept. */
  lambda: number;
  keptPredictors: string[];
  testPlayers: number;
}

export const dlVsMethodsExperiment: ExperimentDefinition<DlVsMethodsSettings, HittersData, DlVsMethodsExtras> = {
  id: "dl-vs-methods",
  title: { en: "Deep learning against linear regression and the lasso", ko: "딥러닝 대 선형 회귀와 라쏘" },
  shows: {
    en: "On 263 real baseball players, linear regression, the lasso and a 1,051-parameter network predict salaries on the same split: on small tabular data the network does not win.",
    ko: "실제 야구 선수 263명의 연봉을 같은 분할에서 선형 회귀, 라쏘, 모수 1,051개 신경망으로 예측합니다. 작은 정형 데이터에서는 신경망이 이기지 못합니다.",
  },
  conceptIds: ["dl-vs-ml", "when-deep-learning"],
  islp: "ISLP (2023) §10.6, lab §10.9.1",
  // The Hitters experiment's settings and split: the same seed draws the same players there and here.
  settings: hittersExperiment.settings,
  datasets: ["hitters"],
  prepare: hittersExperiment.prepare,
  models: (s) => [hittersLinearPlan(), hittersLinearPlan({ kind: "lasso", folds: LASSO_FOLDS }, "lasso", { en: "lasso", ko: "라쏘" }), hittersNetworkPlan(s)],
  analyse: async ({ data, models }) => {
    const methods = models.map(({ record }): MethodResult => {
      const nonZero = record.final.nonZero;
      return { id: record.id, testMae: record.final.testMae ?? NaN, params: record.params, paramsInUse: nonZero === undefined ? record.params : nonZero + 1 };
    });
    const lasso = models.find((model) => model.record.id === "lasso");
    const kernel = lasso ? ((await lasso.layerWeights(0))[0]?.values ?? new Float32Array()) : new Float32Array();
    const keptPredictors = data.predictors.filter((_, j) => (kernel[j] ?? 0) !== 0);
    return { methods, lambda: lasso?.record.final.lambda ?? NaN, keptPredictors, testPlayers: data.test.count };
  },
  summarise: (run, locale) => {
    const of = (id: string) => run.extras.methods.find((m) => m.id === id);
    const k = (value: number | undefined) => `$${formatCount(value ?? NaN, locale)}k`;
    const linear = of("linear");
    const lasso = of("lasso");
    const network = of("network");
    const epochs = run.models.find((m) => m.id === "network")?.epochs.length ?? 0;
    const bestLinear = Math.min(linear?.testMae ?? Infinity, lasso?.testMae ?? Infinity);
    const networkMae = network?.testMae ?? NaN;
    // Within 5% counts as a draw: the book's three errors differ by about that much.
    const better = (bestLinear - networkMae) / bestLinear;
    const gap = `${Math.round(Math.abs(better) * 100)}%`;
    const players = formatCount(run.extras.testPlayers, locale);
    const train = formatCount(HITTERS_TRAIN_ROWS, locale);
    const inUse = formatCount(lasso?.paramsInUse ?? NaN, locale);
    const netParams = formatCount(network?.params ?? NaN, locale);
    const verdict = better > DRAW ? "wins" : better >= 0 ? "draw" : "loses";
    if (locale === "en") {
      const words = {
        wins: `On this split the network is ${gap} better than the better linear model; try other seeds: over many splits the three are about equal, as in ISLP §10.6.`,
        draw: `The network is only ${gap} better than the better linear model, about a draw: on ${train} training players its ${netParams} parameters buy little, so the simpler model is preferred.`,
        loses: `The network is ${gap} worse than the better linear model: on ${train} training players its ${netParams} parameters buy nothing, so the simpler model is preferred.`,
      }[verdict];
      return `Test mean absolute error on ${players} players: linear regression ${k(linear?.testMae)} (${formatCount(linear?.params ?? NaN, locale)} parameters), the lasso ${k(lasso?.testMae)} (${inUse} in use), the network ${k(networkMae)} after ${formatCount(epochs, locale)} epochs. ${words}`;
    }
    const words = {
      wins: `이 분할에서는 신경망이 더 나은 선형 모형보다 ${gap} 좋습니다. 다른 시드로 바꿔 보세요. 여러 분할에서는 세 모형이 비슷합니다(ISLP 10.6절).`,
      draw: `신경망은 더 나은 선형 모형보다 ${gap} 좋을 뿐이라 비긴 셈입니다. 훈련 데이터의 선수 ${train}명에서는 모수 ${netParams}개가 얻는 것이 적으니 더 간단한 모형을 씁니다.`,
      loses: `신경망은 더 나은 선형 모형보다 ${gap} 나쁩니다. 훈련 데이터의 선수 ${train}명에서는 모수 ${netParams}개가 얻는 것이 없으니 더 간단한 모형을 씁니다.`,
    }[verdict];
    return `선수 ${players}명의 테스트 평균 절대 오차: 선형 회귀 ${k(linear?.testMae)}(모수 ${formatCount(linear?.params ?? NaN, locale)}개), 라쏘 ${k(lasso?.testMae)}(쓰는 모수 ${inUse}개), 신경망 ${formatCount(epochs, locale)} 에폭 뒤 ${k(networkMae)}. ${words}`;
  },
};

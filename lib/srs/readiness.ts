/**
 * Readiness: the chance of answering a fresh variant of a concept correctly on exam day, from the
 * student's own review log, by half-life regression (HLR: B. Settles and B. Meeder, "A Trainable
 * Spaced Repetition Model for Language Learning", ACL 2016), an exponential forgetting curve
 * (Ebbinghaus 1885) whose half-life grows with each recall:
 *
 * $$p = 2^{-\Delta / h}, \qquad \log_2 h = \theta_c + \beta\, n_{\oplus} + \gamma\, n_{\ominus}$$
 *
 * Δ is the days since the card's last counted review, n⊕ / n⊖ its counted reviews recalled
 * (grade ≥ 3) / not recalled so far, θ_c the concept's base log-half-life. Settles and Meeder fit
 * θ by least squares on p and h over all learners; here the parameters are fitted per student by
 * maximum a posteriori on the Bernoulli likelihood of the student's own reviews,
 *
 * $$\max_{\phi}\; \sum_i y_i \ln p_i + (1 - y_i) \ln(1 - p_i) \;-\; \sum_j \frac{(\phi_j - \mu_j)^2}{2 \sigma_j^2},$$
 *
 * with the prior means μ the average of the same model fitted to each student of the class alone
 * (empirical Bayes), so a student with few reviews gets the class's curve and one with many gets
 * their own (a Gaussian prior is the usual hierarchical shrinkage). The objective is concave in φ (ln p is linear in 2^{−L}, and
 * ln(1 − e^{−u}) is concave in ln u), so damped Newton steps find its single maximum.
 *
 * A prediction is the posterior predictive, not the curve at the best fit: the fitted φ is uncertain
 * (Laplace's approximation, φ ~ N(φ̂, H⁻¹) with H the negative Hessian of the log-posterior at φ̂;
 * MacKay 1992, "The evidence framework applied to classification networks"), so log2 h ~ N(m, s²)
 * with m = xᵀφ̂, s² = xᵀH⁻¹x for the card's features x, and
 *
 * $$\hat p = \mathbb{E}\bigl[2^{-\Delta / 2^{L}}\bigr], \qquad L \sim \mathcal{N}(m, s^2),$$
 *
 * by quadrature over the normal. p is convex in L where recall is low, so the curve at the best fit
 * is too low there and too high where recall is high: the extreme predictions are exactly the
 * uncertain ones (simulated: the 0.1–0.3 deciles were 0.08–0.10 below the observed rate).
 *
 * A card never introduced is answered on exam day with the class's first-try accuracy for its
 * concept (Laplace-smoothed). Readiness of a concept is the mean over its cards, assuming no further
 * review (the plan's reviews only raise it).
 *
 * Pure: logs, days and cards are passed in.
 */
import { PASSING_GRADE } from "./sm2";

/** One counted (first-of-day) review of one student (a log never mixes students). */
export interface LoggedReview {
  readonly cardId: string;
  readonly concept: string;
  readonly day: number;
  readonly grade: number;
}

/** A review with a history: the regression's training row. */
export interface RecallObservation {
  readonly concept: string;
  readonly lagDays: number;
  readonly recalled: number;
  readonly lapsed: number;
  readonly correct: boolean;
}

export interface CardHistory {
  readonly cardId: string;
  readonly concept: string;
  readonly lastDay: number;
  readonly recalled: number;
  readonly lapsed: number;
}

export interface HalfLifeModel {
  /** θ_c, log2 of days. */
  readonly intercepts: ReadonlyMap<string, number>;
  /** θ for a concept nobody has reviewed yet. */
  readonly defaultIntercept: number;
  readonly recalledSlope: number;
  readonly lapsedSlope: number;
  /** Share of first reviews answered correctly, per concept (Laplace-smoothed). */
  readonly firstTry: ReadonlyMap<string, number>;
  readonly defaultFirstTry: number;
  /** The fit's uncertainty (absent: predictions are the curve at the fit). */
  readonly uncertainty?: ParameterCovariance;
  /** A class model's spread of students' parameters, the prior's σ for one student (absent: {@link STUDENT_PRIOR_SIGMA}). */
  readonly spread?: ParameterSpread;
}

/** Standard deviations (log2 days) of θ_c, β and γ. */
export interface ParameterSpread {
  readonly intercept: number;
  readonly recalledSlope: number;
  readonly lapsedSlope: number;
}

/**
 * Covariance of φ = (θ_c for each of `concepts`, β, γ), in that order; a concept not listed has
 * an intercept independent of the rest with variance `otherInterceptVariance`.
 */
export interface ParameterCovariance {
  readonly concepts: readonly string[];
  readonly matrix: readonly (readonly number[])[];
  readonly otherInterceptVariance: number;
}

/** Before any log: a 2-day base half-life, doubling with each recall, unchanged by a lapse. */
export const UNINFORMED_MODEL: HalfLifeModel = Object.freeze({
  intercepts: new Map<string, number>(),
  defaultIntercept: 1,
  recalledSlope: 1,
  lapsedSlope: 0,
  firstTry: new Map<string, number>(),
  defaultFirstTry: 0.5,
});

/** Prior spreads (σ) around the class's values when fitting one student of a class too small to measure its own spread. */
export const STUDENT_PRIOR_SIGMA: ParameterSpread = Object.freeze({ intercept: 1, recalledSlope: 0.5, lapsedSlope: 0.5 });
/** Prior spreads around {@link UNINFORMED_MODEL} when fitting each student for the class's curve: weak. */
export const POPULATION_PRIOR_SIGMA: ParameterSpread = Object.freeze({ intercept: 4, recalledSlope: 2, lapsedSlope: 2 });
/** Fewest students whose fits measure the class's spread; below it {@link STUDENT_PRIOR_SIGMA}. */
export const SPREAD_MIN_STUDENTS = 8;
/** Smallest spread the measurement may give (a class never has exactly identical students). */
const SPREAD_FLOOR: ParameterSpread = Object.freeze({ intercept: 0.2, recalledSlope: 0.05, lapsedSlope: 0.05 });

export function isRecalled(grade: number): boolean {
  return grade >= PASSING_GRADE;
}

function byCard(log: readonly LoggedReview[]): Map<string, LoggedReview[]> {
  const cards = new Map<string, LoggedReview[]>();
  for (const review of log) {
    const list = cards.get(review.cardId);
    if (list) list.push(review);
    else cards.set(review.cardId, [review]);
  }
  for (const list of cards.values()) list.sort((a, b) => a.day - b.day);
  return cards;
}

/** Every review after a card's first, with the lag and counts before it; and the first reviews. */
export function observationsOf(log: readonly LoggedReview[]): { observations: RecallObservation[]; firstReviews: LoggedReview[] } {
  const observations: RecallObservation[] = [];
  const firstReviews: LoggedReview[] = [];
  for (const reviews of byCard(log).values()) {
    let recalled = 0;
    let lapsed = 0;
    let previousDay: number | null = null;
    for (const review of reviews) {
      const correct = isRecalled(review.grade);
      if (previousDay === null) firstReviews.push(review);
      else if (review.day > previousDay) {
        observations.push({ concept: review.concept, lagDays: review.day - previousDay, recalled, lapsed, correct });
      }
      if (correct) recalled += 1;
      else lapsed += 1;
      previousDay = review.day;
    }
  }
  return { observations, firstReviews };
}

/** Each card's last review day and recall counts. */
export function cardHistoriesOf(log: readonly LoggedReview[]): Map<string, CardHistory> {
  const histories = new Map<string, CardHistory>();
  for (const [cardId, reviews] of byCard(log)) {
    const last = reviews[reviews.length - 1];
    if (!last) continue;
    const recalled = reviews.filter((review) => isRecalled(review.grade)).length;
    histories.set(cardId, { cardId, concept: last.concept, lastDay: last.day, recalled, lapsed: reviews.length - recalled });
  }
  return histories;
}

/** $$\log_2 h = \theta_c + \beta n_\oplus + \gamma n_\ominus$$ */
export function logHalfLife(model: HalfLifeModel, concept: string, recalled: number, lapsed: number): number {
  return (model.intercepts.get(concept) ?? model.defaultIntercept) + model.recalledSlope * recalled + model.lapsedSlope * lapsed;
}

/** s² = xᵀΣx for the card's features x = (e_concept, n⊕, n⊖). */
function logHalfLifeVariance(uncertainty: ParameterCovariance, concept: string, recalled: number, lapsed: number): number {
  const { concepts, matrix } = uncertainty;
  const slopes = concepts.length;
  const conceptIndex = concepts.indexOf(concept);
  const features: [number, number][] = [
    [slopes, recalled],
    [slopes + 1, lapsed],
  ];
  let variance = 0;
  if (conceptIndex >= 0) features.push([conceptIndex, 1]);
  else variance += uncertainty.otherInterceptVariance;
  for (const [j, xj] of features) for (const [k, xk] of features) variance += xj * xk * ((matrix[j] ?? [])[k] ?? 0);
  return Math.max(0, variance);
}

/**
 * Standard normal quadrature: nodes z on [−6, 6], weights ∝ φ(z) normalised to sum 1 (the
 * trapezoid rule on a smooth integrand with tails below 1e−8).
 */
const NORMAL_NODES = Array.from({ length: 97 }, (_, i) => -6 + i * 0.125);
const NORMAL_WEIGHTS = (() => {
  const raw = NORMAL_NODES.map((z) => Math.exp(-0.5 * z * z));
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => w / total);
})();

/**
 * Posterior predictive recall of a card with `history` on `day` (module comment):
 * $$\hat p = \mathbb{E}\bigl[2^{-\Delta / 2^{L}}\bigr], \quad L \sim \mathcal{N}(m, s^2)$$
 * and the curve at the fit, $$p = 2^{-\Delta / 2^m},$$ when the model carries no uncertainty.
 */
export function predictRecall(model: HalfLifeModel, history: CardHistory, day: number): number {
  const lag = Math.max(0, day - history.lastDay);
  const mean = logHalfLife(model, history.concept, history.recalled, history.lapsed);
  const variance = model.uncertainty ? logHalfLifeVariance(model.uncertainty, history.concept, history.recalled, history.lapsed) : 0;
  if (lag === 0 || variance < 1e-12) return 2 ** (-lag / 2 ** mean);
  const sd = Math.sqrt(variance);
  let expected = 0;
  for (let i = 0; i < NORMAL_NODES.length; i += 1) {
    expected += (NORMAL_WEIGHTS[i] as number) * 2 ** (-lag / 2 ** (mean + sd * (NORMAL_NODES[i] as number)));
  }
  return expected;
}

const LN2 = Math.LN2;

/** ℓ and its first two derivatives in L = log2 h, for one observation (u = ln2 · Δ · 2^{−L}). */
function pointTerms(logH: number, lagDays: number, correct: boolean): { value: number; first: number; second: number } {
  const u = LN2 * lagDays * 2 ** -logH;
  if (correct) return { value: -u, first: LN2 * u, second: -LN2 * LN2 * u };
  // Written in e^{−u} so that a long lag on a short half-life (u in the hundreds, e^u = ∞) stays
  // finite: u / (e^u − 1) = u e^{−u} / (1 − e^{−u}), and its slope
  // d/du [u / (e^u − 1)] = (e^{−u}(1 − u) − e^{−2u}) / (1 − e^{−u})², by its series near 0 where that cancels.
  const decay = Math.exp(-u);
  const remaining = -Math.expm1(-u); // 1 − e^{−u}
  const ratio = u < 1e-4 ? 1 - u / 2 : (u * decay) / remaining;
  const ratioSlope = u < 1e-4 ? -0.5 + u / 6 : (decay * (1 - u) - decay * decay) / (remaining * remaining);
  return { value: Math.log(remaining), first: -LN2 * ratio, second: LN2 * LN2 * u * ratioSlope };
}

interface Prior {
  readonly mean: number[];
  readonly sigma: number[];
}

/** Solves A x = b for symmetric positive definite A (Cholesky); A is n × n row-major. */
function solvePositiveDefinite(a: number[][], b: number[]): number[] {
  const n = b.length;
  const l: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i += 1) {
    const li = l[i] as number[];
    const ai = a[i] as number[];
    for (let j = 0; j <= i; j += 1) {
      const lj = l[j] as number[];
      let sum = ai[j] as number;
      for (let k = 0; k < j; k += 1) sum -= (li[k] as number) * (lj[k] as number);
      li[j] = i === j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / (lj[j] as number);
    }
  }
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i += 1) {
    const li = l[i] as number[];
    let sum = b[i] as number;
    for (let k = 0; k < i; k += 1) sum -= (li[k] as number) * (y[k] as number);
    y[i] = sum / (li[i] as number);
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i -= 1) {
    let sum = y[i] as number;
    for (let k = i + 1; k < n; k += 1) sum -= ((l[k] as number[])[i] as number) * (x[k] as number);
    x[i] = sum / ((l[i] as number[])[i] as number);
  }
  return x;
}

const NEWTON_ITERATIONS = 50;

/**
 * MAP fit of φ = (θ_c for each concept in `concepts`, β, γ) by damped Newton steps on the concave
 * log-posterior, with the posterior covariance of Laplace's approximation.
 */
function fitParameters(observations: readonly RecallObservation[], concepts: readonly string[], prior: Prior): { phi: number[]; covariance: number[][] } {
  const index = new Map(concepts.map((concept, i) => [concept, i]));
  const dimension = concepts.length + 2;
  const rows = observations.map((observation) => ({
    concept: index.get(observation.concept) ?? 0,
    recalled: observation.recalled,
    lapsed: observation.lapsed,
    lagDays: observation.lagDays,
    correct: observation.correct,
  }));
  const objective = (phi: number[]): number => {
    let total = 0;
    for (const row of rows) {
      const logH = (phi[row.concept] as number) + (phi[dimension - 2] as number) * row.recalled + (phi[dimension - 1] as number) * row.lapsed;
      total += pointTerms(logH, row.lagDays, row.correct).value;
    }
    for (let j = 0; j < dimension; j += 1) total -= ((phi[j] as number) - (prior.mean[j] as number)) ** 2 / (2 * (prior.sigma[j] as number) ** 2);
    return total;
  };
  /** The log-posterior's gradient and negative Hessian at φ. */
  const derivatives = (phi: number[]): { gradient: number[]; negHessian: number[][] } => {
    const gradient = new Array<number>(dimension).fill(0);
    const negHessian: number[][] = Array.from({ length: dimension }, () => new Array<number>(dimension).fill(0));
    for (const row of rows) {
      const features: [number, number][] = [
        [row.concept, 1],
        [dimension - 2, row.recalled],
        [dimension - 1, row.lapsed],
      ];
      let logH = 0;
      for (const [j, x] of features) logH += (phi[j] as number) * x;
      const { first, second } = pointTerms(logH, row.lagDays, row.correct);
      for (const [j, xj] of features) {
        gradient[j] = (gradient[j] as number) + first * xj;
        const hj = negHessian[j] as number[];
        for (const [k, xk] of features) hj[k] = (hj[k] as number) - second * xj * xk;
      }
    }
    for (let j = 0; j < dimension; j += 1) {
      const precision = 1 / (prior.sigma[j] as number) ** 2;
      gradient[j] = (gradient[j] as number) - ((phi[j] as number) - (prior.mean[j] as number)) * precision;
      const hj = negHessian[j] as number[];
      hj[j] = (hj[j] as number) + precision;
    }
    return { gradient, negHessian };
  };
  let phi = [...prior.mean];
  let current = objective(phi);
  for (let iteration = 0; iteration < NEWTON_ITERATIONS; iteration += 1) {
    const { gradient, negHessian } = derivatives(phi);
    const step = solvePositiveDefinite(negHessian, gradient);
    let scale = 1;
    let improved = false;
    while (scale > 1e-6) {
      const candidate = phi.map((value, j) => value + scale * (step[j] as number));
      const value = objective(candidate);
      if (value >= current) {
        improved = value - current > 1e-9;
        phi = candidate;
        current = value;
        break;
      }
      scale /= 2;
    }
    if (!improved) break;
  }
  // Laplace's approximation: the posterior covariance is the inverse of the negative Hessian at the mode.
  const { negHessian } = derivatives(phi);
  const covariance = Array.from({ length: dimension }, (_, j) => solvePositiveDefinite(negHessian, Array.from({ length: dimension }, (_, k) => (k === j ? 1 : 0))));
  return { phi, covariance };
}

function firstTryRates(firstReviews: readonly LoggedReview[], prior: HalfLifeModel, priorWeight: number): { rates: Map<string, number>; overall: number } {
  const tally = new Map<string, { correct: number; total: number }>();
  let correct = 0;
  for (const review of firstReviews) {
    const entry = tally.get(review.concept) ?? { correct: 0, total: 0 };
    entry.total += 1;
    if (isRecalled(review.grade)) {
      entry.correct += 1;
      correct += 1;
    }
    tally.set(review.concept, entry);
  }
  const overall = (correct + priorWeight * prior.defaultFirstTry) / (firstReviews.length + priorWeight);
  const rates = new Map(prior.firstTry);
  for (const [concept, entry] of tally) {
    const base = prior.firstTry.get(concept) ?? overall;
    rates.set(concept, (entry.correct + priorWeight * base) / (entry.total + priorWeight));
  }
  return { rates, overall };
}

function fitAround(logs: readonly (readonly LoggedReview[])[], prior: HalfLifeModel, sigma: ParameterSpread): HalfLifeModel {
  const observations: RecallObservation[] = [];
  const firstReviews: LoggedReview[] = [];
  for (const log of logs) {
    const own = observationsOf(log);
    observations.push(...own.observations);
    firstReviews.push(...own.firstReviews);
  }
  const concepts = [...new Set([...prior.intercepts.keys(), ...observations.map((observation) => observation.concept)])].sort();
  const { phi, covariance } = fitParameters(observations, concepts, {
    mean: [...concepts.map((concept) => prior.intercepts.get(concept) ?? prior.defaultIntercept), prior.recalledSlope, prior.lapsedSlope],
    sigma: [...concepts.map(() => sigma.intercept), sigma.recalledSlope, sigma.lapsedSlope],
  });
  const intercepts = new Map(concepts.map((concept, i) => [concept, phi[i] as number]));
  const firstTry = firstTryRates(firstReviews, prior, 2);
  return {
    intercepts,
    defaultIntercept: concepts.length === 0 ? prior.defaultIntercept : [...intercepts.values()].reduce((a, b) => a + b, 0) / concepts.length,
    recalledSlope: phi[concepts.length] as number,
    lapsedSlope: phi[concepts.length + 1] as number,
    firstTry: firstTry.rates,
    defaultFirstTry: firstTry.overall,
    uncertainty: { concepts, matrix: covariance, otherInterceptVariance: sigma.intercept ** 2 },
  };
}

function average(values: readonly number[], fallback: number): number {
  return values.length === 0 ? fallback : values.reduce((a, b) => a + b, 0) / values.length;
}

function variance(values: readonly number[]): number {
  const mean = average(values, 0);
  return values.length < 2 ? 0 : values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1);
}

/**
 * The class's spread of one parameter by the method of moments: the spread of the students' own
 * estimates less the part their estimation error explains,
 * $$\hat\tau^2 = \operatorname{Var}_s(\hat\phi_s) - \overline{\Sigma_{s}}$$
 * (the usual empirical-Bayes moment estimator; Efron and Morris 1975).
 */
function spreadOf(estimates: readonly number[], errorVariances: readonly number[], floor: number): number {
  return Math.sqrt(Math.max(floor ** 2, variance(estimates) - average(errorVariances, 0)));
}

/** The between-student spreads of θ (pooled over concepts), β and γ, from students' own fits. */
function classSpread(fits: readonly HalfLifeModel[], concepts: readonly string[]): ParameterSpread {
  if (fits.length < SPREAD_MIN_STUDENTS) return STUDENT_PRIOR_SIGMA;
  const diagonal = (fit: HalfLifeModel, index: number) => ((fit.uncertainty?.matrix[index] ?? [])[index] ?? 0);
  const slopeIndex = (fit: HalfLifeModel) => fit.uncertainty?.concepts.length ?? 0;
  const interceptVariances = concepts.map((concept) => {
    const fitted = fits.filter((fit) => fit.intercepts.has(concept));
    const estimates = fitted.map((fit) => fit.intercepts.get(concept) as number);
    const errors = fitted.map((fit) => diagonal(fit, fit.uncertainty?.concepts.indexOf(concept) ?? -1));
    return spreadOf(estimates, errors, SPREAD_FLOOR.intercept) ** 2;
  });
  return {
    intercept: Math.sqrt(average(interceptVariances, STUDENT_PRIOR_SIGMA.intercept ** 2)),
    recalledSlope: spreadOf(fits.map((fit) => fit.recalledSlope), fits.map((fit) => diagonal(fit, slopeIndex(fit))), SPREAD_FLOOR.recalledSlope),
    lapsedSlope: spreadOf(fits.map((fit) => fit.lapsedSlope), fits.map((fit) => diagonal(fit, slopeIndex(fit) + 1)), SPREAD_FLOOR.lapsedSlope),
  };
}

/**
 * The class's curve: each student's log fitted alone (weak prior around {@link UNINFORMED_MODEL}),
 * then the parameters averaged over students, and their spread measured ({@link classSpread}):
 * the prior a student is fitted against (empirical Bayes). Fitting the pooled log instead would
 * bias the growth β low: a mixture of students' exponential curves decays slower than any one of
 * them (simulated: β 0.87 pooled against 1.1 true). A prior wider than the class's real spread
 * shrinks too little, and the most extreme predictions are then the most wrong (simulated with
 * σ fixed at 1 and 0.5: the 0.1–0.3 deciles 0.07–0.08 below the observed rate).
 */
export function fitPopulationModel(studentLogs: readonly (readonly LoggedReview[])[]): HalfLifeModel {
  const fits = studentLogs.filter((log) => log.length > 0).map((log) => fitAround([log], UNINFORMED_MODEL, POPULATION_PRIOR_SIGMA));
  const concepts = [...new Set(fits.flatMap((fit) => [...fit.intercepts.keys()]))].sort();
  const intercepts = new Map(
    concepts.map((concept) => [
      concept,
      average(fits.flatMap((fit) => (fit.intercepts.has(concept) ? [fit.intercepts.get(concept) as number] : [])), UNINFORMED_MODEL.defaultIntercept),
    ]),
  );
  const pooled = fitAround(studentLogs, UNINFORMED_MODEL, POPULATION_PRIOR_SIGMA);
  return {
    intercepts,
    defaultIntercept: average([...intercepts.values()], UNINFORMED_MODEL.defaultIntercept),
    recalledSlope: average(fits.map((fit) => fit.recalledSlope), UNINFORMED_MODEL.recalledSlope),
    lapsedSlope: average(fits.map((fit) => fit.lapsedSlope), UNINFORMED_MODEL.lapsedSlope),
    firstTry: pooled.firstTry,
    defaultFirstTry: pooled.defaultFirstTry,
    spread: classSpread(fits, concepts),
  };
}

/** One student's curve: their own log, shrunk toward the class's curve by the class's spread. */
export function fitStudentModel(studentLog: readonly LoggedReview[], population: HalfLifeModel): HalfLifeModel {
  return { ...fitAround([studentLog], population, population.spread ?? STUDENT_PRIOR_SIGMA), spread: population.spread };
}

export interface ConceptReadiness {
  readonly concept: string;
  /** Estimated chance of a correct answer on the day, 0–1. */
  readonly readiness: number;
  readonly cards: number;
  /** Cards of the concept the student has reviewed at least once. */
  readonly seen: number;
}

/** Readiness per concept on `day` (exam day), weakest first; cards never reviewed use first-try accuracy. */
export function readinessByConcept(
  model: HalfLifeModel,
  studentLog: readonly LoggedReview[],
  cards: readonly { readonly id: string; readonly concept: string }[],
  day: number,
): ConceptReadiness[] {
  const histories = cardHistoriesOf(studentLog);
  const tally = new Map<string, { sum: number; cards: number; seen: number }>();
  for (const card of cards) {
    const history = histories.get(card.id);
    const p = history
      ? predictRecall(model, { ...history, concept: card.concept }, day)
      : (model.firstTry.get(card.concept) ?? model.defaultFirstTry);
    const entry = tally.get(card.concept) ?? { sum: 0, cards: 0, seen: 0 };
    entry.sum += p;
    entry.cards += 1;
    if (history) entry.seen += 1;
    tally.set(card.concept, entry);
  }
  return [...tally]
    .map(([concept, entry]) => ({ concept, readiness: entry.sum / entry.cards, cards: entry.cards, seen: entry.seen }))
    .sort((a, b) => a.readiness - b.readiness || (a.concept < b.concept ? -1 : a.concept > b.concept ? 1 : 0));
}

export interface CalibrationBin {
  readonly lower: number;
  readonly upper: number;
  readonly count: number;
  readonly meanPredicted: number;
  readonly meanObserved: number;
}

/** Predictions grouped in deciles of the predicted value, with the mean observed outcome in each. */
export function calibrationDeciles(pairs: readonly { readonly predicted: number; readonly observed: number }[]): CalibrationBin[] {
  const bins = Array.from({ length: 10 }, (_, i) => ({ lower: i / 10, upper: (i + 1) / 10, count: 0, predicted: 0, observed: 0 }));
  for (const { predicted, observed } of pairs) {
    const bin = bins[Math.min(9, Math.max(0, Math.floor(predicted * 10)))];
    if (!bin) continue;
    bin.count += 1;
    bin.predicted += predicted;
    bin.observed += observed;
  }
  return bins.map((bin) => ({
    lower: bin.lower,
    upper: bin.upper,
    count: bin.count,
    meanPredicted: bin.count === 0 ? Number.NaN : bin.predicted / bin.count,
    meanObserved: bin.count === 0 ? Number.NaN : bin.observed / bin.count,
  }));
}

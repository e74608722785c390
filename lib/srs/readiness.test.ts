import { describe, expect, it } from "vitest";
import {
  calibrationDeciles,
  cardHistoriesOf,
  fitPopulationModel,
  fitStudentModel,
  observationsOf,
  predictRecall,
  readinessByConcept,
  STUDENT_PRIOR_SIGMA,
  UNINFORMED_MODEL,
  type LoggedReview,
} from "./readiness";
import { createRandom, deriveSeed } from "../sim/random/seeded-random";
import { CARD_DIFFICULTY_SPREAD, createSimulatedStudent, simulateStudy, trueRecall, type SimulatedCard } from "./study-simulation";

const cards: SimulatedCard[] = Array.from({ length: 60 }, (_, i) => ({ id: `card-${i}`, concept: `concept-${i % 6}`, position: i }));

/** Readiness is shown to students with an exam ahead, whose reviews follow the exam-aware schedule. */
const EXAM_DAY = 21;
const ANSWER_DAYS = [EXAM_DAY, EXAM_DAY + 7, EXAM_DAY + 14, EXAM_DAY + 28];

interface SimulatedClass {
  logs: LoggedReview[][];
  /**
   * Held out: each student's answer to a fresh variant of every card they studied, on exam day and
   * on days after it with no review in between (readiness claims exactly this: the chance on a
   * given day if nothing more is studied), so the predictions span the whole range.
   */
  answers: { student: number; cardId: string; day: number; correct: boolean }[];
}

/**
 * A class of simulated students. `cardDifficultySpread` 0 makes the simulation exactly the model's
 * family, so the test checks the fitting; the bench (bench/exam-schedule.ts) runs with per-card
 * difficulty the model does not see (docs/architecture.md records what that costs).
 */
function simulatedClass(students: number, seed: number, cardDifficultySpread = 0): SimulatedClass {
  const examAnswers = createRandom(deriveSeed(seed, "exam-day answers"));
  const result: SimulatedClass = { logs: [], answers: [] };
  for (let i = 0; i < students; i += 1) {
    const student = createSimulatedStudent(seed * 1000 + i, cards, cardDifficultySpread);
    const { log } = simulateStudy({ student, cards, deckId: "deck", days: EXAM_DAY, exams: [{ day: EXAM_DAY, deckIds: ["deck"] }], mode: "exam", seed, newPerDay: 10, dailyLoadCap: 200 });
    result.logs.push(log);
    const histories = cardHistoriesOf(log);
    for (const card of cards) {
      const history = histories.get(card.id);
      if (!history) continue;
      for (const day of ANSWER_DAYS) {
        result.answers.push({ student: i, cardId: card.id, day, correct: examAnswers.uniform() < trueRecall(student, card, history, day) });
      }
    }
  }
  return result;
}

const simulatedLogs = (students: number, seed: number) => simulatedClass(students, seed, CARD_DIFFICULTY_SPREAD).logs;

describe("readiness model", () => {
  it("is calibrated within 0.05 per decile on held-out answers of a simulated class on and after exam day, and beats the base rate", () => {
    const { logs, answers } = simulatedClass(100, 3);
    const population = fitPopulationModel(logs);
    const models = logs.map((log) => ({ model: fitStudentModel(log, population), histories: cardHistoriesOf(log) }));
    const pairs = answers.map((answer) => {
      const { model, histories } = models[answer.student] ?? { model: population, histories: new Map() };
      const history = histories.get(answer.cardId);
      if (!history) throw new Error("only studied cards are held out");
      return { predicted: predictRecall(model, history, answer.day), observed: answer.correct ? 1 : 0 };
    });
    expect(pairs.length).toBeGreaterThan(20_000);
    const bins = calibrationDeciles(pairs);
    // A decile with 150 answers has a sampling error of at most √(0.25/150) ≈ 0.04 at p = 0.5.
    const populated = bins.filter((bin) => bin.count >= 150);
    expect(populated.length).toBeGreaterThanOrEqual(6);
    for (const bin of populated) expect(Math.abs(bin.meanPredicted - bin.meanObserved), `decile ${bin.lower}`).toBeLessThanOrEqual(0.05);

    // Calibration alone is cheap (a constant base rate is calibrated); the model must also discriminate.
    const baseRate = pairs.reduce((sum, pair) => sum + pair.observed, 0) / pairs.length;
    const brier = (predict: (pair: { predicted: number }) => number) =>
      pairs.reduce((sum, pair) => sum + (predict(pair) - pair.observed) ** 2, 0) / pairs.length;
    expect(brier((pair) => pair.predicted)).toBeLessThan(0.85 * brier(() => baseRate));
  });

  it("recovers the simulated curve's growth with recalls from a class's logs", () => {
    const population = fitPopulationModel(simulatedLogs(30, 5));
    // Simulated students' β is 1.1 ± 0.25 (study-simulation.ts); with a per-card difficulty the model does not see.
    expect(population.recalledSlope).toBeGreaterThan(0.8);
    expect(population.recalledSlope).toBeLessThan(1.4);
  });

  it("gives a new student the class's estimate, and moves toward a student's own record", () => {
    const population = fitPopulationModel(simulatedLogs(20, 7));
    const fresh = fitStudentModel([], population);
    expect(fresh.recalledSlope).toBeCloseTo(population.recalledSlope, 6);
    expect(fresh.intercepts.get("concept-0")).toBeCloseTo(population.intercepts.get("concept-0") ?? Number.NaN, 6);

    // A student who forgets concept-0 every time: its half-life drops below the class's.
    const forgetful: LoggedReview[] = [];
    for (let card = 0; card < 10; card += 1) {
      for (const day of [0, 1, 3, 7]) forgetful.push({ cardId: `card-${card * 6}`, concept: "concept-0", day, grade: day === 0 ? 4 : 1 });
    }
    const own = fitStudentModel(forgetful, population);
    expect(own.intercepts.get("concept-0") ?? Number.NaN).toBeLessThan(population.intercepts.get("concept-0") ?? Number.NaN);
  });

  it("readiness per concept: weakest first, unseen cards at the first-try rate", () => {
    const model = { ...UNINFORMED_MODEL, intercepts: new Map([["strong", 4], ["weak", 0]]), firstTry: new Map([["unseen", 0.3]]) };
    const log: LoggedReview[] = [
      { cardId: "s1", concept: "strong", day: 0, grade: 5 },
      { cardId: "w1", concept: "weak", day: 0, grade: 5 },
    ];
    const readiness = readinessByConcept(model, log, [
      { id: "s1", concept: "strong" },
      { id: "w1", concept: "weak" },
      { id: "u1", concept: "unseen" },
    ], 10);
    // log2 h = θ + 1·1: strong h = 32 → 2^(−10/32) ≈ 0.805; weak h = 2 → 2^(−5) ≈ 0.031.
    expect(readiness.map((entry) => entry.concept)).toEqual(["weak", "unseen", "strong"]);
    expect(readiness[0]?.readiness).toBeCloseTo(2 ** -5, 9);
    expect(readiness[1]).toEqual({ concept: "unseen", readiness: 0.3, cards: 1, seen: 0 });
    expect(readiness[2]?.readiness).toBeCloseTo(2 ** (-10 / 32), 9);
  });

  it("measures the class's spread of students' curves (the prior a student is fitted against)", () => {
    // Simulated β spreads 0.25 and γ 0.1 between students (TRUE_CURVE_MEANS); θ per concept about 0.72.
    const population = fitPopulationModel(simulatedLogs(60, 11));
    expect(population.spread?.recalledSlope).toBeGreaterThan(0.12);
    expect(population.spread?.recalledSlope).toBeLessThan(0.4);
    expect(population.spread?.intercept).toBeGreaterThan(0.4);
    expect(population.spread?.intercept).toBeLessThan(1.1);
    // Too few students to measure: the fixed prior.
    expect(fitPopulationModel(simulatedLogs(3, 11)).spread).toEqual(STUDENT_PRIOR_SIGMA);
  });

  it("predicts the posterior mean of the curve: the quadrature agrees with sampling the fit's uncertainty", () => {
    const population = fitPopulationModel(simulatedLogs(20, 13));
    const log = simulatedLogs(1, 17)[0] ?? [];
    const model = fitStudentModel(log, population);
    const uncertainty = model.uncertainty;
    if (!uncertainty) throw new Error("a fitted student model carries its uncertainty");
    const history = { cardId: "x", concept: "concept-2", lastDay: 10, recalled: 3, lapsed: 1 };
    // An independent derivation: draw φ ~ N(φ̂, Σ) by its Cholesky factor and average the curve.
    const order = [...uncertainty.concepts.map((concept) => model.intercepts.get(concept) ?? 0), model.recalledSlope, model.lapsedSlope];
    const n = order.length;
    const factor: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (let i = 0; i < n; i += 1) {
      for (let j = 0; j <= i; j += 1) {
        let sum = uncertainty.matrix[i]?.[j] ?? 0;
        for (let k = 0; k < j; k += 1) sum -= (factor[i]?.[k] ?? 0) * (factor[j]?.[k] ?? 0);
        (factor[i] as number[])[j] = i === j ? Math.sqrt(sum) : sum / (factor[j]?.[j] ?? 1);
      }
    }
    const conceptIndex = uncertainty.concepts.indexOf("concept-2");
    const random = createRandom(23);
    for (const day of [12, 25, 60]) {
      let total = 0;
      const draws = 40_000;
      for (let d = 0; d < draws; d += 1) {
        const z = Array.from({ length: n }, () => random.normal());
        const phi = order.map((mean, i) => mean + (factor[i] ?? []).reduce((sum, value, k) => sum + value * (z[k] ?? 0), 0));
        const logH = (phi[conceptIndex] ?? 0) + (phi[n - 2] ?? 0) * 3 + (phi[n - 1] ?? 0) * 1;
        total += 2 ** (-(day - 10) / 2 ** logH);
      }
      expect(predictRecall(model, history, day)).toBeCloseTo(total / draws, 2);
    }
    // Uncertainty pulls a low prediction up and a high one down (p is convex in log2 h where it is low).
    const atFit = (day: number) => predictRecall({ ...model, uncertainty: undefined }, history, day);
    expect(predictRecall(model, history, 400)).toBeGreaterThan(atFit(400));
    expect(predictRecall(model, history, 12)).toBeLessThan(atFit(12));
  });

  it("fits a student who forgets everything (the likelihood's terms stay finite far from the curve)", () => {
    // Every look a lapse: θ heads far below 0, where u = ln2 · Δ · 2^(−L) for the 60-day gaps reaches
    // the thousands and e^u overflows; the fit then stopped where it was, with an undefined covariance.
    const log: LoggedReview[] = [];
    for (let card = 0; card < 10; card += 1) {
      for (const day of [0, 1, 2, 62]) log.push({ cardId: `c${card}`, concept: "c", day, grade: 1 });
    }
    const model = fitPopulationModel([log]);
    const intercept = model.intercepts.get("c") ?? Number.NaN;
    expect(intercept).toBeLessThan(-2);
    const student = fitStudentModel(log, model);
    expect(student.uncertainty?.matrix.flat().every(Number.isFinite)).toBe(true);
    const recall = predictRecall(student, { cardId: "c0", concept: "c", lastDay: 62, recalled: 0, lapsed: 4 }, 63);
    expect(recall).toBeGreaterThanOrEqual(0);
    expect(recall).toBeLessThan(0.2);
  });

  it("observations: one per later review, lag and counts before it", () => {
    const { observations, firstReviews } = observationsOf([
      { cardId: "a", concept: "c", day: 0, grade: 2 },
      { cardId: "a", concept: "c", day: 1, grade: 4 },
      { cardId: "a", concept: "c", day: 7, grade: 5 },
    ]);
    expect(firstReviews).toHaveLength(1);
    expect(observations).toEqual([
      { concept: "c", lagDays: 1, recalled: 0, lapsed: 1, correct: true },
      { concept: "c", lagDays: 6, recalled: 1, lapsed: 1, correct: true },
    ]);
  });
});

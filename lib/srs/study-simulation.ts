/**
 * Simulated students with known forgetting curves, studying a deck day by day under plain SM-2 or
 * the exam-aware schedule: the ground truth for bench/exam-schedule.ts and the readiness tests.
 *
 * A student's true recall of a card Δ days after its last counted review is an exponential
 * forgetting curve whose half-life grows with recalls (the family of readiness.ts, after Settles and
 * Meeder 2016), with a per-card difficulty the readiness model does not see:
 *
 * $$p = 2^{-\Delta / h}, \qquad \log_2 h = \theta_{s,c} + \delta_k + \beta_s n_\oplus + \gamma_s n_\ominus$$
 *
 * θ, β, γ vary between students (normal draws around {@link TRUE_CURVE_MEANS}); δ_k ~ N(0, σ²) with σ =
 * {@link CARD_DIFFICULTY_SPREAD} by default.
 * A first sight is recalled with the student's first-try rate for the concept. Recalled reviews are
 * graded 4 or 5, others 1 or 2; a grade below 4 is re-drilled the same day (not counted, no effect
 * on memory). Everything is drawn from one seeded generator: the same seed, the same run.
 */
import { createRandom, deriveSeed, spreadSeed, type SeededRandom } from "../sim/random/seeded-random";
import { examDayRoom } from "./exam-pacing";
import { PLANNING_RECALL_DAYS, scheduledGroupsOf } from "./exam-views";
import { FINAL_WINDOW_DAYS, gradeCardForExam, isFinalPassDay, nearestExam, orderWeakestFirst, recentAccuracyByConcept, type ExamDate } from "./exam-schedule";
import { buildQueue, type QueueCard } from "./queue";
import { isRecalled, type CardHistory, type LoggedReview } from "./readiness";
import { NEW_CARD_STATE, type CardState } from "./review-state";
import type { Grade } from "./sm2";

export const TRUE_CURVE_MEANS = Object.freeze({ intercept: 1.5, interceptSpread: 0.6, recalledSlope: 1.1, slopeSpread: 0.25, lapsedSlope: -0.2 });

export interface SimulatedCard {
  readonly id: string;
  readonly concept: string;
  readonly position: number;
}

export interface SimulatedStudent {
  readonly id: string;
  readonly intercepts: ReadonlyMap<string, number>;
  readonly recalledSlope: number;
  readonly lapsedSlope: number;
  readonly firstTry: ReadonlyMap<string, number>;
  readonly cardOffsets: ReadonlyMap<string, number>;
}

/** Spread (σ, log2 days) of the per-card difficulty δ_k the readiness model does not see. */
export const CARD_DIFFICULTY_SPREAD = 0.3;

export function createSimulatedStudent(seed: number, cards: readonly SimulatedCard[], cardDifficultySpread: number = CARD_DIFFICULTY_SPREAD): SimulatedStudent {
  const random = createRandom(spreadSeed(seed));
  const means = TRUE_CURVE_MEANS;
  const studentLevel = random.normal() * means.interceptSpread;
  const concepts = [...new Set(cards.map((card) => card.concept))].sort();
  return {
    id: `student-${seed}`,
    intercepts: new Map(concepts.map((concept) => [concept, means.intercept + studentLevel + 0.4 * random.normal()])),
    recalledSlope: means.recalledSlope + means.slopeSpread * random.normal(),
    lapsedSlope: means.lapsedSlope + 0.1 * random.normal(),
    firstTry: new Map(concepts.map((concept) => [concept, random.between(0.3, 0.8)])),
    cardOffsets: new Map(cards.map((card) => [card.id, cardDifficultySpread * random.normal()])),
  };
}

/** The student's true chance of recalling `card` on `day`, given its history (null: never seen). */
export function trueRecall(student: SimulatedStudent, card: SimulatedCard, history: CardHistory | undefined, day: number): number {
  if (!history) return student.firstTry.get(card.concept) ?? 0.5;
  const logHalfLife =
    (student.intercepts.get(card.concept) ?? 0) +
    (student.cardOffsets.get(card.id) ?? 0) +
    student.recalledSlope * history.recalled +
    student.lapsedSlope * history.lapsed;
  return 2 ** (-Math.max(0, day - history.lastDay) / 2 ** logHalfLife);
}

function gradeFor(recalled: boolean, random: SeededRandom): Grade {
  if (recalled) return random.uniform() < 0.5 ? 5 : 4;
  return random.uniform() < 0.5 ? 2 : 1;
}

export type ScheduleMode = "plain" | "exam";

export interface StudyOptions {
  readonly student: SimulatedStudent;
  readonly cards: readonly SimulatedCard[];
  readonly deckId: string;
  readonly days: number;
  /** Exams (ignored in plain mode). */
  readonly exams: readonly ExamDate[];
  readonly mode: ScheduleMode;
  readonly seed: number;
  /** Plain SM-2's new cards a day, and the exam mode's rate once no exam is ahead. */
  readonly newPerDay: number;
  readonly dailyLoadCap: number;
}

export interface StudyRun {
  /** Counted reviews (first of each day), in order. */
  readonly log: LoggedReview[];
  /** Counted reviews (new cards included) on each simulated day. */
  readonly reviewsPerDay: number[];
  /** SM-2 state sequence per card, one entry per counted review. */
  readonly stateSequences: Map<string, CardState[]>;
}

/** Cards due on each day of the final window before `examDay`, as the server counts them when grading. */
function finalWindowLoad(states: ReadonlyMap<string, CardState>, examDay: number): number[] {
  const load = new Array<number>(FINAL_WINDOW_DAYS).fill(0);
  for (const state of states.values()) {
    const index = state.dueDay === null ? -1 : state.dueDay - (examDay - FINAL_WINDOW_DAYS);
    if (index >= 0 && index < FINAL_WINDOW_DAYS) load[index] = (load[index] ?? 0) + 1;
  }
  return load;
}

/** Studies `days` days from day 0: each day, every card in that day's queue, re-drills until cleared. */
export function simulateStudy(options: StudyOptions): StudyRun {
  const { student, cards, deckId, days, mode, dailyLoadCap } = options;
  const random = createRandom(deriveSeed(options.seed, `${student.id}:${mode}`));
  const byId = new Map(cards.map((card) => [card.id, card]));
  const states = new Map<string, CardState>(cards.map((card) => [card.id, NEW_CARD_STATE]));
  const log: LoggedReview[] = [];
  const histories = new Map<string, CardHistory>();
  const reviewsPerDay: number[] = [];
  const stateSequences = new Map<string, CardState[]>(cards.map((card) => [card.id, []]));
  const exams = mode === "exam" ? options.exams : [];

  for (let today = 0; today < days; today += 1) {
    const exam = nearestExam(exams, today, deckId);
    let newPerDay = options.newPerDay;
    if (exam) {
      // The same counts the server reads (lib/server/exams/exam-queue.ts), at the start of the day.
      const recent = log.filter((review) => review.day > today - PLANNING_RECALL_DAYS);
      const room = examDayRoom({
        today,
        examDay: exam.day,
        decks: [{ deckId, unintroduced: [...states.values()].filter((state) => state.dueDay === null).length, introducedToday: 0 }],
        scheduled: scheduledGroupsOf(states.values(), exam.day),
        recentReviews: { reviews: recent.length, passes: recent.filter((review) => isRecalled(review.grade)).length },
        dueNow: [...states.values()].filter((state) => state.dueDay !== null && state.dueDay <= today).length,
        reviewedToday: 0,
        dailyLoadCap,
        ownNewPerDeck: 0,
      });
      newPerDay = room.newLimitByDeck[deckId] ?? 0;
    }
    const queueCards: QueueCard[] = cards.map((card) => ({ id: card.id, deckId, state: states.get(card.id) ?? NEW_CARD_STATE, position: card.position }));
    let entries = buildQueue({ cards: queueCards, today, limits: { newPerDeck: newPerDay, reviewsPerDay: dailyLoadCap } });
    if (exam && isFinalPassDay(today, exam.day)) {
      const accuracy = recentAccuracyByConcept(
        log.map((review) => ({ concept: review.concept, day: review.day, correct: isRecalled(review.grade) })),
        today,
      );
      entries = orderWeakestFirst(entries.map((entry) => ({ ...entry, concept: byId.get(entry.cardId)?.concept ?? "" })), accuracy);
    }
    let counted = 0;
    for (const entry of entries) {
      const card = byId.get(entry.cardId);
      if (!card) continue;
      const recalled = random.uniform() < trueRecall(student, card, histories.get(card.id), today);
      let grade = gradeFor(recalled, random);
      const windowLoad = exam ? finalWindowLoad(states, exam.day) : undefined;
      let result = gradeCardForExam(states.get(card.id) ?? NEW_CARD_STATE, grade, today, { examDay: exam?.day ?? null, cardId: card.id, windowLoad });
      counted += 1;
      log.push({ cardId: card.id, concept: card.concept, day: today, grade });
      stateSequences.get(card.id)?.push(result.next);
      const before = histories.get(card.id);
      histories.set(card.id, {
        cardId: card.id,
        concept: card.concept,
        lastDay: today,
        recalled: (before?.recalled ?? 0) + (isRecalled(grade) ? 1 : 0),
        lapsed: (before?.lapsed ?? 0) + (isRecalled(grade) ? 0 : 1),
      });
      // Re-drill until a 4 or 5: shown again the same day, counted by SM-2 as nothing.
      while (result.redrillPending) {
        grade = gradeFor(random.uniform() < 0.8, random);
        result = gradeCardForExam(result.next, grade, today, { examDay: exam?.day ?? null, cardId: card.id, windowLoad });
      }
      states.set(card.id, result.next);
    }
    reviewsPerDay.push(counted);
  }
  return { log, reviewsPerDay, stateSequences };
}

/**
 * Exam-aware due days: SM-2 decides *what* a card's state is, the exam decides only *when* the card
 * is next shown (docs/architecture.md, "Exam-aware scheduling").
 *
 * $$\text{due}' = \begin{cases}
 *   d + I & \text{no upcoming exam } E > d,\ \text{or } d + I < E,\ \text{or } d \ge E - W \\
 *   E - 1 - (h(\text{card}) \bmod W) & \text{otherwise}
 * \end{cases}$$
 *
 * with d the review day, I the SM-2 interval (sm2.ts, Wozniak 1987), E the day of the nearest
 * upcoming exam covering the card's deck, W the final window ({@link FINAL_WINDOW_DAYS}) and h a
 * fixed hash of the card id. A review whose SM-2 due day would fall on or after the exam is brought
 * forward into the last W days before it, spread evenly over those days by the hash (so the final
 * reviews do not pile onto the eve of the exam). A review already inside the final window is the
 * last one before the exam, and keeps its SM-2 due day: after the exam, plain SM-2 resumes.
 *
 * The SM-2 state (repetition, easiness, interval) is never touched: only the day moves. Anki's
 * "reschedule cards on change" and FSRS's target retention both change intervals instead; keeping
 * the published state means the `sm2` command, its golden tests and the post-exam schedule are the
 * same with and without an exam.
 *
 * Pure: day numbers are in the user's time zone (days.ts) and passed in.
 */
import { deriveSeed } from "../sim/random/seeded-random";
import { dayNumber, parseDayNumber } from "./days";
import { gradeCard, type CardState, type GradeResult } from "./review-state";
import type { Grade } from "./sm2";

/** Last reviews before an exam are spread over this many days before it. */
export const FINAL_WINDOW_DAYS = 5;

/** An exam: its calendar day (day number) and the decks it covers. */
export interface ExamDate {
  readonly day: number;
  readonly deckIds: readonly string[];
}

function assertDay(name: string, day: number): void {
  if (!Number.isSafeInteger(day)) throw new RangeError(`${name} must be an integer day number, got ${day}`);
}

/**
 * The nearest exam still ahead on `today` that covers `deckId` (any deck when `deckId` is omitted),
 * or null. An exam on `today` or earlier is over and ignored: from then on plain SM-2 applies.
 */
export function nearestExam(exams: readonly ExamDate[], today: number, deckId?: string): ExamDate | null {
  assertDay("today", today);
  let nearest: ExamDate | null = null;
  for (const exam of exams) {
    assertDay("exam.day", exam.day);
    if (exam.day <= today) continue;
    if (deckId !== undefined && !exam.deckIds.includes(deckId)) continue;
    if (nearest === null || exam.day < nearest.day) nearest = exam;
  }
  return nearest;
}

/**
 * Days of study left before an exam on the calendar date `examIsoDate` ("2026-12-12"), counted in
 * `timeZone` at instant `now`: today counts, the exam day does not. 0 or less means the exam is
 * today or over.
 */
export function studyDaysLeft(now: Date, timeZone: string, examIsoDate: string): number {
  return parseDayNumber(examIsoDate) - dayNumber(now, timeZone);
}

/** FNV-1a of the card id: a fixed, platform-independent spread of cards over the final window. */
export function spreadHash(cardId: string): number {
  return deriveSeed(0, cardId);
}

export interface ExamDueInput {
  /** Day of the review just graded. */
  readonly reviewDay: number;
  /** reviewDay + I, as SM-2 schedules it. */
  readonly sm2DueDay: number;
  /** Day of the nearest exam covering the card (see {@link nearestExam}), or null. */
  readonly examDay: number | null;
  /** The card's id: fixes where in the final window its last review falls. */
  readonly cardId: string;
  readonly finalWindowDays?: number;
  /**
   * Cards already due on each day of the final window (index 0 = E − W … W − 1 = E − 1), all decks:
   * when given, a card brought forward goes to the least loaded day (see {@link leastLoadedWindowDay}).
   */
  readonly windowLoad?: readonly number[];
}

/**
 * The final-window day a card brought forward goes to. Without loads, the card's hash picks one of
 * the W days (a fixed, even spread: what rescheduling a whole collection at once uses). With the
 * loads of those days, the least loaded day wins, ties going to the hash's day and then to the
 * earlier day: cards graded one by one fill the window level instead of by chance, which keeps the
 * busiest day of the final pass near the mean (bench/exam-schedule.ts, "max ÷ mean").
 */
export function leastLoadedWindowDay(examDay: number, window: number, cardId: string, windowLoad?: readonly number[]): number {
  const firstDay = examDay - window;
  const hashedIndex = window - 1 - (spreadHash(cardId) % window);
  if (!windowLoad || windowLoad.length !== window) return firstDay + hashedIndex;
  const least = Math.min(...windowLoad);
  return firstDay + (windowLoad[hashedIndex] === least ? hashedIndex : windowLoad.indexOf(least));
}

/** The due day to store: SM-2's, or brought forward into the final window before the exam. */
export function examAwareDueDay(input: ExamDueInput): number {
  const { reviewDay, sm2DueDay, examDay, cardId } = input;
  const window = input.finalWindowDays ?? FINAL_WINDOW_DAYS;
  assertDay("reviewDay", reviewDay);
  assertDay("sm2DueDay", sm2DueDay);
  if (!Number.isSafeInteger(window) || window < 1) throw new RangeError(`finalWindowDays must be an integer ≥ 1, got ${window}`);
  if (examDay === null) return sm2DueDay;
  assertDay("examDay", examDay);
  if (examDay <= reviewDay || sm2DueDay < examDay) return sm2DueDay;
  if (reviewDay >= examDay - window) return sm2DueDay;
  // reviewDay < E − W, so every day of [E − W, E − 1] is after the review.
  return leastLoadedWindowDay(examDay, window, cardId, input.windowLoad);
}

/**
 * {@link gradeCard} with the exam in view: the same SM-2 state and re-drill rule, and a counted
 * review's due day passed through {@link examAwareDueDay}.
 */
export function gradeCardForExam(
  state: CardState,
  grade: Grade,
  reviewDay: number,
  exam: ExamOfCard,
): GradeResult {
  return withExamDueDay(gradeCard(state, grade, reviewDay), reviewDay, exam);
}

/** The nearest exam of a card, as {@link gradeCardForExam} and {@link withExamDueDay} take it. */
export interface ExamOfCard {
  readonly examDay: number | null;
  readonly cardId: string;
  readonly finalWindowDays?: number;
  readonly windowLoad?: readonly number[];
}

/**
 * A plain SM-2 grade result with its due day passed through {@link examAwareDueDay}: the step of
 * {@link gradeCardForExam} after SM-2, for a caller that grades once and places the card twice
 * (without, then with, the final window's loads).
 */
export function withExamDueDay(result: GradeResult, reviewDay: number, exam: ExamOfCard): GradeResult {
  const sm2DueDay = result.next.dueDay;
  if (!result.counted || sm2DueDay === null) return result;
  const dueDay = examAwareDueDay({ reviewDay, sm2DueDay, ...exam });
  return dueDay === sm2DueDay ? result : Object.freeze({ ...result, next: Object.freeze({ ...result.next, dueDay }) });
}

/** True on the days of the final pass before `examDay`: the last {@link FINAL_WINDOW_DAYS} days. */
export function isFinalPassDay(today: number, examDay: number | null, finalWindowDays: number = FINAL_WINDOW_DAYS): boolean {
  assertDay("today", today);
  return examDay !== null && today < examDay && today >= examDay - finalWindowDays;
}

/** A counted review outcome: which concept, on which day, recalled or not. */
export interface ConceptOutcome {
  readonly concept: string;
  readonly day: number;
  readonly correct: boolean;
}

/** Recent accuracy looks back this many days. */
export const RECENT_ACCURACY_DAYS = 14;

/**
 * $$\text{acc}_c = \frac{\#\{\text{correct reviews of } c \text{ in } (t - K, t]\}}{\#\{\text{reviews of } c \text{ in } (t - K, t]\}}$$
 * with K = {@link RECENT_ACCURACY_DAYS}; concepts without a recent review are absent.
 */
export function recentAccuracyByConcept(
  outcomes: readonly ConceptOutcome[],
  today: number,
  lookbackDays: number = RECENT_ACCURACY_DAYS,
): Map<string, number> {
  assertDay("today", today);
  const tally = new Map<string, { correct: number; total: number }>();
  for (const outcome of outcomes) {
    if (outcome.day > today || outcome.day <= today - lookbackDays) continue;
    const entry = tally.get(outcome.concept) ?? { correct: 0, total: 0 };
    entry.total += 1;
    if (outcome.correct) entry.correct += 1;
    tally.set(outcome.concept, entry);
  }
  return new Map([...tally].map(([concept, { correct, total }]) => [concept, correct / total]));
}

/**
 * The final pass: items of the weakest concepts (lowest recent accuracy) first. A concept with no
 * recent review counts as weakest of all (nothing shows it is known). Ties keep the given order, so
 * the queue's own order (most overdue first) holds within a concept.
 */
export function orderWeakestFirst<T extends { readonly concept: string }>(
  items: readonly T[],
  accuracy: ReadonlyMap<string, number>,
): T[] {
  const score = (concept: string) => accuracy.get(concept) ?? -1;
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => score(a.item.concept) - score(b.item.concept) || a.index - b.index)
    .map(({ item }) => item);
}

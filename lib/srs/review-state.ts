/**
 * A card's scheduling state for one user, and the transition a grade makes on it, including SM-2's
 * same-day re-drill rule:
 *
 * > "After each repetition session of a given day repeat again all items that scored below four in
 * > the quality assessment. Continue the repetitions until all of these items score at least four."
 * > — SuperMemo SM-2 (Wozniak 1987), super-memory.com/english/ol/sm2.htm, step 7
 *
 * Read (docs/architecture.md "Spaced repetition"): the **first** grade of a day is the SM-2 review and moves n, EF and I; if it is
 * below 4 the card comes back in the same session until it is graded 4 or 5, and those re-drill grades
 * are logged but change nothing else.
 *
 * $$\text{counted}(g, d) \iff d > \text{lastReviewDay}, \qquad \text{due} = d + I'$$
 *
 * States are immutable values and every transition returns a new one (after Anki's
 * rslib/src/scheduler/states). Storage loads a state, calls a transition, and saves the result
 * together with the state before it.
 *
 * **Undo** is not a transition: the review log stores the exact state before every grade, and undoing
 * a grade saves that stored before-state back unchanged (and logs the undo). Nothing is recomputed, so
 * an undo can never drift from what the card was.
 */
import {
  applySm2,
  assertSm2State,
  dueDay as dueDayAfter,
  INITIAL_SM2_STATE,
  InvalidSm2StateError,
  parseGrade,
  type Grade,
  type Sm2State,
} from "./sm2";

/** Grades from this one up end a card's same-day re-drill. */
export const REDRILL_CLEARING_GRADE = 4;

export interface CardState extends Sm2State {
  /** Day number the card is due (review day + I); null for a card never reviewed (a new card). */
  readonly dueDay: number | null;
  /** Day number of the last counted (first-of-day) review; null for a new card. */
  readonly lastReviewDay: number | null;
  /**
   * Day number on which a same-day re-drill is owed (the first grade that day was below 4 and no
   * 4 or 5 has followed), else null. A re-drill owed on an earlier day has lapsed: it only ever
   * applies to its own day.
   */
  readonly redrillDay: number | null;
  /** Suspended cards never enter the queue until unsuspended; grading them is still allowed. */
  readonly suspended: boolean;
  /** Buried until this day number: the card is left out of the queue while today < buriedUntilDay. */
  readonly buriedUntilDay: number | null;
}

/** A card never reviewed, not suspended, not buried. */
export const NEW_CARD_STATE: CardState = Object.freeze({
  ...INITIAL_SM2_STATE,
  dueDay: null,
  lastReviewDay: null,
  redrillDay: null,
  suspended: false,
  buriedUntilDay: null,
});

export interface GradeResult {
  /** The state to save. */
  readonly next: CardState;
  /** True when this grade was the day's SM-2 review (n, EF, I and the due day moved). */
  readonly counted: boolean;
  /** True when the card must come back in today's session (first grade below 4, no 4 or 5 since). */
  readonly redrillPending: boolean;
}

function assertDay(name: string, day: number): void {
  if (!Number.isSafeInteger(day)) throw new RangeError(`${name} must be an integer day number, got ${day}`);
}

function isDayOrNull(value: unknown): boolean {
  return value === null || Number.isSafeInteger(value);
}

/**
 * Throws RangeError unless `state` is a well-formed card state (SM-2 fields via `assertSm2State`, day
 * fields integers or null, a due day exactly when there was a review).
 */
export function assertCardState(state: CardState): void {
  assertSm2State(state);
  for (const field of ["dueDay", "lastReviewDay", "redrillDay", "buriedUntilDay"] as const) {
    if (!isDayOrNull(state[field])) throw new InvalidSm2StateError(`${field} must be an integer day number or null`);
  }
  if (typeof state.suspended !== "boolean") throw new InvalidSm2StateError("suspended must be a boolean");
  if ((state.dueDay === null) !== (state.lastReviewDay === null)) {
    throw new InvalidSm2StateError("dueDay and lastReviewDay must both be set (reviewed) or both be null (new)");
  }
  if ((state.lastReviewDay === null) !== (state.interval === null)) {
    throw new InvalidSm2StateError("a reviewed card has an interval and a new card has none");
  }
}

/** True when a re-drill is owed on `today`. */
export function isRedrillPending(state: CardState, today: number): boolean {
  return state.redrillDay !== null && state.redrillDay === today;
}

/** True when the card has never had a counted review. */
export function isNewCard(state: CardState): boolean {
  return state.lastReviewDay === null;
}

/**
 * Grades a card on `reviewDay` (a day number in the user's time zone, see `days.ts`).
 *
 * - First grade of the day (reviewDay > lastReviewDay, or a new card): SM-2 via `applySm2`,
 *   dueDay := reviewDay + I, lastReviewDay := reviewDay; a grade below 4 owes a re-drill today.
 * - Any later grade the same day: n, EF, I and dueDay stay as they are (`counted: false`); a 4 or 5
 *   settles an owed re-drill. A reviewDay before lastReviewDay (the user moved west across time zones)
 *   is treated as the same day, so one calendar day is never counted twice.
 *
 * Suspension and burial are queue filters and pass through unchanged.
 */
export function gradeCard(state: CardState, grade: Grade, reviewDay: number): GradeResult {
  const q = parseGrade(grade);
  assertDay("reviewDay", reviewDay);
  assertCardState(state);
  if (state.lastReviewDay !== null && reviewDay <= state.lastReviewDay) {
    const owed = isRedrillPending(state, state.lastReviewDay);
    const redrillPending = owed && q < REDRILL_CLEARING_GRADE;
    const next = redrillPending === owed ? state : Object.freeze({ ...state, redrillDay: null });
    return Object.freeze({ next, counted: false, redrillPending });
  }
  const sm2 = applySm2(state, q);
  const interval = sm2.interval;
  if (interval === null) throw new InvalidSm2StateError("SM-2 left no interval after a review");
  const redrillPending = q < REDRILL_CLEARING_GRADE;
  const next: CardState = Object.freeze({
    ...state,
    repetition: sm2.repetition,
    easinessHundredths: sm2.easinessHundredths,
    interval,
    dueDay: dueDayAfter(reviewDay, interval),
    lastReviewDay: reviewDay,
    redrillDay: redrillPending ? reviewDay : null,
  });
  return Object.freeze({ next, counted: true, redrillPending });
}

/** Leaves the card out of every queue until {@link unsuspendCard}. */
export function suspendCard(state: CardState): CardState {
  return state.suspended ? state : Object.freeze({ ...state, suspended: true });
}

export function unsuspendCard(state: CardState): CardState {
  return state.suspended ? Object.freeze({ ...state, suspended: false }) : state;
}

/**
 * "Bury until tomorrow": hidden for the rest of `today`, back on `today + 1`. Its due day is unchanged,
 * so a review buried today is simply one day more overdue tomorrow.
 */
export function buryCard(state: CardState, today: number): CardState {
  assertDay("today", today);
  return Object.freeze({ ...state, buriedUntilDay: today + 1 });
}

export function unburyCard(state: CardState): CardState {
  return state.buriedUntilDay === null ? state : Object.freeze({ ...state, buriedUntilDay: null });
}

/** True when the card is buried on `today`. */
export function isBuried(state: CardState, today: number): boolean {
  return state.buriedUntilDay !== null && today < state.buriedUntilDay;
}

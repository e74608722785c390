/**
 * SM-2, exactly as published: SuperMemo's algorithm SM-2 (P. A. Wozniak, 1987),
 * super-memory.com/english/ol/sm2.htm, read as docs/architecture.md "Spaced repetition" pins it, and nothing else.
 *
 * $$EF' = \max\bigl(1.3,\; EF + (0.1 - (5 - q)(0.08 + (5 - q) \cdot 0.02))\bigr) \quad (q \ge 3)$$
 * $$I(1) = 1,\quad I(2) = 6,\quad I(n) = \lceil I(n-1) \cdot EF' \rceil \;(n > 2)$$
 *
 * - An item starts with repetition n = 0, easiness EF = 2.5 and no interval.
 * - q ≥ 3: EF is updated first (floor 1.3, no upper cap), then n := n + 1 and the interval uses the
 *   **updated** EF ("if interval is a fraction, round it up").
 * - q < 3: n := 0, I := 1 and EF is **unchanged** ("start repetitions for the item from the
 *   beginning without changing the E-Factor").
 *
 * EF is held as an integer number of hundredths: every change is 0.10, 0 or −0.14 (all multiples of
 * 0.02) and the floor is 1.30, so integer arithmetic is exact and 6 × 2.5 is 15, never 16. In binary
 * floating point the sums drift: grades 3,3,3,3,3,5,5,5,5,0,5,5,5 bring EF back to 2.5 as
 * 2.5000000000000004, and ⌈6 × 2.5000000000000004⌉ = 16 (pinned in sm2.test.ts).
 *
 * Pure: a function of (state, grade); the calendar day enters only through {@link dueDay}.
 */

/** A SuperMemo grade (quality of response), 0–5. */
export type Grade = 0 | 1 | 2 | 3 | 4 | 5;

/** SuperMemo's meanings of the grades (sm2.htm, step 3). */
export const GRADE_MEANINGS: Readonly<Record<Grade, string>> = Object.freeze({
  5: "perfect response",
  4: "correct response after a hesitation",
  3: "correct response recalled with serious difficulty",
  2: "incorrect response; where the correct one seemed easy to recall",
  1: "incorrect response; the correct one remembered",
  0: "complete blackout",
});

/** $$EF_0 = 2.5$$ in hundredths. */
export const INITIAL_EASINESS_HUNDREDTHS = 250;
/** $$EF \ge 1.3$$ in hundredths ("if EF is less than 1.3 then let EF be 1.3"). */
export const MINIMUM_EASINESS_HUNDREDTHS = 130;
/** Lowest grade that counts as recalled: below it the repetitions start again. */
export const PASSING_GRADE = 3;
/** $$I(1) = 1$$ day. */
export const FIRST_INTERVAL_DAYS = 1;
/** $$I(2) = 6$$ days. */
export const SECOND_INTERVAL_DAYS = 6;

export interface Sm2State {
  /** n: successful repetitions in a row (reset to 0 by a grade below 3). */
  readonly repetition: number;
  /** EF × 100, an integer ≥ 130 (250 for a new item). */
  readonly easinessHundredths: number;
  /** I in days; null before the first review. */
  readonly interval: number | null;
}

/** The state of an item never reviewed: n = 0, EF = 2.5, no interval. */
export const INITIAL_SM2_STATE: Sm2State = Object.freeze({
  repetition: 0,
  easinessHundredths: INITIAL_EASINESS_HUNDREDTHS,
  interval: null,
});

/** A grade that is not an integer from 0 to 5. */
export class InvalidGradeError extends RangeError {
  constructor(readonly value: unknown) {
    super(`grade must be an integer from 0 to 5, got ${describe(value)}`);
    this.name = "InvalidGradeError";
  }
}

/** A stored SM-2 state that no sequence of grades can produce. */
export class InvalidSm2StateError extends RangeError {
  constructor(message: string) {
    super(`invalid SM-2 state: ${message}`);
    this.name = "InvalidSm2StateError";
  }
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (value === null) return "null";
  return typeof value;
}

export function isGrade(value: unknown): value is Grade {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 5;
}

/** Returns `value` as a {@link Grade}, or throws {@link InvalidGradeError}. */
export function parseGrade(value: unknown): Grade {
  if (!isGrade(value)) throw new InvalidGradeError(value);
  return value;
}

/**
 * $$\Delta EF = 0.1 - (5 - q)(0.08 + (5 - q) \cdot 0.02)$$ in hundredths:
 * $$\Delta = 10 - (5 - q)(8 + 2(5 - q))$$ → q=5: +10, q=4: 0, q=3: −14 (q=2: −32, q=1: −54, q=0: −80,
 * which SM-2 never applies: below 3 EF is left unchanged).
 */
export function easinessDeltaHundredths(grade: Grade): number {
  const miss = 5 - grade;
  return 10 - miss * (8 + 2 * miss);
}

/** Throws {@link InvalidSm2StateError} unless `state` is reachable by SM-2 from {@link INITIAL_SM2_STATE}. */
export function assertSm2State(state: Sm2State): void {
  const { repetition, easinessHundredths, interval } = state;
  if (!Number.isSafeInteger(repetition) || repetition < 0) {
    throw new InvalidSm2StateError(`repetition must be a non-negative integer, got ${describe(repetition)}`);
  }
  if (!Number.isSafeInteger(easinessHundredths) || easinessHundredths < MINIMUM_EASINESS_HUNDREDTHS) {
    throw new InvalidSm2StateError(
      `easinessHundredths must be an integer ≥ ${MINIMUM_EASINESS_HUNDREDTHS}, got ${describe(easinessHundredths)}`,
    );
  }
  if (interval === null) {
    if (repetition !== 0) throw new InvalidSm2StateError(`repetition ${repetition} without an interval`);
    return;
  }
  if (!Number.isSafeInteger(interval) || interval < 1) {
    throw new InvalidSm2StateError(`interval must be null or an integer ≥ 1, got ${describe(interval)}`);
  }
}

/**
 * $$\lceil I \cdot EF \rceil$$ with EF in hundredths, in integers: ⌈a / 100⌉ = ⌊(a + 99) / 100⌋.
 * Exact while I × EF×100 stays a safe integer (2^53); only a streak of 23+ reviews graded 5 gets there
 * (the interval is then ~10^13 days), and that is refused rather than rounded silently.
 */
function nextInterval(previousInterval: number, easinessHundredths: number): number {
  const product = previousInterval * easinessHundredths;
  if (!Number.isSafeInteger(product + 99)) {
    throw new RangeError(
      `SM-2 interval ${previousInterval} × ${easinessHundredths / 100} exceeds exact integer range`,
    );
  }
  return Math.floor((product + 99) / 100);
}

/**
 * One SM-2 repetition: the state after grading an item with `grade`.
 *
 * $$q \ge 3:\; EF' = \max(1.3, EF + \Delta EF(q)),\; n' = n + 1,\; I' = \begin{cases}1 & n' = 1\\ 6 & n' = 2\\ \lceil I \cdot EF' \rceil & n' > 2\end{cases}$$
 * $$q < 3:\; EF' = EF,\; n' = 0,\; I' = 1$$
 *
 * Source: SuperMemo SM-2 (Wozniak 1987), super-memory.com/english/ol/sm2.htm, steps 2–6.
 * Throws {@link InvalidGradeError} for a grade outside 0–5 and {@link InvalidSm2StateError} for a
 * corrupt state.
 */
export function applySm2(state: Sm2State, grade: Grade): Sm2State {
  const q = parseGrade(grade);
  assertSm2State(state);
  if (q < PASSING_GRADE) {
    return Object.freeze({ repetition: 0, easinessHundredths: state.easinessHundredths, interval: FIRST_INTERVAL_DAYS });
  }
  const easinessHundredths = Math.max(
    MINIMUM_EASINESS_HUNDREDTHS,
    state.easinessHundredths + easinessDeltaHundredths(q),
  );
  const repetition = state.repetition + 1;
  let interval: number;
  if (repetition === 1) interval = FIRST_INTERVAL_DAYS;
  else if (repetition === 2) interval = SECOND_INTERVAL_DAYS;
  else {
    // n ≥ 3 means the previous review was a pass with n ≥ 2, so an interval is on record.
    if (state.interval === null) throw new InvalidSm2StateError(`repetition ${state.repetition} without an interval`);
    interval = nextInterval(state.interval, easinessHundredths);
  }
  return Object.freeze({ repetition, easinessHundredths, interval });
}

/**
 * $$\text{due} = \text{reviewDay} + I$$: "the next due date is the review's day plus I days", both as
 * calendar day numbers in the user's time zone (see `days.ts`).
 */
export function dueDay(reviewDay: number, interval: number): number {
  if (!Number.isSafeInteger(reviewDay)) throw new RangeError(`reviewDay must be an integer day number, got ${reviewDay}`);
  if (!Number.isSafeInteger(interval) || interval < 1) {
    throw new RangeError(`interval must be an integer ≥ 1 day, got ${interval}`);
  }
  const day = reviewDay + interval;
  if (!Number.isSafeInteger(day)) throw new RangeError(`due day ${reviewDay} + ${interval} exceeds exact integer range`);
  return day;
}

/** EF as a number (2.66), for display and the `sm2` command; exact to the hundredth. */
export function easinessOf(state: Sm2State): number {
  return state.easinessHundredths / 100;
}

/** The states after each grade of `grades`, reviewed in order starting from `initial`. */
export function replaySm2(grades: readonly Grade[], initial: Sm2State = INITIAL_SM2_STATE): Sm2State[] {
  const states: Sm2State[] = [];
  let state = initial;
  for (const grade of grades) {
    state = applySm2(state, grade);
    states.push(state);
  }
  return states;
}

/**
 * The grade DeepDrill suggests after a check; the student confirms or overrides it. SuperMemo's
 * meanings (sm2.htm) mapped onto what the checker can observe (docs/architecture.md "Spaced repetition"):
 *
 * | observed                                        | grade | SuperMemo's meaning                          |
 * |-------------------------------------------------|-------|----------------------------------------------|
 * | wrong (or unreadable)                           | 1     | incorrect; the correct one remembered        |
 * | wrong, but a listed common mistake (near miss)  | 2     | incorrect; the correct one seemed easy       |
 * | correct, slower than `slowMs`                   | 3     | correct with serious difficulty              |
 * | correct                                         | 4     | correct after a hesitation                   |
 * | correct within `fastMs`                         | 5     | perfect response                             |
 *
 * 0 (complete blackout) is never suggested: a student who typed anything recalled something, and one
 * who recalled nothing says so by overriding.
 */
import type { Grade } from "./sm2";

export const WRONG_GRADE: Grade = 1;
export const NEAR_MISS_GRADE: Grade = 2;
export const SLOW_CORRECT_GRADE: Grade = 3;
export const CORRECT_GRADE: Grade = 4;
export const FAST_CORRECT_GRADE: Grade = 5;

/** How an answer is given; the thresholds depend on it. */
export type AnswerKind = "numeric" | "shape" | "choice" | "static";

export interface SpeedThresholds {
  /** Correct within this many ms (prompt shown → answer checked) suggests 5; null: never 5. */
  readonly fastMs: number | null;
  /** Correct after more than this many ms suggests 3. */
  readonly slowMs: number;
}

/**
 * Per answer kind. "Fast" is roughly the time to read the prompt and type the answer without
 * stopping to work it out — recall rather than derivation — and "slow" is several times that, the
 * "serious difficulty" of SuperMemo's 3. Chosen for this course's questions:
 */
export const SPEED_THRESHOLDS: Readonly<Record<AnswerKind, SpeedThresholds>> = Object.freeze({
  // A parameter count such as 4·5 + 5 + 5·1 + 1 = 31: a few products and sums, typed as a number.
  // 20 s covers reading plus arithmetic done fluently; past 90 s the student was clearly deriving it.
  numeric: Object.freeze({ fastMs: 20_000, slowMs: 90_000 }),
  // An output shape such as [13, 13, 32]: one ⌊(n + 2p − k)/s⌋ + 1 per axis and a channel count,
  // typed as a short list; slightly less arithmetic than a full parameter count.
  shape: Object.freeze({ fastMs: 15_000, slowMs: 60_000 }),
  // Picking one of a few options is recognition: reading the options takes most of the time.
  choice: Object.freeze({ fastMs: 8_000, slowMs: 30_000 }),
  // A static card is revealed, not checked: a quick reveal proves nothing about recall, so never 5;
  // a long wait before revealing still signals difficulty.
  static: Object.freeze({ fastMs: null, slowMs: 30_000 }),
});

/** "revealed" is a static card's outcome (nothing to check); the others come from the answer checker. */
export type CheckStatus = "correct" | "wrong" | "invalid" | "revealed";

export interface CheckOutcome {
  readonly kind: AnswerKind;
  readonly status: CheckStatus;
  /** Time from showing the prompt to checking (or revealing), in ms. */
  readonly durationMs: number;
  /** True when a wrong answer matched one of the template's listed common mistakes. */
  readonly nearMiss?: boolean;
  /** A template's own thresholds, overriding {@link SPEED_THRESHOLDS} for its kind. */
  readonly thresholds?: Partial<SpeedThresholds>;
}

/**
 * The suggested grade for a checked answer. An "invalid" response (one the checker could not read) is
 * treated as wrong, since nothing correct was recalled; the UI may prefer to ask again instead.
 */
export function suggestGrade(outcome: CheckOutcome): Grade {
  const { durationMs } = outcome;
  if (!Number.isFinite(durationMs) || durationMs < 0) {
    throw new RangeError(`durationMs must be a non-negative number, got ${durationMs}`);
  }
  const base = SPEED_THRESHOLDS[outcome.kind];
  if (base === undefined) throw new RangeError(`unknown answer kind ${JSON.stringify(outcome.kind)}`);
  const { fastMs, slowMs } = { ...base, ...outcome.thresholds };
  switch (outcome.status) {
    case "wrong":
      return outcome.nearMiss === true ? NEAR_MISS_GRADE : WRONG_GRADE;
    case "invalid":
      return WRONG_GRADE;
    case "correct":
    case "revealed":
      if (durationMs > slowMs) return SLOW_CORRECT_GRADE;
      if (fastMs !== null && durationMs <= fastMs) return FAST_CORRECT_GRADE;
      return CORRECT_GRADE;
    default:
      throw new RangeError(`unknown check status ${JSON.stringify(outcome.status satisfies never)}`);
  }
}

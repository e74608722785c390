import { checkAnswer, type Bilingual, type Variant } from "@/lib/questions";
import type { Attempt } from "./class-summary";

/**
 * Turning stored answers into analytics attempts. Pure: the data layer reads the rows and parses
 * their variants (once per row), these decide what each row counts as.
 */

/** The matched mistake of a wrong answer, recomputed from the stored variant (feedback is not stored). */
export function mistakeOf(variant: Pick<Variant, "expectedAnswer" | "mistakes" | "choices">, response: string | null): Bilingual | null {
  if (response === null) return null;
  try {
    return checkAnswer(variant, response).mistake ?? null;
  } catch {
    return null;
  }
}

/**
 * A review's verdict: the checker's for a checked answer; for a revealed (self-graded) card, a grade
 * of 3 or more is correct, and no grade yet is no verdict (null).
 */
export function reviewVerdict(status: string | null, grade: number | undefined): boolean | null {
  if (status === "correct") return true;
  if (status === "wrong") return false;
  return grade === undefined ? null : grade >= 3;
}

/** One answered question as an attempt: the variant's concept, item and parameters, and the verdict. */
export function attemptOf(
  answer: { userId: string; cardId: string; deckId: string; concept: string; response: string | null; at: Date },
  variant: Variant,
  verdict: { correct: boolean | null; wrong: boolean },
): Attempt {
  return {
    userId: answer.userId,
    cardId: answer.cardId,
    deckId: answer.deckId,
    concept: answer.concept,
    itemId: variant.itemId,
    params: variant.params ?? {},
    correct: verdict.correct,
    wrong: verdict.wrong,
    mistake: verdict.wrong ? mistakeOf(variant, answer.response) : null,
    at: answer.at,
  };
}

/**
 * Undo re-issues the same answered question as a new review: the rows of one answer (same student,
 * card, seed and answer time) count once, the first one kept.
 */
export function oncePerAnswer<T extends { userId: string; cardId: string; variantSeed: bigint | number; answeredAt: Date | null }>(rows: readonly T[]): T[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = `${row.userId}\u001f${row.cardId}\u001f${row.variantSeed}\u001f${row.answeredAt?.getTime() ?? 0}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Each member's work counts from `since` (their join time, or the window's start): is `at` within theirs? */
export function withinMemberWindow(sinceOf: ReadonlyMap<string, Date>, userId: string, at: Date | null): boolean {
  const since = sinceOf.get(userId);
  return since !== undefined && at !== null && at >= since;
}

/** `rows` read from the earliest member's start, kept only from their own member's start. */
export function sinceEachMember<T extends { userId: string }>(rows: readonly T[], at: (row: T) => Date | null, sinceOf: ReadonlyMap<string, Date>): T[] {
  return rows.filter((row) => withinMemberWindow(sinceOf, row.userId, at(row)));
}

import "server-only";
import type { Bilingual, Variant } from "@/lib/questions";
import { suggestGrade, type Grade } from "@/lib/srs";
import { answerKindOf, evaluateResponse } from "../review/review-item";

/**
 * How a mock exam answer scores and which SM-2 grade it counts as: pure functions of the stored
 * variant and response, shared by closing an exam (exams.ts) and counting it as reviews
 * (exam-reviews.ts), so both always agree.
 */

export type QuestionStatus = "correct" | "wrong" | "invalid" | "unanswered";

/** The stored response scored against the stored variant (pure). */
export function scoreResponse(variant: Variant, response: string | null): { status: QuestionStatus; readAs: string | null; mistake: Bilingual | null } {
  if (response === null || response.trim() === "") return { status: "unanswered", readAs: null, mistake: null };
  const result = evaluateResponse(variant, response, 0);
  if (result.status === "invalid") return { status: "invalid", readAs: null, mistake: null };
  // Exams never hold self-graded cards (see drawQuestions); a revealed one would score as wrong.
  if (result.status === "revealed") return { status: "wrong", readAs: null, mistake: null };
  return { status: result.status, readAs: result.readAs, mistake: result.mistake ?? null };
}

/** The SM-2 grade an exam answer counts as: the review loop's suggestion for the same outcome. */
export function examGrade(variant: Variant, status: QuestionStatus, durationMs: number, mistake: Bilingual | null): Grade {
  const nearMiss = status === "wrong" && mistake !== null && variant.mistakes.some((m) => m.feedback.en === mistake.en);
  return suggestGrade({ kind: answerKindOf(variant), status: status === "correct" ? "correct" : "wrong", durationMs, nearMiss });
}

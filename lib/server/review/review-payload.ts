import "server-only";
import { typesetFeedback, typesetQuestion, type TypesetFeedback, type TypesetQuestion } from "./typeset";
import type { AnswerResult, NextReviewResult, ReviewItem, UndoOutcome } from "./review-types";

/**
 * The review API's bodies as the browser gets them: the data layer's results with every Markdown +
 * TeX text also typeset as HTML (./typeset.ts), so /review ships no KaTeX.
 */

export type AnswerPayload = AnswerResult & TypesetFeedback;
export type ReviewItemPayload = Omit<ReviewItem, "choices" | "answer"> & TypesetQuestion & { answer: AnswerPayload | null };
export type NextReviewPayload = Omit<NextReviewResult, "item"> & { item: ReviewItemPayload | null };
export type UndoPayload = Omit<UndoOutcome, "item"> & { item: ReviewItemPayload | null };

export function answerPayload(result: AnswerResult): AnswerPayload {
  return { ...result, ...typesetFeedback(result) };
}

export function reviewItemPayload(item: ReviewItem): ReviewItemPayload {
  return { ...item, ...typesetQuestion(item), answer: item.answer ? answerPayload(item.answer) : null };
}

export function nextReviewPayload(result: NextReviewResult): NextReviewPayload {
  return { ...result, item: result.item ? reviewItemPayload(result.item) : null };
}

export function undoPayload(outcome: UndoOutcome): UndoPayload {
  return { ...outcome, item: outcome.item ? reviewItemPayload(outcome.item) : null };
}

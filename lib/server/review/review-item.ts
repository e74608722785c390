import "server-only";
import { askedOfNetwork, checkAnswer, expectedByLanguage, type AskedOfNetwork, type Bilingual, type Variant } from "@/lib/questions";
import { suggestGrade, type AnswerKind } from "@/lib/srs";
import type { Review } from "@/lib/generated/prisma/client";
import type { OpenDeck } from "../decks/deck-store";
import { parseReviewVariant } from "../platform/stored-json";
import { isQueueKind, type AnswerResult, type ReviewItem } from "./review-types";

/**
 * A review item from what is stored, without the database: the response judged against the variant
 * exactly as it was issued, and the ReviewItem the API returns for a stored review. Issuing, answering,
 * grading (undo issues the item again), mock exams and practice all judge and show an item this way.
 */

export function answerKindOf(variant: Pick<Variant, "answerFormat">): AnswerKind {
  switch (variant.answerFormat) {
    case "shape":
      return "shape";
    case "choice":
    case "boolean":
      return "choice";
    case "self":
      return "static";
    default:
      return "numeric";
  }
}

function withExpectedByLanguage(variant: Variant): { expectedByLanguage?: Bilingual } {
  const words = expectedByLanguage(variant.expectedAnswer);
  return words ? { expectedByLanguage: words } : {};
}

/** The network's ask beside the network, when the variant has one. */
export function withArchitectureAsk(variant: Variant): { architectureAsk?: AskedOfNetwork } {
  const asked = variant.architecture ? askedOfNetwork(variant) : null;
  return asked ? { architectureAsk: asked } : {};
}

function sameFeedback(a: { en: string } | undefined, b: { en: string }): boolean {
  return a !== undefined && a.en === b.en;
}

/**
 * The result of a response to a variant (pure). A self-graded card is "revealed" whatever was
 * typed; `durationMs` only shapes the suggested grade.
 */
export function evaluateResponse(variant: Variant, response: string, durationMs: number): AnswerResult {
  const kind = answerKindOf(variant);
  const architecture = variant.architecture ?? null;
  if (variant.expectedAnswer.format === "self") {
    return {
      status: "revealed",
      readAs: null,
      expected: variant.expectedAnswer.answer.en,
      expectedByLanguage: variant.expectedAnswer.answer,
      solution: variant.solution,
      suggestedGrade: suggestGrade({ kind, status: "revealed", durationMs }),
      architecture,
      ...withArchitectureAsk(variant),
      durationMs,
    };
  }
  const checked = checkAnswer(variant, response);
  if (checked.status === "invalid") {
    return {
      status: "invalid",
      readAs: null,
      expected: null,
      solution: null,
      ...(checked.reason ? { reason: checked.reason } : {}),
      suggestedGrade: null,
      architecture: null,
      durationMs: null,
    };
  }
  // A near miss is one of the template's own listed mistakes, not a generic hint of the checker.
  const nearMiss = checked.status === "wrong" && variant.mistakes.some((mistake) => sameFeedback(checked.mistake, mistake.feedback));
  return {
    status: checked.status,
    readAs: checked.readAs,
    expected: checked.expected,
    ...withExpectedByLanguage(variant),
    solution: variant.solution,
    ...(checked.mistake ? { mistake: checked.mistake } : {}),
    suggestedGrade: suggestGrade({ kind, status: checked.status, durationMs, nearMiss }),
    architecture,
    ...withArchitectureAsk(variant),
    durationMs,
  };
}

/** The stored answer of a review as an AnswerResult (recomputed from the stored variant and response). */
export function storedAnswer(review: { id: string; variant: string; status: string | null; response: string | null; durationMs: number | null }, variant?: Variant): AnswerResult | null {
  if (review.status === null || review.status === "invalid") return null;
  const parsed = variant ?? parseReviewVariant(review.variant, review.id);
  return evaluateResponse(parsed, review.response ?? "", review.durationMs ?? 0);
}

/** The columns of a Review that make its ReviewItem. */
export type ReviewRow = Pick<Review, "id" | "cardId" | "deckId" | "kind" | "variant" | "issuedAt" | "status" | "response" | "durationMs">;

export function toReviewItem(review: ReviewRow, decks: readonly OpenDeck[], variant: Variant = parseReviewVariant(review.variant, review.id)): ReviewItem {
  const deck = decks.find((d) => d.id === review.deckId);
  const concept = deck?.concepts.find((c) => c.id === variant.concept);
  return {
    reviewId: review.id,
    cardId: review.cardId,
    deckId: review.deckId,
    itemId: variant.itemId,
    kind: isQueueKind(review.kind) ? review.kind : "review",
    itemType: variant.itemType,
    concept: variant.concept,
    conceptName: concept ? { ko: concept.ko, en: concept.en } : null,
    deckTitle: deck?.title ?? null,
    prompt: variant.prompt,
    answerFormat: variant.answerFormat,
    choices: variant.choices,
    selfGraded: variant.expectedAnswer.format === "self",
    anchor: variant.anchor?.label ?? null,
    simulation: variant.simulation,
    issuedAt: review.issuedAt.toISOString(),
    answer: storedAnswer(review, variant),
  };
}

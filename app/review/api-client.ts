import type { GradeOutcome } from "@/lib/server/review/review-types";
import type { AnswerPayload, NextReviewPayload, UndoPayload } from "@/lib/server/review/review-payload";
import type { CardActionOutcome } from "@/lib/server/review/review-card-actions";
import type { ReviewSettings } from "@/lib/server/review/review-settings";
import { callApi as call } from "@/lib/api-client";

/** The review API's calls (docs/architecture.md "Contracts"), with lib/api-client's JSON and ApiError. */

const reviewUrl = (reviewId: string, action: string) => `/api/review/${encodeURIComponent(reviewId)}/${action}`;

export const reviewApi = {
  next(filter: { deck?: string; concept?: string }): Promise<NextReviewPayload> {
    const params = new URLSearchParams();
    if (filter.deck) params.set("deck", filter.deck);
    if (filter.concept) params.set("concept", filter.concept);
    const query = params.toString();
    return call("GET", `/api/review/next${query ? `?${query}` : ""}`);
  },
  answer: (reviewId: string, response: string, durationMs: number) => call<AnswerPayload>("POST", reviewUrl(reviewId, "answer"), { response, durationMs }),
  grade: (reviewId: string, grade: number) => call<GradeOutcome>("POST", reviewUrl(reviewId, "grade"), { grade }),
  undo: (reviewId: string) => call<UndoPayload>("POST", reviewUrl(reviewId, "undo")),
  suspend: (reviewId: string, suspended: boolean) => call<CardActionOutcome>("POST", reviewUrl(reviewId, "suspend"), { suspended }),
  bury: (reviewId: string) => call<CardActionOutcome>("POST", reviewUrl(reviewId, "bury")),
  report: (reviewId: string, message: string) => call<{ reportId: number }>("POST", reviewUrl(reviewId, "report"), { message }),
  settings: () => call<ReviewSettings>("GET", "/api/review/settings"),
  saveSettings: (input: { newCardsPerDeck?: number; reviewsPerDay?: number }) => call<ReviewSettings>("PATCH", "/api/review/settings", input),
};

import { parseWith, route } from "@/lib/server/platform/http";
import { nextReview } from "@/lib/server/review/review-issue";
import { nextReviewPayload } from "@/lib/server/review/review-payload";
import { reviewUserId } from "@/lib/server/accounts/session-cookie";
import { jsonWithTiming } from "@/lib/server/review/review-timing";
import { nextQuerySchema } from "@/lib/schemas/review";

/**
 * GET /api/review/next[?deck=…][&concept=…] → {item: {reviewId, cardId, deckId, kind, prompt,
* answerFormat, choices, promptHtml, …} | null, remaining: {due, new, redrill}}. Asking again before grading
 * returns the same pending review.
 */
export const GET = route(async (request) => {
  const startedAt = performance.now();
  const userId = await reviewUserId(request);
  const query = parseWith(nextQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  const result = await nextReview(userId, { deckId: query.deck, concept: query.concept });
  return jsonWithTiming(nextReviewPayload(result), startedAt, { headers: { "Cache-Control": "no-store" } });
});

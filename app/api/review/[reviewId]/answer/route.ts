import { parseJsonBody, route } from "@/lib/server/platform/http";
import { answerReview } from "@/lib/server/review/review-answer";
import { answerPayload } from "@/lib/server/review/review-payload";
import { reviewUserId } from "@/lib/server/accounts/session-cookie";
import { jsonWithTiming } from "@/lib/server/review/review-timing";
import { answerBodySchema } from "@/lib/schemas/review";
import { reviewIdOf, type ReviewRouteContext } from "../params";

/**
 * POST /api/review/{reviewId}/answer {response, durationMs?} → {status, readAs, expected, solution,
 * mistake?, suggestedGrade, solutionHtml, mistakeHtml?, …}. "invalid" (unreadable) costs nothing: answer again.
 */
export const POST = route<ReviewRouteContext>(async (request, context) => {
  const startedAt = performance.now();
  const userId = await reviewUserId(request);
  const reviewId = await reviewIdOf(context);
  const body = await parseJsonBody(request, answerBodySchema);
  return jsonWithTiming(answerPayload(await answerReview(userId, reviewId, body)), startedAt);
});

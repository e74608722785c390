import { parseJsonBody, route } from "@/lib/server/platform/http";
import { gradeReview } from "@/lib/server/review/review-grade";
import { reviewUserId } from "@/lib/server/accounts/session-cookie";
import { jsonWithTiming } from "@/lib/server/review/review-timing";
import { gradeBodySchema } from "@/lib/schemas/review";
import { reviewIdOf, type ReviewRouteContext } from "../params";

/**
 * POST /api/review/{reviewId}/grade {grade: 0–5} → {state: {repetition, interval, easiness, dueAt, …},
 * grade, counted, repeated, undone}. Applied exactly once per reviewId: repeating it (or racing it)
 * returns the same state and changes nothing.
 */
export const POST = route<ReviewRouteContext>(async (request, context) => {
  const startedAt = performance.now();
  const userId = await reviewUserId(request);
  const reviewId = await reviewIdOf(context);
  const { grade } = await parseJsonBody(request, gradeBodySchema);
  return jsonWithTiming(await gradeReview(userId, reviewId, grade), startedAt);
});

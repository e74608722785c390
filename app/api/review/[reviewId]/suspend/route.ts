import { parseJsonBody, route } from "@/lib/server/platform/http";
import { suspendReviewCard } from "@/lib/server/review/review-card-actions";
import { requireUser } from "@/lib/server/accounts/session";
import { suspendBodySchema } from "@/lib/schemas/review";
import { reviewIdOf, type ReviewRouteContext } from "../params";

/** POST /api/review/{reviewId}/suspend [{suspended: false}] → {cardId, state}: out of every queue (or back). */
export const POST = route<ReviewRouteContext>(async (request, context) => {
  const user = await requireUser();
  const reviewId = await reviewIdOf(context);
  // The body is optional: a bare POST suspends.
  const body = request.headers.has("content-type") ? await parseJsonBody(request, suspendBodySchema) : {};
  return Response.json(await suspendReviewCard(user.id, reviewId, body.suspended ?? true));
});

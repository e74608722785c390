import { route } from "@/lib/server/platform/http";
import { buryReviewCard } from "@/lib/server/review/review-card-actions";
import { requireUser } from "@/lib/server/accounts/session";
import { reviewIdOf, type ReviewRouteContext } from "../params";

/** POST /api/review/{reviewId}/bury → {cardId, state}: the card leaves today's queue and is back tomorrow. */
export const POST = route<ReviewRouteContext>(async (_request, context) => {
  const user = await requireUser();
  const reviewId = await reviewIdOf(context);
  return Response.json(await buryReviewCard(user.id, reviewId));
});

import { route } from "@/lib/server/platform/http";
import { undoGrade } from "@/lib/server/review/review-grade";
import { undoPayload } from "@/lib/server/review/review-payload";
import { requireUser } from "@/lib/server/accounts/session";
import { reviewIdOf, type ReviewRouteContext } from "../params";

/**
 * POST /api/review/{reviewId}/undo → {state, item, repeated}: the card's state before that grade is
 * restored exactly and the same question is pending again (item). 409 when it was never graded or
 * the card was graded again since.
 */
export const POST = route<ReviewRouteContext>(async (_request, context) => {
  const user = await requireUser();
  const reviewId = await reviewIdOf(context);
  return Response.json(undoPayload(await undoGrade(user.id, reviewId)));
});

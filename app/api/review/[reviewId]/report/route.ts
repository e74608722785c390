import { parseJsonBody, route } from "@/lib/server/platform/http";
import { reportProblem } from "@/lib/server/review/review-card-actions";
import { requireUser } from "@/lib/server/accounts/session";
import { reportBodySchema } from "@/lib/schemas/review";
import { reviewIdOf, type ReviewRouteContext } from "../params";

/** POST /api/review/{reviewId}/report {message} → 201 {reportId}: stores the variant's seed and parameters for the instructor. */
export const POST = route<ReviewRouteContext>(async (request, context) => {
  const user = await requireUser();
  const reviewId = await reviewIdOf(context);
  const { message } = await parseJsonBody(request, reportBodySchema);
  return Response.json(await reportProblem(user.id, reviewId, message), { status: 201 });
});

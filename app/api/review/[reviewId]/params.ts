import { parseWith } from "@/lib/server/platform/http";
import { reviewIdSchema } from "@/lib/schemas/review";

/** Route context of /api/review/[reviewId]/… handlers. */
export interface ReviewRouteContext {
  params: Promise<{ reviewId: string }>;
}

export async function reviewIdOf(context: ReviewRouteContext): Promise<string> {
  return parseWith(reviewIdSchema, (await context.params).reviewId);
}

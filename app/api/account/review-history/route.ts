import { reviewHistoryCsv } from "@/lib/server/account-export";
import { attachment } from "@/lib/server/csv";
import { route } from "@/lib/server/http";
import { requireUser } from "@/lib/server/session";

export const dynamic = "force-dynamic";

/** GET /api/account/review-history → the signed-in person's review history as CSV. */
export const GET = route(async () => {
  const user = await requireUser();
  return new Response(await reviewHistoryCsv(user.id), { headers: attachment("deepdrill-review-history.csv", "text/csv; charset=utf-8") });
});

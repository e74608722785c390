import { reviewHistoryCsv } from "@/lib/server/accounts/account-export";
import { attachment } from "@/lib/server/platform/csv";
import { route } from "@/lib/server/platform/http";
import { requireUser } from "@/lib/server/accounts/session";

export const dynamic = "force-dynamic";

/** GET /api/account/review-history → the signed-in person's review history as CSV. */
export const GET = route(async () => {
  const user = await requireUser();
  return new Response(await reviewHistoryCsv(user.id), { headers: attachment("deepdrill-review-history.csv", "text/csv; charset=utf-8") });
});

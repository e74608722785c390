import { exportAccountData, exportJson } from "@/lib/server/accounts/account-export";
import { attachment } from "@/lib/server/platform/csv";
import { route } from "@/lib/server/platform/http";
import { requireUser } from "@/lib/server/accounts/session";

export const dynamic = "force-dynamic";

/** GET /api/account/export → everything held about the signed-in person, as a JSON file. */
export const GET = route(async () => {
  const user = await requireUser();
  return new Response(exportJson(await exportAccountData(user.id)), { headers: attachment("deepdrill-my-data.json", "application/json; charset=utf-8") });
});

import { exportAccountData, exportJson } from "@/lib/server/account-export";
import { attachment } from "@/lib/server/csv";
import { route } from "@/lib/server/http";
import { requireUser } from "@/lib/server/session";

export const dynamic = "force-dynamic";

/** GET /api/account/export → everything held about the signed-in person, as a JSON file. */
export const GET = route(async () => {
  const user = await requireUser();
  return new Response(exportJson(await exportAccountData(user.id)), { headers: attachment("deepdrill-my-data.json", "application/json; charset=utf-8") });
});

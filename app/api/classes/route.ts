import { listJoinedClasses } from "@/lib/server/classes/classes";
import { route } from "@/lib/server/platform/http";
import { requireUser } from "@/lib/server/accounts/session";

/** GET /api/classes → {classes: [{id, name, instructor, joinedAt, decks}]}: the classes the user belongs to. */
export const GET = route(async () => {
  const user = await requireUser();
  return Response.json({ classes: await listJoinedClasses(user) }, { headers: { "Cache-Control": "no-store" } });
});

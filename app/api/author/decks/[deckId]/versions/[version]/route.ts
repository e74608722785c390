import { versionDetail } from "@/lib/server/deck-versions";
import { route } from "@/lib/server/http";
import { requireInstructor } from "@/lib/server/session";
import { NO_STORE, versionOf, type VersionRouteContext } from "../../../params";

/** GET /api/author/decks/{deckId}/versions/{version} → {version, status, current, files, harness, blockers, items}. */
export const GET = route<VersionRouteContext>(async (_request, context) => {
  const user = await requireInstructor();
  const { deckId, version } = await versionOf(context);
  return Response.json(await versionDetail(user, deckId, version), { headers: NO_STORE });
});

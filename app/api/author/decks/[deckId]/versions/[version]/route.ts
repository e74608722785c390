import { versionDetail } from "@/lib/server/decks/deck-versions";
import { localizeProblems, requestLocale, route } from "@/lib/server/platform/http";
import { requireInstructor } from "@/lib/server/accounts/session";
import { NO_STORE, versionOf, type VersionRouteContext } from "../../../params";

/** GET /api/author/decks/{deckId}/versions/{version} → {version, status, current, files, harness, blockers, items}. */
export const GET = route<VersionRouteContext>(async (request, context) => {
  const user = await requireInstructor();
  const { deckId, version } = await versionOf(context);
  const detail = await versionDetail(user, deckId, version);
  return Response.json({ ...detail, blockers: localizeProblems(requestLocale(request), detail.blockers) }, { headers: NO_STORE });
});

import { retireVersion } from "@/lib/server/decks/deck-versions";
import { route } from "@/lib/server/platform/http";
import { requireInstructor } from "@/lib/server/accounts/session";
import { versionOf, type VersionRouteContext } from "../../../../params";

/**
 * POST /api/author/decks/{deckId}/versions/{version}/retire → {version, current, closedReviews}: the
 * version is never issued again; open reviews issued from it get a new variant at the next request.
 */
export const POST = route<VersionRouteContext>(async (_request, context) => {
  const user = await requireInstructor();
  const { deckId, version } = await versionOf(context);
  return Response.json(await retireVersion(user, deckId, version));
});

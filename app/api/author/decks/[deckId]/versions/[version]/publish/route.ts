import { publishVersion } from "@/lib/server/decks/deck-versions";
import { msg } from "@/lib/i18n/message";
import { jsonProblems, route } from "@/lib/server/platform/http";
import { requireInstructor } from "@/lib/server/accounts/session";
import { versionOf, type VersionRouteContext } from "../../../../params";

/**
 * POST /api/author/decks/{deckId}/versions/{version}/publish → {ok: true, version}: the version's
 * templates and cards become the deck's cards. 409 {error, blockers: [{itemId, where, message}]} while
 * a template fails the harness or has no worked solution.
 */
export const POST = route<VersionRouteContext>(async (request, context) => {
  const user = await requireInstructor();
  const { deckId, version } = await versionOf(context);
  const outcome = await publishVersion(user, deckId, version);
  if (!outcome.ok) {
    return jsonProblems(request, 409, msg("deck.notPublished", { count: outcome.blockers.length }), { blockers: outcome.blockers });
  }
  return Response.json(outcome);
});

import { listVersions, saveDeckVersion, saveVersionSchema } from "@/lib/server/decks/deck-versions";
import { msg } from "@/lib/i18n/message";
import { jsonProblems, localizeProblems, parseJsonBody, requestLocale, route } from "@/lib/server/platform/http";
import { requireInstructor } from "@/lib/server/accounts/session";
import { DECK_BODY_BYTES, deckIdOf, NO_STORE, type DeckRouteContext } from "../../params";

/**
 * GET /api/author/decks/{deckId}/versions → {versions: [{version, status, current, authorName,
 * createdAt, harness: {variants, failures, warnings}}]}, newest first.
 * POST /api/author/decks/{deckId}/versions {baseVersion, changes: [{path, text | null}]} → 201 (or 200
 * when the content is an existing version) {version, status, created, harness, blockers}; 422 {error,
 * errors: [{file, line, message}]} when the files do not parse; 409 when someone saved meanwhile.
 * The harness (100 variants per changed template) runs before the answer.
 */
export const GET = route<DeckRouteContext>(async (_request, context) => {
  const user = await requireInstructor();
  const deckId = await deckIdOf(context);
  return Response.json({ versions: await listVersions(user, deckId) }, { headers: NO_STORE });
});

export const POST = route<DeckRouteContext>(async (request, context) => {
  const user = await requireInstructor();
  const deckId = await deckIdOf(context);
  const input = await parseJsonBody(request, saveVersionSchema, DECK_BODY_BYTES);
  const outcome = await saveDeckVersion(user, deckId, input);
  if (!outcome.ok) {
    return jsonProblems(request, 422, msg("deck.notSaved", { count: outcome.errors.length }), { errors: outcome.errors });
  }
  return Response.json({ ...outcome, blockers: localizeProblems(requestLocale(request), outcome.blockers) }, { status: outcome.created ? 201 : 200 });
});

import { csvImportSchema, importCardsCsv, MAX_UPLOAD_BYTES } from "@/lib/server/decks/deck-import";
import { msg } from "@/lib/i18n/message";
import { jsonProblems, parseJsonBody, route } from "@/lib/server/platform/http";
import { requireInstructor } from "@/lib/server/accounts/session";
import { deckIdOf, type DeckRouteContext } from "../../params";

/**
 * POST /api/author/decks/{deckId}/import-csv {text, fileName?, defaultConcept?, baseVersion?} → 201
 * {version, added, updated, rows, failures}: the sheet's cards saved into cards/imported.yaml as a new
 * version; 422 {error, errors: [{line, message}]} when a line is broken (nothing is imported).
 */
export const POST = route<DeckRouteContext>(async (request, context) => {
  const user = await requireInstructor();
  const deckId = await deckIdOf(context);
  const input = await parseJsonBody(request, csvImportSchema, MAX_UPLOAD_BYTES + 64 * 1024);
  const outcome = await importCardsCsv(user, deckId, input);
  if (!outcome.ok) {
    const count = outcome.errors.length + outcome.deckErrors.length;
    return jsonProblems(request, 422, msg("deck.nothingImported", { count }), { errors: outcome.errors, deckErrors: outcome.deckErrors });
  }
  return Response.json(outcome, { status: 201 });
});

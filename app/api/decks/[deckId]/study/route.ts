import { deckIdOf, type DeckRouteContext } from "@/app/api/author/decks/params";
import { chooseDeck, unchooseDeck } from "@/lib/server/decks/deck-choices";
import { route } from "@/lib/server/platform/http";
import { requireUser } from "@/lib/server/accounts/session";

/** PUT /api/decks/{deckId}/study → 204: add a deck the user may see to their review queue (idempotent). */
export const PUT = route<DeckRouteContext>(async (_request, context) => {
  const user = await requireUser();
  await chooseDeck(user, await deckIdOf(context));
  return new Response(null, { status: 204 });
});

/** DELETE /api/decks/{deckId}/study → 204: take a chosen deck out of the review queue (idempotent). */
export const DELETE = route<DeckRouteContext>(async (_request, context) => {
  const user = await requireUser();
  await unchooseDeck(user, await deckIdOf(context));
  return new Response(null, { status: 204 });
});

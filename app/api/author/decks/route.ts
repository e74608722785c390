import { createDeck, createDeckSchema, listAuthorDecks } from "@/lib/server/decks/authoring";
import { parseJsonBody, route } from "@/lib/server/platform/http";
import { requireInstructor } from "@/lib/server/accounts/session";
import { NO_STORE } from "./params";

/**
 * GET /api/author/decks → {editable: [...], readable: [...]}: the in-app decks this instructor owns
 * or has been given, and the decks they may read and export (content/ and public ones).
 * POST /api/author/decks {id, title: {ko, en}, description?, concepts: [{id, ko, en}]} → 201
 * {deckId, version}: a new private in-app deck with its deck.yaml as the first draft.
 */
export const GET = route(async () => {
  const user = await requireInstructor();
  return Response.json(await listAuthorDecks(user), { headers: NO_STORE });
});

export const POST = route(async (request) => {
  const user = await requireInstructor();
  const input = await parseJsonBody(request, createDeckSchema);
  return Response.json(await createDeck(user, input), { status: 201 });
});

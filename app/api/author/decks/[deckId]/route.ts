import { z } from "zod";
import { packMessage } from "@/lib/i18n/message";
import { deckAccess, listDeckEditors, setDeckPublic } from "@/lib/server/decks/authoring";
import { parseDeckTitle } from "@/lib/server/platform/stored-json";
import { headVersion } from "@/lib/server/decks/deck-versions";
import { parseJsonBody, route } from "@/lib/server/platform/http";
import { requireInstructor } from "@/lib/server/accounts/session";
import { deckIdOf, NO_STORE, type DeckRouteContext } from "../params";

/**
 * GET /api/author/decks/{deckId} → {id, title, source, role, isPublic, publishedVersion, head: {version,
 * status, files}, editors}: the deck as its editors see it (readers get no files: they export).
 * PATCH /api/author/decks/{deckId} {isPublic} → {isPublic} (the owner only).
 */
export const GET = route<DeckRouteContext>(async (_request, context) => {
  const user = await requireInstructor();
  const deckId = await deckIdOf(context);
  const { deck, role } = await deckAccess(user, deckId);
  const editing = role !== "reader";
  const [head, editors] = editing ? await Promise.all([headVersion(deckId), listDeckEditors(user, deckId)]) : [null, []];
  return Response.json(
    {
      id: deck.id,
      title: parseDeckTitle(deck.title, deck.id),
      source: deck.source,
      role,
      isPublic: deck.isPublic,
      publishedVersion: deck.version === "" ? null : deck.version,
      head,
      editors,
    },
    { headers: NO_STORE },
  );
});

const patchSchema = z.strictObject(
  { isPublic: z.boolean({ error: packMessage("request.boolean", { field: "isPublic" }) }) },
  { error: packMessage("request.send", { example: '{"isPublic": true}' }) },
);

export const PATCH = route<DeckRouteContext>(async (request, context) => {
  const user = await requireInstructor();
  const deckId = await deckIdOf(context);
  const { isPublic } = await parseJsonBody(request, patchSchema);
  await setDeckPublic(user, deckId, isPublic);
  return Response.json({ isPublic });
});

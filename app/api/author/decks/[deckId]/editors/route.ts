import { z } from "zod";
import { packMessage } from "@/lib/i18n/message";
import { addDeckEditor, listDeckEditors, removeDeckEditor } from "@/lib/server/decks/authoring";
import { parseJsonBody, route } from "@/lib/server/platform/http";
import { requireInstructor } from "@/lib/server/accounts/session";
import { deckIdOf, NO_STORE, type DeckRouteContext } from "../../params";

/**
 * GET /api/author/decks/{deckId}/editors → {editors: [{userId, name, email}]}
 * POST {email} → 201 {editor}: shares the deck with another instructor (the owner only).
 * DELETE {userId} → {removed: true} (the owner only).
 */
export const GET = route<DeckRouteContext>(async (_request, context) => {
  const user = await requireInstructor();
  return Response.json({ editors: await listDeckEditors(user, await deckIdOf(context)) }, { headers: NO_STORE });
});

const addSchema = z.strictObject(
  { email: z.email({ error: packMessage("request.editorEmail") }).max(254) },
  { error: packMessage("request.send", { example: '{"email": "…"}' }) },
);
const removeSchema = z.strictObject({ userId: z.string().min(1).max(100) }, { error: packMessage("request.send", { example: '{"userId": "…"}' }) });

export const POST = route<DeckRouteContext>(async (request, context) => {
  const user = await requireInstructor();
  const deckId = await deckIdOf(context);
  const { email } = await parseJsonBody(request, addSchema);
  return Response.json({ editor: await addDeckEditor(user, deckId, email) }, { status: 201 });
});

export const DELETE = route<DeckRouteContext>(async (request, context) => {
  const user = await requireInstructor();
  const deckId = await deckIdOf(context);
  const { userId } = await parseJsonBody(request, removeSchema);
  await removeDeckEditor(user, deckId, userId);
  return Response.json({ removed: true });
});

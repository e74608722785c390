import { unassignDeck } from "@/lib/server/classes/classes";
import { route } from "@/lib/server/platform/http";
import { requireInstructor } from "@/lib/server/accounts/session";
import { classIdOf, deckIdOf, type ClassDeckRouteContext } from "../../../params";

/** DELETE /api/author/classes/{classId}/decks/{deckId} → {class}: the deck is no longer assigned. */
export const DELETE = route<ClassDeckRouteContext>(async (_request, context) => {
  const user = await requireInstructor();
  const [classId, deckId] = await Promise.all([classIdOf(context), deckIdOf(context)]);
  return Response.json({ class: await unassignDeck(user, classId, deckId) });
});

import { assignDeck } from "@/lib/server/classes/classes";
import { parseJsonBody, route } from "@/lib/server/platform/http";
import { requireInstructor } from "@/lib/server/accounts/session";
import { assignDeckBodySchema } from "@/lib/schemas/classes";
import { classIdOf, type ClassRouteContext } from "../../params";

/** POST /api/author/classes/{classId}/decks {deckId} → {class}: the class's students now see the deck (idempotent). */
export const POST = route<ClassRouteContext>(async (request, context) => {
  const user = await requireInstructor();
  const classId = await classIdOf(context);
  const body = await parseJsonBody(request, assignDeckBodySchema);
  return Response.json({ class: await assignDeck(user, classId, body.deckId) });
});

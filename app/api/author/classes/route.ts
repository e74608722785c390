import { assignableDecks, createClass, listOwnedClasses } from "@/lib/server/classes/classes";
import { parseJsonBody, route } from "@/lib/server/platform/http";
import { requireInstructor } from "@/lib/server/accounts/session";
import { createClassBodySchema } from "@/lib/schemas/classes";

/** GET /api/author/classes → {classes: [{id, name, joinCode, memberCount, decks}], assignable: [{id, title, isPublic}]}: the instructor's own classes. */
export const GET = route(async () => {
  const user = await requireInstructor();
  const [classes, assignable] = await Promise.all([listOwnedClasses(user), assignableDecks(user)]);
  return Response.json({ classes, assignable }, { headers: { "Cache-Control": "no-store" } });
});

/** POST /api/author/classes {name} → 201 {class}: a new class with a fresh join code. */
export const POST = route(async (request) => {
  const user = await requireInstructor();
  const body = await parseJsonBody(request, createClassBodySchema);
  return Response.json({ class: await createClass(user, body) }, { status: 201 });
});

import { route } from "@/lib/server/http";
import { requireInstructor } from "@/lib/server/session";

/** GET /api/author/decks: the decks this instructor can edit (authoring lands with issue 7). */
export const GET = route(async () => {
  await requireInstructor();
  return Response.json({ decks: [] });
});

import { previewFile, previewSchema } from "@/lib/server/decks/authoring-preview";
import { parseJsonBody, requestLocale, route } from "@/lib/server/platform/http";
import { requireInstructor } from "@/lib/server/accounts/session";

/**
 * POST /api/author/preview {deckId, path, text, line?, itemId?, header?} → {errors: [{file, line,
 * message}], items, item, variants: [5 × {seed, params, prompt, solution, expected, architecture,
 * verification}], problems, ms}: the live preview of the file being edited. Nothing is stored.
 */
export const POST = route(async (request) => {
  const user = await requireInstructor();
  const input = await parseJsonBody(request, previewSchema, 600 * 1024);
  return Response.json(await previewFile(user, input, requestLocale(request)), { headers: { "Cache-Control": "no-store" } });
});

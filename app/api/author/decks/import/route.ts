import { msg } from "@/lib/i18n/message";
import { importDeck, importFilesSchema, MAX_UPLOAD_BYTES, uploadedFiles } from "@/lib/server/decks/deck-import";
import { jsonProblems, parseJsonBody, readBoundedBytes, route } from "@/lib/server/platform/http";
import { requireInstructor } from "@/lib/server/accounts/session";

const TOO_LARGE = msg("http.archiveTooLarge", { megabytes: MAX_UPLOAD_BYTES / 1024 / 1024 });

/**
 * POST /api/author/decks/import with a ZIP of a deck folder (Content-Type: application/zip), or JSON
 * {files: [{path, text}]} → 201 {deckId, version, created, newVersion, failures} (a new deck, or a new
 * version of a deck you edit with the same id), or 422 {error, errors: [{file, line, message}]}.
 */
export const POST = route(async (request) => {
  const user = await requireInstructor();
  const type = request.headers.get("content-type") ?? "";
  const body = /^application\/(zip|x-zip-compressed|octet-stream)\b/i.test(type) ? await readBoundedBytes(request, MAX_UPLOAD_BYTES, TOO_LARGE) : await parseJsonBody(request, importFilesSchema, MAX_UPLOAD_BYTES);
  const outcome = await importDeck(user, uploadedFiles(body));
  if (!outcome.ok) return jsonProblems(request, 422, outcome.error, { errors: outcome.errors });
  return Response.json(outcome, { status: outcome.created ? 201 : 200 });
});

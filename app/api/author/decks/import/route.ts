import { importDeck, importFilesSchema, MAX_UPLOAD_BYTES, uploadedFiles } from "@/lib/server/deck-import";
import { AppError } from "@/lib/server/errors";
import { parseJsonBody, route } from "@/lib/server/http";
import { requireInstructor } from "@/lib/server/session";

const TOO_LARGE = `The archive is too large: at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`;

/** The raw body, read up to the limit (a body without Content-Length is cut off there too). */
async function readZip(request: Request): Promise<Uint8Array> {
  if (Number(request.headers.get("content-length") ?? "0") > MAX_UPLOAD_BYTES) throw new AppError(413, TOO_LARGE);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_UPLOAD_BYTES) {
      await reader.cancel();
      throw new AppError(413, TOO_LARGE);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/**
 * POST /api/author/decks/import with a ZIP of a deck folder (Content-Type: application/zip), or JSON
 * {files: [{path, text}]} → 201 {deckId, version, created, newVersion, failures} (a new deck, or a new
 * version of a deck you edit with the same id), or 422 {error, errors: [{file, line, message}]}.
 */
export const POST = route(async (request) => {
  const user = await requireInstructor();
  const type = request.headers.get("content-type") ?? "";
  const body = /^application\/(zip|x-zip-compressed|octet-stream)\b/i.test(type) ? await readZip(request) : await parseJsonBody(request, importFilesSchema, MAX_UPLOAD_BYTES);
  const outcome = await importDeck(user, uploadedFiles(body));
  if (!outcome.ok) return Response.json({ error: outcome.error, errors: outcome.errors }, { status: 422 });
  return Response.json(outcome, { status: outcome.created ? 201 : 200 });
});

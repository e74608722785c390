import "server-only";
import { z } from "zod";
import { LOCALE_COOKIE, resolveLocale, type AppLocale } from "@/lib/i18n/config";
import { msg, unpackMessage, type Message, type MessageParams } from "@/lib/i18n/message";
import { localizeProblems, translate } from "@/lib/i18n/translate";

export { localizeProblems };
import { AppError, localizeFields, type FieldProblems } from "@/lib/server-shared/errors";

/** Largest JSON body any endpoint accepts. A 3 MB e-mail address is a 413, not a crash. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

/**
 * zod issues → `{field: [messages]}` for forms and API clients. A schema shared with the deck
 * format carries catalogue keys (`packMessage`), unpacked here so that they are translated.
 */
export function fieldErrors(error: z.ZodError): FieldProblems {
  const fields: FieldProblems = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (fields[key] ??= []).push(unpackMessage(issue.message) ?? issue.message);
  }
  return fields;
}

/**
 * The raw body, read up to `limit` bytes: a declared or actual larger body is a 413 with
 * `tooLarge` (a body without Content-Length is cut off at the limit too).
 */
export async function readBoundedBytes(request: Request, limit: number, tooLarge: Message = msg("http.tooLarge", { limit })): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw new AppError(413, tooLarge);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new AppError(413, tooLarge);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

async function readBoundedText(request: Request, limit: number): Promise<string> {
  const bytes = await readBoundedBytes(request, limit);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError(400, msg("http.notUtf8"));
  }
}

/**
 * Reads a JSON body and parses it with `schema`. Wrong content type → 415, too large → 413,
 * malformed JSON, NUL bytes or lone UTF-16 surrogates → 400, nesting deeper than MAX_JSON_DEPTH
 * and schema errors → 422 with field messages.
 */
export async function parseJsonBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  limit = MAX_JSON_BODY_BYTES,
): Promise<z.infer<Schema>> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(contentType)) {
    throw new AppError(415, msg("http.contentType"));
  }
  const text = await readBoundedText(request, limit);
  if (text.trim() === "") throw new AppError(400, msg("http.empty"));
  if (text.includes("\u0000")) throw new AppError(400, msg("http.nul"));
  refuseDeepNesting(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AppError(400, msg("http.notJson", { detail: (error as Error).message }));
  }
  refuseLoneSurrogates(value, []);
  return parseWith(schema, value);
}

/** No request of the app nests deeper than a deck's template (about 10 levels); 64 is generous. */
export const MAX_JSON_DEPTH = 64;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

const TOO_DEEP = msg("http.tooDeep", { depth: MAX_JSON_DEPTH });

/**
 * Refuses a body nested deeper than MAX_JSON_DEPTH before it is parsed (422: it is well-formed
 * JSON that no endpoint can use): one pass over the text
 * counting brackets outside strings. Parsing a few megabytes of `[[[[…` and then walking it with
 * zod costs seconds; this costs one loop over the characters.
 */
function refuseDeepNesting(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === BACKSLASH) i += 1;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) inString = true;
    else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth += 1;
      if (depth > MAX_JSON_DEPTH) throw new AppError(422, TOO_DEEP, { _: [TOO_DEEP] });
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) depth -= 1;
  }
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * JSON may escape half of a UTF-16 pair (`"\ud800"`); such a string is not Unicode text, and the
 * database driver fails on it. Refused here, for every string and key of every body, with where
 * it was. The walk's depth is bounded by `refuseDeepNesting`.
 */
function refuseLoneSurrogates(value: unknown, path: readonly (string | number)[]): void {
  const refuse = (where: readonly (string | number)[]) => {
    const field = where.length ? where.join(".") : "_";
    throw new AppError(400, msg("http.loneSurrogate", { where: field === "_" ? msg("http.theBody") : field }), { [field]: [msg("http.loneSurrogateField")] });
  };
  if (typeof value === "string") {
    if (LONE_SURROGATE.test(value)) refuse(path);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => refuseLoneSurrogates(item, [...path, index]));
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (LONE_SURROGATE.test(key)) refuse(path);
      refuseLoneSurrogates(item, [...path, key]);
    }
  }
}

/** Parses any input with a schema; failure → 422 with field messages. */
export function parseWith<Schema extends z.ZodType>(schema: Schema, value: unknown): z.infer<Schema> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const fields = fieldErrors(result.error);
    const first = result.error.issues[0];
    const detail = first ? (unpackMessage(first.message) ?? first.message) : "";
    const message = first && first.path.length ? msg("http.invalidInputAt", { where: first.path.join("."), detail }) : detail ? msg("http.invalidInputDetail", { detail }) : msg("http.invalidInput");
    throw new AppError(422, message, fields);
  }
  return result.data;
}

/** The request's language, decided as for pages: the chosen language (cookie), else Accept-Language. */
export function requestLocale(request: Request): AppLocale {
  const cookie = (request.headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  return resolveLocale(cookie, request.headers.get("accept-language"));
}

/**
 * `{error, code, params?, fields?}`: `error` is the text in the request's language, `code` and
 * `params` the catalogue key behind it (lib/i18n/messages/<locale>/errors.json) for clients that
 * word it themselves.
 */
export function jsonError(request: Request, status: number, message: Message, fields?: FieldProblems, headers?: Record<string, string>): Response {
  const locale = requestLocale(request);
  const body = { error: translate(locale, message), code: message.code, ...(message.params ? { params: message.params } : {}), ...(fields ? { fields: localizeFields(fields, locale) } : {}) };
  return Response.json(body, { status, headers });
}

/** A message, or text that is not ours to translate (a library's, the harness's), in `locale`. */
export function localizeText(locale: AppLocale, text: string | Message): string {
  return typeof text === "string" ? text : translate(locale, text);
}

type Problems = readonly { message: string; code?: string; params?: MessageParams }[];

/** A refusal that lists problems: `{error, code, params?, <list>: [...]}`, all in the request's language. */
export function jsonProblems(request: Request, status: number, message: Message, lists: Record<string, Problems>): Response {
  const locale = requestLocale(request);
  const localized = Object.fromEntries(Object.entries(lists).map(([name, problems]) => [name, localizeProblems(locale, problems)]));
  return Response.json({ error: translate(locale, message), code: message.code, ...(message.params ? { params: message.params } : {}), ...localized }, { status });
}

type RouteHandler<Context> = (request: Request, context: Context) => Promise<Response>;

/**
 * Wraps a route handler so that every failure becomes a JSON error a person can act on:
 * AppError → its status and message; anything else → 500 "Something went wrong" (logged,
 * never sent: no stack traces leave the server).
 */
export function route<Context = unknown>(handler: RouteHandler<Context>): RouteHandler<Context> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (error instanceof AppError) return jsonError(request, error.status, error.body, error.fieldProblems, error.headers);
      console.error("[deepdrill] unhandled error in", request.method, new URL(request.url).pathname, error);
      return jsonError(request, 500, msg("http.internal"));
    }
  };
}

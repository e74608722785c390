import { msg, type Message } from "@/lib/i18n/message";
import type { AppLocale } from "@/lib/i18n/config";
import { english, translate } from "@/lib/i18n/translate";

/** A field's problem: a catalogue message, or a schema's own text (zod field messages). */
export type FieldProblem = Message | string;
export type FieldProblems = Record<string, FieldProblem[]>;

/**
 * Errors the data layer throws on purpose. Route handlers map them to status codes in one place
 * (lib/server/platform/http.ts); anything else is a bug and becomes a generic 500 without details.
 *
 * They carry a message key and its parameters, never English text: the HTTP layer answers in the
 * reader's language (docs/architecture.md, "Messages in the reader's language"). `Error.message` is
 * the English text, for logs and the command line.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly body: Message,
    readonly fieldProblems?: FieldProblems,
    readonly headers?: Record<string, string>,
  ) {
    super(english(body));
    this.name = "AppError";
  }

  /** The field problems in English (tests, logs); the HTTP layer translates `fieldProblems`. */
  get fields(): Record<string, string[]> | undefined {
    return this.fieldProblems && localizeFields(this.fieldProblems, "en");
  }
}

export function localizeFields(fields: FieldProblems, locale: AppLocale): Record<string, string[]> {
  return Object.fromEntries(Object.entries(fields).map(([field, problems]) => [field, problems.map((problem) => (typeof problem === "string" ? problem : translate(locale, problem)))]));
}

export const badRequest = (message: Message, fields?: FieldProblems) => new AppError(400, message, fields);
export const unauthorized = (message = msg("auth.signIn")) => new AppError(401, message);
export const forbidden = (message = msg("auth.forbidden")) => new AppError(403, message);
export const notFound = (message = msg("auth.notFound")) => new AppError(404, message);
export const conflict = (message: Message, fields?: FieldProblems) => new AppError(409, message, fields);
export const tooManyRequests = (retryAfterSeconds: number, message: Message) =>
  new AppError(429, message, undefined, { "Retry-After": String(retryAfterSeconds) });

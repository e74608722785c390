/**
 * A user-facing message as data: a key into the `errors` catalogue (lib/i18n/messages/<locale>/
 * errors.json) and its parameters. Code that reaches the UI builds these instead of English text,
 * and the text is made at the edge, in the reader's language (`translate`).
 */
export interface Message {
  code: string;
  params?: MessageParams;
}

/** A parameter may itself be a message (a reason inside a sentence), translated with it. */
export type MessageParams = Record<string, string | number | Message>;

/** The one way to name a message: `msg("exam.inProgress")`, `msg("class.tooMany", { count })`. */
export function msg(code: string, params?: MessageParams): Message {
  return params ? { code, params } : { code };
}

export function isMessage(value: unknown): value is Message {
  return typeof value === "object" && value !== null && typeof (value as Message).code === "string";
}

const KEYED_PREFIX = "\u0000msg:";

/**
 * A message packed into a string, for libraries that carry only text (zod's `error:`): the deck
 * validator unpacks it again with {@link unpackMessage}. Never shown as it is.
 */
export function packMessage(code: string, params?: MessageParams): string {
  return KEYED_PREFIX + JSON.stringify(msg(code, params));
}

export function unpackMessage(text: string): Message | undefined {
  if (!text.startsWith(KEYED_PREFIX)) return undefined;
  const value: unknown = JSON.parse(text.slice(KEYED_PREFIX.length));
  return isMessage(value) ? value : undefined;
}

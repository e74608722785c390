import { z } from "zod";
import { packMessage } from "../i18n/message";

/**
 * The two kinds of id the app takes from URLs and bodies, each written once: routes parse them
 * with the schemas below (422 with a message key), pages test them with the predicates (a
 * malformed id in a URL is a 404, never a database query).
 */

/** Ids people write: decks, concepts, templates and cards — lower-case words joined by hyphens ("islp-ch10"). */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_ID_LENGTH = 100;

/** Ids the database makes (classes, users, exams, reviews, exam dates): letters, digits, _ and -. */
export const OPAQUE_ID_PATTERN = /^[A-Za-z0-9_-]+$/;
export const MAX_OPAQUE_ID_LENGTH = 64;

export function isId(value: string): boolean {
  return value.length <= MAX_ID_LENGTH && ID_PATTERN.test(value);
}

export function isOpaqueId(value: string): boolean {
  return value.length <= MAX_OPAQUE_ID_LENGTH && OPAQUE_ID_PATTERN.test(value);
}

export const deckIdSchema = z
  .string({ error: packMessage("request.deckId") })
  .min(1, packMessage("request.deckId"))
  .max(MAX_ID_LENGTH, packMessage("request.deckIdLength", { max: MAX_ID_LENGTH }))
  .regex(ID_PATTERN, packMessage("request.deckIdForm"));

/** An opaque id with its own kind's messages (packed catalogue keys: "A class id is required." …). */
export function opaqueIdSchema(messages: { required: string; tooLong: string; form: string }) {
  return z.string().min(1, messages.required).max(MAX_OPAQUE_ID_LENGTH, messages.tooLong).regex(OPAQUE_ID_PATTERN, messages.form);
}

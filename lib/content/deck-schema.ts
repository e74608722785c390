/**
 * The deck format, as instructors write it (`content/decks/<deck-id>/`):
 *
 * - `deck.yaml`: `id`, `title {ko, en}`, optional `description {ko, en}` and `source {ko, en}`,
 *   and `concepts`: a list of `{id, ko, en}` (the concept's name in both languages);
 * - any other `*.yaml` file in the folder (sub-folders too): `templates:` and/or `cards:` lists
 *   (see `lib/questions/template-schema.ts` for their fields).
 *
 * Files are validated piece by piece (the deck header, then each template and card on its own)
 * so that one mistake never hides another, and every message points at a line.
 */
import { english } from "../i18n/translate";
import { msg, packMessage, type Message, type MessageParams } from "../i18n/message";
import { z } from "zod";
import { bilingualSchema, idSchema, type StaticCard, type Template } from "../questions/template-schema";
import type { Bilingual } from "../questions/types";

export const DECK_FILE = "deck.yaml";

export const conceptSchema = z.strictObject({
  id: idSchema,
  ko: z.string().trim().min(1, { error: packMessage("deckFile.conceptKo") }),
  en: z.string().trim().min(1, { error: packMessage("deckFile.conceptEn") }),
  /** One line on what the concept covers, shown on the deck page. */
  summary: bilingualSchema.optional(),
});

export const deckHeaderSchema = z.strictObject({
  id: idSchema,
  title: bilingualSchema,
  description: bilingualSchema.optional(),
  /** Where the material comes from (book, notes, licence). */
  source: bilingualSchema.optional(),
  concepts: z.array(conceptSchema).min(1, { error: packMessage("deckFile.oneConcept") }),
});

export const itemsFileSchema = z.strictObject(
  {
    templates: z.array(z.unknown(), { error: packMessage("deckFile.templatesList") }).optional(),
    cards: z.array(z.unknown(), { error: packMessage("deckFile.cardsList") }).optional(),
  },
  { error: packMessage("deckFile.itemsFile") },
);

export type Concept = z.infer<typeof conceptSchema>;
export type DeckHeader = z.infer<typeof deckHeaderSchema>;

/** Where an item was written, for messages (`content/decks/islp-ch10/dense.yaml:12`). */
export interface SourceLocation {
  file: string;
  line: number;
}

export interface Deck {
  id: string;
  title: Bilingual;
  description: Bilingual | null;
  source: Bilingual | null;
  concepts: Concept[];
  templates: Template[];
  cards: StaticCard[];
  /** Item id → where it is written. */
  locations: Record<string, SourceLocation>;
  /** Where its deck.yaml was read, for messages about the deck as a whole (absent for in-app builds). */
  file?: string;
  /** Content hash of the whole deck (header and items). */
  version: string;
}

/**
 * A problem in a deck file, printed as `file:line: message` in English (the command line); `code`
 * and `params` name it in the `errors` catalogue so that the app shows it in the reader's language.
 */
export interface DeckError {
  file: string;
  line: number;
  message: string;
  code?: string;
  params?: MessageParams;
}

export function deckError(file: string, line: number, message: Message): DeckError {
  return { file, line, message: english(message), ...message };
}

/** The error as a message (for a sentence that quotes it); one without a key is quoted as it is. */
export function deckErrorMessage(error: DeckError): Message | string {
  return error.code ? msg(error.code, error.params) : error.message;
}

export function formatDeckError(error: DeckError): string {
  return `${error.file}:${error.line}: ${error.message}`;
}

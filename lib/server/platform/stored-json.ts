import "server-only";
import { z } from "zod";
import { conceptSchema } from "@/lib/content/deck-schema";
import type { HarnessDetail } from "@/lib/questions/harness/run-harness";
import { staticCardSchema, templateSchema, type Item } from "@/lib/questions/template-schema";
import type { Bilingual, ParamValues, Variant } from "@/lib/questions/types";
import { variantSchema } from "@/lib/questions/variant-schema";
import type { CardState } from "@/lib/srs";

/**
 * Every column that stores JSON, read back one way: one parser per table and column, each a zod
 * schema of what the column's writer writes. A row that does not read back (not JSON, or not the
 * shape) is never turned into a default or skipped: it throws a `CorruptedRowError` naming the
 * table, column and row id, which a route answers as a 500 and logs (lib/server/platform/http.ts), so a
 * corrupted row is seen rather than silently read as wrong data.
 */

export class CorruptedRowError extends Error {
  constructor(
    readonly table: string,
    readonly column: string,
    readonly key: string,
    readonly rowId: RowId,
    detail: string,
  ) {
    super(`stored ${table}.${column} of the row with ${key} ${String(rowId)} does not read back: ${detail}`);
    this.name = "CorruptedRowError";
  }
}

export type RowId = string | number | bigint;
export type StoredJsonParser<T> = ((json: string, rowId: RowId) => T) & { table: string; column: string };

function storedJson<T>(table: string, column: string, schema: z.ZodType<T>, key = "id"): StoredJsonParser<T> {
  const parse = (json: string, rowId: RowId): T => {
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch (error) {
      throw new CorruptedRowError(table, column, key, rowId, `not JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    const result = schema.safeParse(value);
    if (!result.success) {
      const first = result.error.issues[0];
      throw new CorruptedRowError(table, column, key, rowId, `${first?.path.length ? `${first.path.join(".")}: ` : ""}${first?.message ?? "unexpected shape"}`);
    }
    return result.data;
  };
  return Object.assign(parse, { table, column });
}

/** A nullable column: null stays null, anything else goes through `parser`. */
function nullable<T>(parser: StoredJsonParser<T>): ((json: string | null, rowId: RowId) => T | null) & { table: string; column: string } {
  return Object.assign((json: string | null, rowId: RowId) => (json === null ? null : parser(json, rowId)), { table: parser.table, column: parser.column });
}

const bilingual: z.ZodType<Bilingual> = z.object({ ko: z.string(), en: z.string() });

// ---------------------------------------------------------------------------------------------
// Decks and cards

/** Deck.definition: the validated deck without its items (deck-store.ts `definitionOf`). */
const deckDefinitionSchema = z.object({ concepts: z.array(conceptSchema), source: bilingual.nullable(), description: bilingual.nullable() });
export type StoredDeckDefinition = z.infer<typeof deckDefinitionSchema>;

export const parseDeckTitle = storedJson("Deck", "title", bilingual);
export const parseDeckDescription = nullable(storedJson("Deck", "description", bilingual));
export const parseDeckDefinitionColumn = storedJson("Deck", "definition", deckDefinitionSchema);

/** Card.definition: the item exactly as authored and validated (a template or a static card). */
export const parseCardDefinition: StoredJsonParser<Item> = storedJson("Card", "definition", z.union([templateSchema, staticCardSchema]));

/** DeckVersion.files: the deck's YAML files as saved. */
export const parseDeckVersionFiles = storedJson("DeckVersion", "files", z.array(z.object({ path: z.string(), text: z.string() })));

const harnessDetailSchema: z.ZodType<HarnessDetail> = z.object({
  level: z.enum(["failure", "warning"]),
  item: z.string(),
  seed: z.number().optional(),
  anchor: z.string().optional(),
  check: z.enum(["load", "generate", "render", "verify", "correct", "tolerance", "precision", "invalid", "mistake", "mistakes-listed", "degenerate", "distinct"]),
  message: z.string(),
});

const harnessItemSchema = z.object({
  id: z.string(),
  kind: z.enum(["template", "card"]),
  version: z.string(),
  variants: z.number(),
  distinct: z.number(),
  failures: z.number(),
  warnings: z.number(),
  details: z.array(harnessDetailSchema),
});

/** DeckVersion.harness: the question harness's summary of a save, null when it did not run. */
const harnessRecordSchema = z.object({
  variantsPerTemplate: z.number(),
  items: z.array(harnessItemSchema),
  variants: z.number(),
  failures: z.number(),
  warnings: z.number(),
  tested: z.number(),
  ms: z.number(),
});
export type HarnessRecord = z.infer<typeof harnessRecordSchema>;
export type HarnessItemResult = z.infer<typeof harnessItemSchema>;

export const parseDeckVersionHarness = nullable(storedJson("DeckVersion", "harness", harnessRecordSchema));

// ---------------------------------------------------------------------------------------------
// Reviews and exams

/** Exam.deckIds and ExamDate.deckIds: the decks an exam covers, as a list of ids. */
export const parseExamDeckIds = storedJson("Exam", "deckIds", z.array(z.string()));
export const parseExamDateDeckIds = storedJson("ExamDate", "deckIds", z.array(z.string()));

export const parseReviewVariant: StoredJsonParser<Variant> = storedJson("Review", "variant", variantSchema);
export const parseExamQuestionVariant: StoredJsonParser<Variant> = storedJson("ExamQuestion", "variant", variantSchema);

const day = z.number().int().nullable();
const cardStateSchema: z.ZodType<CardState> = z.object({
  repetition: z.number().int(),
  easinessHundredths: z.number().int(),
  interval: day,
  dueDay: day,
  lastReviewDay: day,
  redrillDay: day,
  suspended: z.boolean(),
  buriedUntilDay: day,
});

/** ReviewLog.stateBefore and stateAfter: the lib/srs state around a grade (undo restores the first). */
// Named by reviewId (unique: one log row per review), which every reader has at hand.
export const parseReviewLogStateBefore = storedJson("ReviewLog", "stateBefore", cardStateSchema, "reviewId");
export const parseReviewLogStateAfter = storedJson("ReviewLog", "stateAfter", cardStateSchema, "reviewId");

const paramValue = z.union([z.number(), z.string(), z.array(z.array(z.number()))]);

/** ProblemReport.params: the reported variant's parameters and anchor, and the student's answer. */
export const parseProblemReportParams: StoredJsonParser<{ params: ParamValues; anchor: string | null; response: string | null; readAs?: string | null }> = storedJson(
  "ProblemReport",
  "params",
  z.object({ params: z.record(z.string(), paramValue), anchor: z.string().nullable(), response: z.string().nullable(), readAs: z.string().nullable().optional() }),
);

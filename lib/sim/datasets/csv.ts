/**
 * A small RFC 4180 reader for the two CSV files we ship (Hitters, NYSE): quoted fields, doubled
 * quotes inside them, CRLF or LF line ends. No type guessing: the data-set loaders convert columns.
 */
export interface CsvTable {
  header: string[];
  rows: string[][];
}

export function parseCsv(text: string): CsvTable {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const endField = () => {
    record.push(field);
    field = "";
  };
  const endRecord = () => {
    endField();
    if (!(record.length === 1 && record[0] === "")) records.push(record);
    record = [];
  };
  while (i < text.length) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
      i++;
      continue;
    }
    if (char === '"') quoted = true;
    else if (char === ",") endField();
    else if (char === "\n") endRecord();
    else if (char !== "\r") field += char;
    i++;
  }
  if (field !== "" || record.length > 0) endRecord();
  const [header, ...rows] = records;
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

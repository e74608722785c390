/**
 * Static cards from a spreadsheet (pure): CSV or TSV with one card per row, `front, back, tags` by
 * position or by header, and every problem reported at its line (`line 7: back is empty`), all of
 * them at once, so a teacher fixes the sheet in one pass. Nothing is imported while any row is
 * broken.
 *
 * Columns (a header row is recognised by its names; without one: front, back, tags):
 * - `front`, `back`: the same text in both languages, or `front_ko`/`front_en`, `back_ko`/`back_en`;
 * - `tags`: space- or comma-separated; `concept::<id>` or a bare concept id of the deck picks the
 *   concept (else the `concept` column, else the default the importer chose);
 * - optional `id` (else derived from the front, so importing the same sheet twice updates the same
 *   cards), `explanation`/`explanation_ko`/`explanation_en` (else the back), and `accept`
 *   (`|`-separated typed answers that grade automatically; without it the card is self-graded).
 *
 * Anki's text-export headers (`#separator:tab`, `#html:true`, `#tags column:3`) are understood, so
 * a file exported for Anki imports back. Columns the importer does not know are ignored.
 */
import Papa from "papaparse";
import { contentHash } from "../questions/hash";
import { qaCardSchema, type QaCard } from "../questions/template-schema";
import { ID_PATTERN } from "../schemas/ids";
import { validateItem } from "../questions/validate-item";
import { unescapeFormula } from "./csv-formulas";
import { flattenIssues, describePath } from "./zod-issues";
import { msg, type Message, type MessageParams } from "../i18n/message";
import { english } from "../i18n/translate";

/** A problem on one line: `message` in English, `code` and `params` for the reader's language. */
export interface CsvLineError {
  /** 1-based line in the file (the row's first line when a quoted cell spans several). */
  line: number;
  message: string;
  code: string;
  params?: MessageParams;
}

export function lineError(line: number, message: Message): CsvLineError {
  return { line, message: english(message), ...message };
}

export interface CsvImportOptions {
  /** Concept ids of the deck; a card must name one of them. */
  concepts: readonly string[];
  /** The concept for rows whose tags name none. */
  defaultConcept?: string;
  /** `,`, `\t`, `;` or `|`; guessed from the file name (`.tsv`) or the text when absent. */
  delimiter?: string;
  fileName?: string;
}

export interface CsvImport {
  cards: QaCard[];
  /** The line each card was read from (parallel to `cards`). */
  lines: number[];
  errors: CsvLineError[];
  /** Rows read (not counting a header or blank rows). */
  rows: number;
}

const MAX_ROWS = 5_000;

type Column = "front" | "back" | "tags" | "front_ko" | "front_en" | "back_ko" | "back_en" | "id" | "concept" | "explanation" | "explanation_ko" | "explanation_en" | "accept";

const COLUMN_NAMES: Record<string, Column> = {
  front: "front",
  question: "front",
  prompt: "front",
  back: "back",
  answer: "back",
  tags: "tags",
  tag: "tags",
  front_ko: "front_ko",
  front_en: "front_en",
  back_ko: "back_ko",
  back_en: "back_en",
  id: "id",
  concept: "concept",
  explanation: "explanation",
  explanation_ko: "explanation_ko",
  explanation_en: "explanation_en",
  accept: "accept",
};

function columnName(cell: string): Column | undefined {
  return COLUMN_NAMES[cell.trim().toLowerCase().replace(/[\s-]+/g, "_")];
}

interface FileHeaders {
  delimiter?: string;
  html: boolean;
  tagsColumn?: number;
  /** Lines taken by `#…` headers at the top. */
  lines: number;
}

const SEPARATORS: Record<string, string> = { tab: "\t", comma: ",", semicolon: ";", pipe: "|", space: " ", colon: ":" };

/** Anki's `#key:value` lines at the top of a text file. */
function readFileHeaders(text: string): FileHeaders {
  const headers: FileHeaders = { html: false, lines: 0 };
  const lines = text.split("\n");
  for (const raw of lines) {
    const line = raw.replace(/\r$/, "");
    if (!line.startsWith("#")) break;
    headers.lines += 1;
    const match = /^#([a-z ]+):(.*)$/i.exec(line);
    if (!match) continue;
    const key = (match[1] ?? "").trim().toLowerCase();
    const value = (match[2] ?? "").trim();
    if (key === "separator") headers.delimiter = SEPARATORS[value.toLowerCase()] ?? value;
    if (key === "html") headers.html = value.toLowerCase() === "true";
    if (key === "tags column" && /^\d+$/.test(value)) headers.tagsColumn = Number(value);
  }
  return headers;
}

/** `<br>` → newline, tags dropped, the common entities decoded (Anki's html:true fields). */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|li)>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i += 1) if (text[i] === "\n") starts.push(i + 1);
  return starts;
}

/** 1-based line of a character offset. */
function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

interface Row {
  line: number;
  cells: string[];
  parseErrors: Message[];
}

function readRows(body: string, delimiter: string | undefined, lineOffset: number): Row[] {
  const starts = lineStarts(body);
  const rows: Row[] = [];
  let previousCursor = 0;
  Papa.parse<string[]>(body, {
    delimiter: delimiter ?? "",
    delimitersToGuess: [",", "\t", ";", "|"],
    skipEmptyLines: false,
    step: (result) => {
      // The cursor is the end of this row: the row began where the previous one ended.
      let start = previousCursor;
      while (start < body.length && (body[start] === "\n" || body[start] === "\r") && start < result.meta.cursor) start += 1;
      previousCursor = result.meta.cursor;
      const cells = result.data.map((cell) => cell);
      rows.push({ line: lineOf(starts, start) + lineOffset, cells, parseErrors: result.errors.map((error) => describeParseError(error)) });
    },
  });
  return rows;
}

function describeParseError(error: Papa.ParseError): Message {
  switch (error.code) {
    case "MissingQuotes":
      return msg("csv.missingQuotes");
    case "InvalidQuotes":
      return msg("csv.invalidQuotes");
    default:
      return msg("deckFile.invalid", { detail: error.message });
  }
}

const TRAILING_BLANK = (cells: readonly string[]) => cells.every((cell) => cell.trim() === "");

/** A stable id from the card's front: the same sheet imported twice updates the same cards. */
export function derivedCardId(front: { ko: string; en: string }): string {
  return `csv-${contentHash({ ko: front.ko.trim(), en: front.en.trim() }).slice(0, 10)}`;
}

function splitTags(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== "");
}

export function parseCardsCsv(text: string, options: CsvImportOptions): CsvImport {
  const errors: CsvLineError[] = [];
  const cards: QaCard[] = [];
  const lines: number[] = [];
  const source = text.replace(/^\uFEFF/, "");
  const fileHeaders = readFileHeaders(source);
  const body = source.split("\n").slice(fileHeaders.lines).join("\n");
  const delimiter = options.delimiter ?? fileHeaders.delimiter ?? (options.fileName?.toLowerCase().endsWith(".tsv") ? "\t" : undefined);
  const rows = readRows(body, delimiter, fileHeaders.lines).filter((row) => !TRAILING_BLANK(row.cells) || row.parseErrors.length > 0);
  if (rows.length > MAX_ROWS + 1) return { cards: [], lines: [], errors: [lineError(rows[MAX_ROWS + 1]?.line ?? 1, msg("csv.tooManyRows", { max: MAX_ROWS }))], rows: rows.length };

  // A header row names its columns; otherwise the columns are front, back, tags.
  const first = rows[0];
  const named = first?.cells.map(columnName) ?? [];
  const hasHeader = named.some((name) => name === "front" || name === "front_en" || name === "front_ko");
  let columns: (Column | undefined)[];
  if (hasHeader && first) {
    columns = named;
    const seen = new Set<Column>();
    named.forEach((name) => {
      if (name && seen.has(name)) errors.push(lineError(first.line, msg("csv.columnTwice", { name })));
      if (name) seen.add(name);
    });
    const has = (name: Column) => seen.has(name);
    if (!has("front") && !(has("front_ko") && has("front_en"))) errors.push(lineError(first.line, msg("csv.needsFront")));
    if (!has("back") && !(has("back_ko") && has("back_en"))) errors.push(lineError(first.line, msg("csv.needsBack")));
  } else {
    columns = ["front", "back", "tags"];
    if (fileHeaders.tagsColumn && fileHeaders.tagsColumn !== 3) {
      columns = ["front", "back"];
      columns[fileHeaders.tagsColumn - 1] = "tags";
    }
  }
  const dataRows = hasHeader ? rows.slice(1) : rows;
  const concepts = new Set(options.concepts);
  const seenIds = new Map<string, number>();

  for (const row of dataRows) {
    const rowErrors = (message: Message) => errors.push(lineError(row.line, message));
    for (const message of row.parseErrors) rowErrors(message);
    if (row.parseErrors.length > 0) continue;
    const extra = row.cells.slice(columns.length).filter((cell) => cell.trim() !== "");
    if (extra.length > 0) {
      const holds = hasHeader ? msg("csv.headerColumns", { count: columns.length }) : msg("csv.rowColumns");
      rowErrors(msg("csv.tooManyCells", { cells: row.cells.length, holds }));
      continue;
    }
    const cell = (name: Column): string | undefined => {
      const index = columns.indexOf(name);
      const value = index < 0 ? undefined : row.cells[index];
      if (value === undefined) return undefined;
      // The exporter's formula guard comes off first (csv-formulas.ts), so export → import round-trips.
      const unguarded = unescapeFormula(value);
      const cleaned = fileHeaders.html ? htmlToText(unguarded) : unguarded.trim();
      return cleaned === "" ? undefined : cleaned;
    };
    const pair = (name: "front" | "back" | "explanation") => {
      const both = cell(name);
      return { ko: cell(`${name}_ko`) ?? both, en: cell(`${name}_en`) ?? both };
    };
    const front = pair("front");
    const back = pair("back");
    const explanationCells = pair("explanation");
    const missing: string[] = [];
    if (!front.ko && !front.en) missing.push("front");
    else {
      if (!front.ko) missing.push("front_ko");
      if (!front.en) missing.push("front_en");
    }
    if (!back.ko && !back.en) missing.push("back");
    else {
      if (!back.ko) missing.push("back_ko");
      if (!back.en) missing.push("back_en");
    }
    if (missing.length > 0) {
      rowErrors(msg(missing.length > 1 ? "csv.emptyCells" : "csv.emptyCell", { cells: missing.join(", ") }));
      continue;
    }
    const frontText = { ko: front.ko ?? "", en: front.en ?? "" };
    const backText = { ko: back.ko ?? "", en: back.en ?? "" };

    const tags = splitTags(cell("tags") ?? "");
    const tagged = tags.map((tag) => tag.replace(/^concept::/i, "")).filter((tag) => concepts.has(tag));
    const conceptColumn = cell("concept");
    const concept = conceptColumn ?? tagged[0] ?? options.defaultConcept;
    if (!concept) {
      rowErrors(msg("csv.noConcept", { known: [...concepts].join(", ") }));
      continue;
    }
    if (!concepts.has(concept)) {
      rowErrors(msg("csv.unknownConcept", { concept, known: [...concepts].join(", ") }));
      continue;
    }

    const id = cell("id") ?? derivedCardId(frontText);
    if (!ID_PATTERN.test(id)) {
      rowErrors(msg("csv.badId", { id }));
      continue;
    }
    const earlier = seenIds.get(id);
    if (earlier !== undefined) {
      rowErrors(cell("id") ? msg("csv.idTwice", { id, line: earlier }) : msg("csv.frontTwice", { line: earlier }));
      continue;
    }
    seenIds.set(id, row.line);

    const accept = (cell("accept") ?? "")
      .split("|")
      .map((answer) => answer.trim())
      .filter((answer) => answer !== "");
    const candidate = {
      id,
      concept,
      type: "qa" as const,
      prompt: frontText,
      answer: backText,
      ...(accept.length > 0 ? { accept } : {}),
      explanation: { ko: explanationCells.ko ?? backText.ko, en: explanationCells.en ?? backText.en },
    };
    const parsed = qaCardSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const problem of flattenIssues(parsed.error.issues)) rowErrors(msg("deckFile.at", { where: describePath(problem.path) || "card", problem: problem.message }));
      continue;
    }
    const issues = validateItem(parsed.data);
    if (issues.length > 0) {
      for (const issue of issues) rowErrors(msg("deckFile.at", { where: describePath(issue.path) || "card", problem: issue.message }));
      continue;
    }
    cards.push(parsed.data);
    lines.push(row.line);
  }
  errors.sort((a, b) => a.line - b.line);
  return { cards, lines, errors, rows: dataRows.length };
}

/**
 * Reading what a student typed. Forgiving where the meaning is certain, strict where it is not:
 *
 * - full-width characters from a Korean keyboard (`２３５１４６`, `（785，256）`) and Unicode minus
 *   (`−3`) are folded by NFKC and a minus map;
 * - thousands separators only in valid places: `235,146`, `235 146`, `235_146` (groups of three
 *   after a first group of one to three digits); `23,5146` or `1,5` are not numbers (invalid,
 *   never silently read as something else);
 * - decimals `0.622`, `.5`, exponents `1e-3`, percentages `40%`, fractions `1/3`, thousands `60k`;
 * - shapes `(785, 256)`, `785×256`, `785x256`, `785 * 256`, `[785,256]`, `(1024,)`, Keras'
 *   `(None, 16, 16, 32)`;
 * - matrices `[[1, 2], [3, 4]]` or rows separated by `;` or new lines;
 * - choices `B`, `b)`, `(b)`, `②`, `2번`; true/false as `true`, `T`, `O`/`X`, `참`/`거짓`, `예`/`아니오`.
 *
 * Each parser returns the value and how it was read, or `null`: unreadable input is invalid.
 */
import { formatNumber } from "../model-core/format-number";

const MINUS_SIGNS = /[\u2212\u2012\u2013\u2796\uFE63\uFF0D]/g;

/** NFKC (full-width → ASCII, no-break and thin spaces → space), minus signs → `-`, trimmed. */
export function normalizeInput(raw: string): string {
  return raw.normalize("NFKC").replace(MINUS_SIGNS, "-").replace(/\s+/g, " ").trim();
}

export interface ReadNumber {
  value: number;
  /** How it was read: "235146", "0.622", "1/3 = 0.333333". */
  readAs: string;
}

const PLAIN = /^\d+(?:\.\d*)?(?:e[+-]?\d+)?$|^\.\d+(?:e[+-]?\d+)?$/i;
// The first group has no leading zero: "0,622" is a decimal comma, not six hundred and twenty-two.
const GROUPED = [/^[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/, /^[1-9]\d{0,2}(?: \d{3})+(?:\.\d+)?$/, /^[1-9]\d{0,2}(?:_\d{3})+(?:\.\d+)?$/];

function readUnsigned(text: string): number | null {
  if (PLAIN.test(text)) return Number(text);
  if (GROUPED.some((pattern) => pattern.test(text))) return Number(text.replace(/[, _]/g, ""));
  return null;
}

function readSigned(text: string): number | null {
  const match = /^([+-]?)\s*(.+)$/.exec(text);
  if (!match) return null;
  const magnitude = readUnsigned(match[2] ?? "");
  if (magnitude === null) return null;
  return match[1] === "-" ? -magnitude : magnitude;
}

/** A number as typed (see the module comment), or null. Accepts a trailing counter `개`. */
export function parseNumber(raw: string): ReadNumber | null {
  let text = normalizeInput(raw).replace(/\s*개$/, "");
  if (text === "") return null;
  let percent = false;
  if (text.endsWith("%")) {
    percent = true;
    text = text.slice(0, -1).trim();
  }
  const fraction = /^(.+?)\s*\/\s*(.+)$/.exec(text);
  if (fraction && !percent) {
    const numerator = readSigned(fraction[1] ?? "");
    const denominator = readSigned(fraction[2] ?? "");
    if (numerator === null || denominator === null || denominator === 0) return null;
    const value = numerator / denominator;
    const shown = `${formatNumber(numerator, { grouping: false, maxDecimals: 12 })}/${formatNumber(denominator, { grouping: false, maxDecimals: 12 })}`;
    return { value, readAs: Number.isInteger(value) ? `${shown} = ${value}` : `${shown} = ${formatNumber(value, { grouping: false, maxDecimals: 6 })}` };
  }
  const thousands = percent ? null : /^(.+?)\s*[kK]$/.exec(text);
  if (thousands) {
    // "60k": the notes' (and ISLP's "60K") way of writing 60,000.
    const count = readSigned(thousands[1] ?? "");
    if (count === null) return null;
    const value = Math.round(count * 1000 * 1e6) / 1e6;
    return { value, readAs: `${formatNumber(count, { grouping: false, maxDecimals: 12 })}k = ${formatNumber(value, { grouping: false, maxDecimals: 12 })}` };
  }
  const value = readSigned(text);
  if (value === null || !Number.isFinite(value)) return null;
  if (percent) return { value: value / 100, readAs: `${formatNumber(value, { grouping: false, maxDecimals: 12 })}% = ${formatNumber(value / 100, { grouping: false, maxDecimals: 12 })}` };
  return { value, readAs: formatNumber(value, { grouping: false, maxDecimals: 12 }) };
}

/** A shape (positive integers), or null. A lone integer is a 1-D shape. */
export function parseShape(raw: string): number[] | null {
  let text = normalizeInput(raw);
  const bracketed = /^\((.*)\)$/.exec(text) ?? /^\[(.*)\]$/.exec(text);
  if (bracketed) text = (bracketed[1] ?? "").trim();
  if (text === "") return null;
  const parts = text.split(/\s*(?:,|×|\*|(?<=\d)\s*[xX]\s*(?=\d))\s*/);
  if (parts.length > 1 && parts.at(-1) === "") parts.pop();
  if (parts[0]?.toLowerCase() === "none" && parts.length > 1) parts.shift();
  if (parts.length === 0 || parts.length > 6) return null;
  const shape: number[] = [];
  for (const part of parts) {
    // No leading zeros: "1,024" is a number with a separator, not the shape (1, 24).
    if (!/^[1-9]\d*$/.test(part)) return null;
    const n = Number(part);
    shape.push(n);
  }
  return shape;
}

/** The cell texts of a typed matrix, row by row (not yet read as numbers), or null. */
export function matrixCellTexts(raw: string): string[][] | null {
  const text = raw.normalize("NFKC").replace(MINUS_SIGNS, "-").trim();
  let rows: string[];
  const nested = /^\[\s*(\[[\s\S]*\])\s*\]$/.exec(text);
  if (nested) {
    rows = [];
    const inner = nested[1] ?? "";
    const rowPattern = /\[([^[\]]*)\]\s*(?:,\s*|$)/gy;
    let consumed = 0;
    for (const match of inner.matchAll(rowPattern)) {
      rows.push(match[1] ?? "");
      consumed = (match.index ?? 0) + match[0].length;
    }
    if (consumed !== inner.length) return null;
  } else {
    rows = text
      .replace(/^\[|\]$/g, "")
      .split(/\s*[;\n]\s*/)
      .filter((row) => row.trim() !== "");
  }
  if (rows.length === 0) return null;
  const cells = rows.map((row) => row.trim().split(/\s*,\s*|\s+/).filter((cell) => cell !== ""));
  return cells.every((row) => row.length > 0) ? cells : null;
}

/** A rectangular matrix of numbers, or null. */
export function parseMatrix(raw: string): number[][] | null {
  const cells = matrixCellTexts(raw);
  if (!cells) return null;
  const matrix: number[][] = [];
  for (const row of cells) {
    const values: number[] = [];
    for (const cell of row) {
      const value = readSigned(cell);
      if (value === null || !Number.isFinite(value)) return null;
      values.push(value);
    }
    matrix.push(values);
  }
  const width = matrix[0]?.length ?? 0;
  return matrix.every((row) => row.length === width) ? matrix : null;
}

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩";

/**
 * A 0-based option index from a letter (`B`, `b)`, `(b)`, `b.`), a circled number (`②`) or
 * `2번`, given the number of options; null when out of range or unreadable.
 */
export function parseChoice(raw: string, optionCount: number): number | null {
  const trimmed = raw.trim();
  const circled = CIRCLED.indexOf(trimmed);
  if (trimmed.length === 1 && circled >= 0) return circled < optionCount ? circled : null;
  const text = normalizeInput(raw);
  const letter = /^\(?([A-Za-z])[).]?$/.exec(text);
  if (letter) {
    const index = (letter[1] ?? "").toUpperCase().charCodeAt(0) - 65;
    return index < optionCount ? index : null;
  }
  const numbered = /^\(?(\d{1,2})[).]?\s*번?$/.exec(text);
  if (numbered) {
    const index = Number(numbered[1]) - 1;
    return index >= 0 && index < optionCount ? index : null;
  }
  return null;
}

const TRUE_WORDS = new Set(["true", "t", "yes", "y", "o", "참", "맞다", "맞음", "맞아요", "예", "네", "그렇다", "1"]);
const FALSE_WORDS = new Set(["false", "f", "no", "n", "x", "거짓", "틀리다", "틀림", "틀려요", "아니오", "아니요", "아니다", "0"]);

export function parseBoolean(raw: string): boolean | null {
  const text = normalizeInput(raw).toLowerCase().replace(/[.!]$/, "");
  if (text === "○" || TRUE_WORDS.has(text)) return true;
  if (text === "×" || FALSE_WORDS.has(text)) return false;
  return null;
}

/** Text compared case-insensitively, ignoring spacing (Korean spacing varies) and a final period. */
export function normalizeText(raw: string): string {
  return normalizeInput(raw).toLowerCase().replace(/[.。]$/, "").replace(/\s+/g, "");
}

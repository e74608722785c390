/**
 * Inputs the harness types for a variant: the correct answer written the ways students write it,
 * an answer just outside the tolerance, and junk that must be read as invalid.
 */
import { displayExpected, formatMatrix, sameMatrix, withinTolerance } from "../answer-values";
import { precisionHint, precisionSlip } from "../check-answer";
import { formatNumber } from "../../model-core/format-number";
import type { Bilingual, ExpectedAnswer, Variant } from "../types";

const FULL_WIDTH_OFFSET = 0xff10 - 0x30;

/** `235146` → `２３５１４６` (what a Korean IME in full-width mode types). */
export function toFullWidth(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + FULL_WIDTH_OFFSET)).replace(/,/g, "，").replace(/\./g, "．");
}

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩";

function numberSpellings(value: number, decimals: number | null): string[] {
  const plain = decimals === null ? formatNumber(value, { grouping: false, maxDecimals: 12 }) : formatNumber(value, { grouping: false, fixedDecimals: decimals });
  const spellings = [plain, toFullWidth(plain)];
  if (Number.isInteger(value) && Math.abs(value) >= 1000) {
    spellings.push(formatNumber(value), formatNumber(value).replace(/,/g, " "), formatNumber(value).replace(/,/g, "\u00a0"), toFullWidth(formatNumber(value)));
  }
  if (value < 0) spellings.push(plain.replace("-", "\u2212"));
  return spellings;
}

/**
 * The correct answer, spelled several accepted ways; the first is always the answer exactly as the
 * app displays it (displayExpected), and its full-width form follows for every numeric answer.
 */
export function correctSpellings(answer: ExpectedAnswer): string[] {
  const displayed = displayExpected(answer);
  const numeric = answer.format === "integer" || answer.format === "number" || (answer.format === "shape" && answer.value.length === 1);
  const asDisplayed = answer.format === "self" ? [] : numeric ? [displayed, toFullWidth(displayed)] : [displayed];
  return [...new Set([...asDisplayed, ...spellingsOf(answer)])];
}

function spellingsOf(answer: ExpectedAnswer): string[] {
  switch (answer.format) {
    case "integer":
      return numberSpellings(answer.value, null);
    case "number":
      return numberSpellings(answer.value, answer.decimals);
    case "shape": {
      const [first] = answer.value;
      // A 1-D shape is displayed as a grouped number ("5,568"): typed as displayed it must grade right.
      if (answer.value.length === 1 && first !== undefined) return [`(${first},)`, String(first), `[${first}]`, formatNumber(first), toFullWidth(formatNumber(first))];
      return [`(${answer.value.join(", ")})`, answer.value.join("×"), answer.value.join("x"), `[${answer.value.join(",")}]`, toFullWidth(`(${answer.value.join(", ")})`)];
    }
    case "matrix":
      return [formatMatrix(answer.value), answer.value.map((row) => row.join(" ")).join("; ")];
    case "choice": {
      const index = answer.value.charCodeAt(0) - 65;
      return [answer.value, answer.value.toLowerCase(), `(${answer.value.toLowerCase()})`, `${answer.value})`, CIRCLED[index] ?? answer.value];
    }
    case "boolean":
      return answer.value ? ["true", "T", "O", "참"] : ["false", "F", "X", "거짓"];
    case "text":
      return [...answer.accept];
    case "self":
      return [];
  }
}

/** A readable answer that must grade wrong: one unit off, or 1.5 tolerances off. */
export function justOutside(answer: ExpectedAnswer): string | null {
  switch (answer.format) {
    case "integer":
      return String(answer.value + 1);
    case "number": {
      const allowed = Math.max(answer.tolerance.absolute, answer.tolerance.relative * Math.abs(answer.value));
      return (answer.value + 1.5 * allowed).toPrecision(15);
    }
    case "shape":
      return `(${answer.value.map((d, i) => (i === 0 ? d + 1 : d)).join(", ")})`;
    case "matrix":
      return formatMatrix(answer.value.map((row, i) => row.map((cell, j) => (i === 0 && j === 0 ? cell + 1 : cell))));
    case "choice":
      return String.fromCharCode(65 + ((answer.value.charCodeAt(0) - 65 + 1) % answer.optionCount));
    case "boolean":
      return answer.value ? "false" : "true";
    case "text":
      return "zzzz";
    case "self":
      return null;
  }
}

/** Just inside the tolerance (number answers only): must grade correct. */
export function justInside(answer: ExpectedAnswer): string | null {
  if (answer.format !== "number") return null;
  const allowed = Math.max(answer.tolerance.absolute, answer.tolerance.relative * Math.abs(answer.value));
  return (answer.value + 0.4 * allowed).toPrecision(15);
}

/** Inputs that must be read as invalid (never wrong). */
export function junkInputs(answer: ExpectedAnswer): string[] {
  switch (answer.format) {
    case "integer":
    case "number":
      return ["", "abc", "23,5146", "1,5", "12abc", "--3", "1/0"];
    case "shape":
      return ["", "abc", "(785, abc)", "785 by"];
    case "matrix":
      return ["", "abc", "[[1, 2], [3]]"];
    case "choice":
      return ["", "?", "Z", "AB"];
    case "boolean":
      return ["", "maybe", "??"];
    case "text":
    case "self":
      return [""];
  }
}

/** How a listed mistake's value is typed. */
export function mistakeSpelling(value: Variant["mistakes"][number]["value"]): string {
  if (typeof value === "number") return formatNumber(value, { grouping: false, maxDecimals: 12 });
  if (Array.isArray(value)) return value.every((row) => Array.isArray(row)) ? formatMatrix(value as number[][], 12) : `(${value.join(", ")})`;
  return value;
}

/**
 * The answer written at one decimal fewer than asked ("0.99" for 0.989 at three decimals), with the
 * hint it must get; null when the answer has no decimals to drop or rounding lands inside the tolerance.
 */
export function precisionSlipSpelling(answer: ExpectedAnswer): { typed: string; hint: Bilingual } | null {
  if (answer.format === "matrix") return matrixPrecisionSlipSpelling(answer);
  if (answer.format !== "number" || answer.decimals === null || answer.decimals < 1) return null;
  const typed = answer.value.toFixed(answer.decimals - 1);
  if (withinTolerance(Number(typed), answer.value, answer.tolerance)) return null;
  const hint = precisionSlip(typed, Number(typed), answer.value, answer.decimals);
  return hint ? { typed, hint } : null;
}

/** A fractional feature map with every cell at one decimal fewer than asked: the precision hint too. */
function matrixPrecisionSlipSpelling(answer: Extract<ExpectedAnswer, { format: "matrix" }>): { typed: string; hint: Bilingual } | null {
  const decimals = answer.decimals;
  if (decimals === undefined || decimals < 1) return null;
  const rounded = answer.value.map((row) => row.map((cell) => Number(cell.toFixed(decimals - 1))));
  if (sameMatrix(rounded, answer.value, answer.tolerance)) return null;
  return { typed: formatMatrix(rounded, decimals - 1), hint: precisionHint(decimals) };
}

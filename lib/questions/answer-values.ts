/**
 * Building and displaying expected answers: tolerances from "round to n decimals", TeX for
 * matrices, and the one display form used in "expected …" messages.
 */
import { formatNumber } from "../model-core/format-number";
import type { Bilingual, ExpectedAnswer, Tolerance } from "./types";

/** Rounding to n decimals is within half a unit of the last place: 0.5·10⁻ⁿ (plus float slack). */
export function toleranceForDecimals(decimals: number): Tolerance {
  return { absolute: 0.5 * 10 ** -decimals + 1e-12, relative: 0 };
}

export const EXACT: Tolerance = { absolute: 0, relative: 0 };

/** A feature map's fractional cells are asked (and shown in solutions) to this many decimals. */
export const CELL_DECIMALS = 4;

export function integerAnswer(value: number): ExpectedAnswer {
  if (!Number.isSafeInteger(value)) throw new RangeError(`expected an integer answer, computed ${value}`);
  return { format: "integer", value };
}

/** An integer-valued result stays an integer answer; anything else is rounded to `decimals`. */
export function numericAnswer(value: number, decimals: number): ExpectedAnswer {
  if (!Number.isFinite(value)) throw new RangeError(`the answer is not a finite number (${value})`);
  if (Number.isInteger(value)) return integerAnswer(value);
  return { format: "number", value, tolerance: toleranceForDecimals(decimals), decimals };
}

/** A feature map: exact when every cell is an integer, else each cell rounded to `decimals`. */
export function matrixAnswer(value: number[][], decimals: number): ExpectedAnswer {
  if (value.every((row) => row.every(Number.isInteger))) return { format: "matrix", value, tolerance: EXACT };
  return { format: "matrix", value, tolerance: toleranceForDecimals(decimals), decimals };
}

export function withinTolerance(response: number, expected: number, tolerance: Tolerance): boolean {
  const allowed = Math.max(tolerance.absolute, tolerance.relative * Math.abs(expected));
  return Math.abs(response - expected) <= allowed + Number.EPSILON * Math.max(1, Math.abs(expected));
}

/** Same size, and every cell of `a` within the tolerance of `b`'s. */
export function sameMatrix(a: readonly (readonly number[])[], b: readonly (readonly number[])[], tolerance: Tolerance): boolean {
  return a.length === b.length && a.every((row, i) => row.length === (b[i]?.length ?? -1) && row.every((cell, j) => withinTolerance(cell, b[i]?.[j] ?? Number.NaN, tolerance)));
}

export function matrixToTex(matrix: readonly (readonly number[])[], decimals = CELL_DECIMALS): string {
  const rows = matrix.map((row) => row.map((cell) => formatNumber(cell, { tex: true, maxDecimals: decimals })).join(" & "));
  return `\\begin{bmatrix} ${rows.join(" \\\\ ")} \\end{bmatrix}`;
}

export function formatShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

export function formatMatrix(matrix: readonly (readonly number[])[], decimals = 6): string {
  return `[${matrix.map((row) => `[${row.map((cell) => formatNumber(cell, { grouping: false, maxDecimals: decimals })).join(", ")}]`).join(", ")}]`;
}

/** The expected answer as shown to a student ("235,146", "(785, 256)", "B", "true"). */
export function displayExpected(answer: ExpectedAnswer): string {
  switch (answer.format) {
    case "integer":
      return formatNumber(answer.value);
    case "number":
      return answer.decimals === null ? formatNumber(answer.value, { maxDecimals: 6 }) : formatNumber(answer.value, { maxDecimals: answer.decimals });
    case "shape":
      // A 1-D shape is a length ("784"), shown as the number it is.
      return answer.value.length === 1 ? formatNumber(answer.value[0] ?? Number.NaN) : formatShape(answer.value);
    case "matrix":
      return formatMatrix(answer.value, answer.decimals);
    case "choice":
      return answer.value;
    case "boolean":
      return answer.value ? "true" : "false";
    case "text":
      return answer.accept[0] ?? "";
    case "self":
      return answer.answer.en;
  }
}

const HANGUL = /[\uac00-\ud7a3]/;

/**
 * The expected answer in each language where it is words: a self-graded card's answer, or for a
 * typed-text answer the first accepted spelling in Hangul (Korean) and the first without (English),
 * so that a Korean banner says "저수준" where the solution does. Null for numbers, shapes and choices.
 */
export function expectedByLanguage(answer: ExpectedAnswer): Bilingual | null {
  if (answer.format === "self") return answer.answer;
  if (answer.format !== "text" || answer.accept.length === 0) return null;
  const first = answer.accept[0] ?? "";
  return { ko: answer.accept.find((text) => HANGUL.test(text)) ?? first, en: answer.accept.find((text) => !HANGUL.test(text)) ?? first };
}

/**
 * `checkAnswer(variant, response)`: correct, wrong, or invalid (unreadable: costs nothing), with
 * how the input was read ("read as 235146") and the feedback of a matched common mistake.
 * Pure: everything it needs is stored in the variant.
 */
import { displayExpected, formatMatrix, formatShape, sameMatrix, withinTolerance } from "./answer-values";
import { matrixCellTexts, normalizeInput, normalizeText, parseBoolean, parseChoice, parseMatrix, parseNumber, parseShape } from "./answer-parse";
import type { Bilingual, CheckResult, MistakeValue, Tolerance, Variant } from "./types";

const REASONS = {
  number: { ko: "숫자로 읽을 수 없습니다. 예: 235146, 235,146, 0.62, 1/3", en: "Couldn't read a number. Examples: 235146, 235,146, 0.62, 1/3" },
  shape: { ko: "모양(shape)으로 읽을 수 없습니다. 예: (785, 256), 785×256", en: "Couldn't read a shape. Examples: (785, 256), 785×256" },
  matrix: { ko: "행렬로 읽을 수 없습니다. 예: [[1, 2], [3, 4]] 또는 1 2; 3 4", en: "Couldn't read a matrix. Examples: [[1, 2], [3, 4]] or 1 2; 3 4" },
  choice: { ko: "선택지를 읽을 수 없습니다. A, B, C … 중 하나를 입력하세요.", en: "Couldn't read a choice. Type one of the letters A, B, C, …" },
  boolean: { ko: "참/거짓으로 읽을 수 없습니다. O 또는 X를 입력하세요.", en: "Couldn't read true or false. Type T or F." },
  empty: { ko: "답을 입력하세요.", en: "Type an answer." },
  self: { ko: "이 카드는 스스로 채점합니다.", en: "This card is self-graded." },
  shapeRank: { ko: "차원의 수가 다릅니다.", en: "That shape has a different number of dimensions." },
  matrixSize: { ko: "행렬의 크기가 다릅니다.", en: "That matrix has a different size." },
} satisfies Record<string, Bilingual>;

const MISTAKE_MATCH: Tolerance = { absolute: 1e-9, relative: 1e-9 };

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

function findMistake(mistakes: readonly MistakeValue[], matches: (value: MistakeValue["value"]) => boolean): Bilingual | undefined {
  return mistakes.find((mistake) => matches(mistake.value))?.feedback;
}

function wrong(readAs: string, expected: string, mistake: Bilingual | undefined): CheckResult {
  return mistake ? { status: "wrong", readAs, expected, mistake } : { status: "wrong", readAs, expected };
}

function numberMatches(tolerance: Tolerance, value: number) {
  return (candidate: MistakeValue["value"]): boolean => typeof candidate === "number" && withinTolerance(value, candidate, tolerance);
}

/**
 * A right value at too low a precision ("0.99" when three decimals are asked and the answer is
 * 0.989): the typed number is the answer rounded to the decimals the student gave. Read as invalid
 * with a hint, so the student types it again at the asked precision, rather than as a wrong recall.
 */
export function precisionSlip(response: string, typed: number, expected: number, decimals: number | null): Bilingual | null {
  if (decimals === null || decimals < 1) return null;
  const match = /^[+-]?\d*(?:\.(\d*))?$/.exec(normalizeInput(response).replace(/[, _]/g, ""));
  if (!match) return null;
  const given = match[1]?.length ?? 0;
  if (given >= decimals) return null;
  if (Math.abs(typed - expected) > 0.5 * 10 ** -given + 1e-12) return null;
  return precisionHint(decimals);
}

/** "Right value, too few decimals": the hint for a number or a matrix cell asked to `decimals` places. */
export function precisionHint(decimals: number): Bilingual {
  return {
    ko: `값은 맞게 구했지만 자릿수가 부족합니다. 소수점 아래 ${decimals}자리까지 쓰세요.`,
    en: `Right value, too few decimals: give ${decimals} decimal place${decimals === 1 ? "" : "s"}.`,
  };
}

function isShape(value: MistakeValue["value"]): value is number[] {
  return Array.isArray(value) && value.every((d) => typeof d === "number");
}

function isMatrix(value: MistakeValue["value"]): value is number[][] {
  return Array.isArray(value) && value.every((row) => Array.isArray(row));
}

/**
 * A matrix whose every cell is right, some at too few decimals: the precision hint, as for a
 * number. Null when a cell is wrong at any precision, or nothing was rounded.
 */
function matrixPrecisionSlip(response: string, typed: number[][], expected: number[][], tolerance: Tolerance, decimals: number | undefined): Bilingual | null {
  if (decimals === undefined) return null;
  const texts = matrixCellTexts(response);
  let hint: Bilingual | null = null;
  for (const [i, row] of typed.entries()) {
    for (const [j, cell] of row.entries()) {
      const want = expected[i]?.[j] ?? Number.NaN;
      if (withinTolerance(cell, want, tolerance)) continue;
      const slip = precisionSlip(texts?.[i]?.[j] ?? "", cell, want, decimals);
      if (!slip) return null;
      hint = slip;
    }
  }
  return hint;
}

/** An unbracketed positive whole number, separators allowed ("5,568", "８，１９２"), or null. */
function parseLength(response: string): number | null {
  if (/^[([]/.test(normalizeInput(response))) return null;
  const read = parseNumber(response);
  return read && Number.isSafeInteger(read.value) && read.value > 0 ? read.value : null;
}

export function checkAnswer(variant: Pick<Variant, "expectedAnswer" | "mistakes" | "choices">, response: string): CheckResult {
  const answer = variant.expectedAnswer;
  const expected = displayExpected(answer);
  const invalid = (reason: Bilingual): CheckResult => ({ status: "invalid", readAs: null, expected, reason });
  if (answer.format === "self") return invalid(REASONS.self);
  if (response.trim() === "") return invalid(REASONS.empty);

  switch (answer.format) {
    case "integer":
    case "number": {
      const read = parseNumber(response);
      if (!read) return invalid(REASONS.number);
      const tolerance = answer.format === "number" ? answer.tolerance : null;
      const correct = tolerance ? withinTolerance(read.value, answer.value, tolerance) : read.value === answer.value;
      if (correct) return { status: "correct", readAs: read.readAs, expected };
      // An integer answer's mistakes may be fractions (1/0.75 = 1.333…): match those to 1e-9.
      const mistake = findMistake(variant.mistakes, numberMatches(tolerance ?? MISTAKE_MATCH, read.value));
      // A listed mistake ("0": the ReLU's output) names what went wrong better than a precision hint.
      const slip = !mistake && answer.format === "number" ? precisionSlip(response, read.value, answer.value, answer.decimals) : null;
      if (slip) return { status: "invalid", readAs: read.readAs, expected, reason: slip };
      return wrong(read.readAs, expected, mistake);
    }
    case "shape": {
      // A 1-D shape is a length, displayed as a number ("5,568"): typed the same way, without
      // brackets, it is that number, not the 2-D shape (5, 568). Brackets make a shape.
      const length = answer.value.length === 1 ? parseLength(response) : null;
      const shape = length === null ? parseShape(response) : [length];
      if (!shape) return invalid(REASONS.shape);
      const readAs = formatShape(shape);
      if (sameShape(shape, answer.value)) return { status: "correct", readAs, expected };
      const mistake = findMistake(variant.mistakes, (value) => isShape(value) && sameShape(value, shape));
      if (!mistake && shape.length !== answer.value.length) return { status: "wrong", readAs, expected, mistake: REASONS.shapeRank };
      return wrong(readAs, expected, mistake);
    }
    case "matrix": {
      const matrix = parseMatrix(response);
      if (!matrix) return invalid(REASONS.matrix);
      const readAs = formatMatrix(matrix);
      if (sameMatrix(matrix, answer.value, answer.tolerance)) return { status: "correct", readAs, expected };
      // A misconception's map (a flipped filter, overlapping pools) may differ in size: matched first.
      const matchTolerance = { absolute: Math.max(answer.tolerance.absolute, MISTAKE_MATCH.absolute), relative: Math.max(answer.tolerance.relative, MISTAKE_MATCH.relative) };
      const mistake = findMistake(variant.mistakes, (value) => isMatrix(value) && sameMatrix(matrix, value, matchTolerance));
      if (mistake) return wrong(readAs, expected, mistake);
      const sameSize = matrix.length === answer.value.length && matrix.every((row, i) => row.length === (answer.value[i]?.length ?? -1));
      if (!sameSize) return { status: "wrong", readAs, expected, mistake: REASONS.matrixSize };
      const slip = matrixPrecisionSlip(response, matrix, answer.value, answer.tolerance, answer.decimals);
      if (slip) return { status: "invalid", readAs, expected, reason: slip };
      return { status: "wrong", readAs, expected };
    }
    case "choice": {
      let index = parseChoice(response, answer.optionCount);
      if (index === null && variant.choices) {
        // The option's own text, in either language, also selects it.
        const typed = normalizeText(response);
        const found = variant.choices.findIndex((choice) => normalizeText(choice.text.ko) === typed || normalizeText(choice.text.en) === typed);
        if (found >= 0) index = found;
      }
      if (index === null) return invalid(REASONS.choice);
      const letter = String.fromCharCode(65 + index);
      if (letter === answer.value) return { status: "correct", readAs: letter, expected };
      return wrong(letter, expected, findMistake(variant.mistakes, (value) => value === letter));
    }
    case "boolean": {
      const read = parseBoolean(response);
      if (read === null) return invalid(REASONS.boolean);
      const readAs = read ? "true" : "false";
      return read === answer.value ? { status: "correct", readAs, expected } : { status: "wrong", readAs, expected };
    }
    case "text": {
      const typed = normalizeText(response);
      const readAs = response.normalize("NFKC").trim();
      if (answer.accept.some((accepted) => normalizeText(accepted) === typed)) return { status: "correct", readAs, expected };
      return { status: "wrong", readAs, expected };
    }
  }
}

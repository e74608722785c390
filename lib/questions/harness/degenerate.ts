/**
 * Degenerate variants: a variant whose answer does not move when a parameter it asks about moves
 * never exercises that parameter. In the forward-pass question, a draw where every hidden unit's
 * ReLU outputs 0 leaves f(X) = β₀ whatever β₁, β₂, W and X are: the student adds β₀ and is "right"
 * without doing the method.
 *
 * The probe: for each drawn numeric parameter (a range or a matrix), move it to nearby values (each
 * matrix entry on its own), recompute derived parameters, and recompute the answer. A parameter
 * none of whose moves changes the answer is reported. Moves that break a constraint or make the
 * answer uncomputable are skipped (they are not variants a student can meet).
 *
 * A parameter the answer ignores in every variant is a distractor by design (the sequence length
 * of an RNN parameter count: the point is that it does not count); the harness counts a variant as
 * degenerate only for parameters that matter in some other variant.
 */
import { compute } from "../make-variant";
import { evaluateNumber } from "../expression";
import { anchorParams, normalizedParams, paramExpressions, type NormalizedParam } from "../params";
import type { Template } from "../template-schema";
import type { ExpectedAnswer, ParamValue, ParamValues } from "../types";
import { stableStringify } from "../hash";

function answerKey(answer: ExpectedAnswer): string {
  // Numbers are compared at the precision the answer is graded at.
  if (answer.format === "number") return answer.value.toFixed(answer.decimals ?? 6);
  if (answer.format === "matrix") return stableStringify(answer.value.map((row) => row.map((cell) => cell.toFixed(6))));
  return stableStringify(answer);
}

function answerFor(template: Template, drawn: Record<string, ParamValue>): string | null {
  try {
    const scope = anchorParams(template, { id: "degenerate-probe", label: { ko: "", en: "" }, params: drawn });
    return answerKey(compute(template, scope).answer);
  } catch {
    return null;
  }
}

/**
 * Nearby values of one parameter: one step and about a tenth of its range (in whole steps) either
 * way, per entry for a matrix. A tenth of the range catches a rounded answer (⌈n / b⌉ does not move
 * when n moves by 1) without reaching across a kink such as the ReLU's.
 */
function neighbours(param: NormalizedParam, value: ParamValue, scope: ParamValues): ParamValue[] {
  if (param.kind !== "range" && param.kind !== "matrix") return [];
  let step: number;
  let width: number;
  try {
    step = evaluateNumber(param.step, scope);
    width = evaluateNumber(param.max, scope) - evaluateNumber(param.min, scope);
  } catch {
    return [];
  }
  if (!(step > 0)) return [];
  const deltas = [...new Set([step, Math.max(1, Math.round(width / 10 / step)) * step])].flatMap((delta) => [delta, -delta]);
  if (param.kind === "range" && typeof value === "number") return deltas.map((delta) => value + delta);
  if (param.kind === "matrix" && Array.isArray(value)) {
    return value.flatMap((row, i) => row.flatMap((_, j) => deltas.map((delta) => value.map((r, ri) => r.map((cell, cj) => (ri === i && cj === j ? cell + delta : cell))))));
  }
  return [];
}

/** Drawn parameters that other drawn parameters' ranges or sizes use (moving one alone means nothing). */
function shapingParams(list: readonly [string, NormalizedParam][]): Set<string> {
  const names = new Set(list.map(([name]) => name));
  const used = new Set<string>();
  for (const [, param] of list) {
    if (param.kind !== "range" && param.kind !== "matrix") continue;
    for (const expression of paramExpressions(param)) for (const word of expression.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []) if (names.has(word)) used.add(word);
  }
  return used;
}

/** The drawn parameters of `params` (a variant's values) on which its answer does not depend. */
export function insensitiveParams(template: Template, params: ParamValues): string[] {
  const list = normalizedParams(template);
  const drawn: Record<string, ParamValue> = {};
  for (const [name, param] of list) {
    const value = params[name];
    if (param.kind !== "derived" && value !== undefined) drawn[name] = value;
  }
  const base = answerFor(template, drawn);
  if (base === null) return [];
  const insensitive: string[] = [];
  const shaping = shapingParams(list);
  for (const [name, param] of list) {
    const value = params[name];
    if (value === undefined || shaping.has(name)) continue;
    const moved = neighbours(param, value, params)
      .map((next) => answerFor(template, { ...drawn, [name]: next }))
      .filter((key): key is string => key !== null);
    // No computable neighbour: nothing to say about this parameter.
    if (moved.length > 0 && moved.every((key) => key === base)) insensitive.push(name);
  }
  return insensitive;
}

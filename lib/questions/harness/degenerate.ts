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
 * degenerate only for parameters that matter in some other variant. A flat answer can also be the
 * lesson ("ReLU of a negative is 0"): a template declares that case (`intendedFlat`) and bounds its
 * share, and such variants are counted apart, never as degenerate.
 */
import { compute } from "../make-variant";
import { evaluateCondition, evaluateNumber } from "../expression";
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

/** A made variant to probe: a random draw (by seed) or a corner (by anchor, with its label). */
export interface ProbedVariant {
  params: ParamValues;
  seed?: number;
  corner?: { id: string; label: string };
}

export interface DegeneracyReport {
  /** Variants probed: the drawn ones and the corners. */
  probed: number;
  /** Probed variants whose answer ignores a parameter that matters elsewhere, outside the intended case. */
  degenerate: number;
  /** Probed variants in the template's intended flat case (not degenerate by declaration). */
  intended: number;
  warnings: { seed?: number; anchor?: string; message: string }[];
}

/** Below this many drawn variants a never-met intended case is not worth a warning. */
const MIN_DRAWS_FOR_SHARE = 20;

function inIntendedCase(template: Template, params: ParamValues): boolean {
  if (!template.intendedFlat) return false;
  try {
    return evaluateCondition(template.intendedFlat.when, params);
  } catch {
    return false;
  }
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/**
 * Probes every drawn variant and every corner. A parameter ignored by every drawn variant outside
 * the intended case is a distractor; the others, ignored in some variant, make it degenerate.
 */
export function assessDegeneracy(template: Template, drawn: readonly ProbedVariant[], corners: readonly ProbedVariant[]): DegeneracyReport {
  const probe = (variant: ProbedVariant) => ({ variant, intended: inIntendedCase(template, variant.params), ignored: insensitiveParams(template, variant.params) });
  const drawnProbes = drawn.map(probe);
  const cornerProbes = corners.map(probe);
  const plain = drawnProbes.filter(({ intended }) => !intended);
  const distractors = new Set(plain.length > 1 ? plain.reduce<string[]>((common, { ignored }) => common.filter((name) => ignored.includes(name)), plain[0]?.ignored ?? []) : []);

  let degenerate = 0;
  const byParam = new Map<string, { drawn: number; corners: number; first: ProbedVariant; firstCorner?: string }>();
  for (const { variant, intended, ignored } of [...drawnProbes, ...cornerProbes]) {
    if (intended) continue;
    const names = ignored.filter((name) => !distractors.has(name));
    if (names.length > 0) degenerate += 1;
    for (const name of names) {
      const tally = byParam.get(name) ?? { drawn: 0, corners: 0, first: variant };
      if (variant.corner) {
        tally.corners += 1;
        tally.firstCorner ??= variant.corner.label;
      } else tally.drawn += 1;
      byParam.set(name, tally);
    }
  }

  const warnings: DegeneracyReport["warnings"] = [];
  for (const [name, tally] of byParam) {
    const where = [tally.drawn > 0 && `${tally.drawn} of ${drawn.length} variants`, tally.corners > 0 && `${tally.corners} of ${corners.length} corners (e.g. ${tally.firstCorner ?? ""})`].filter(Boolean).join(" and ");
    const at = tally.first.corner ? { anchor: tally.first.corner.id } : { seed: tally.first.seed };
    warnings.push({ ...at, message: `in ${where} the answer does not change when ${name} does: constrain the parameters so every variant exercises it` });
  }
  const intendedDrawn = drawnProbes.filter(({ intended }) => intended).length;
  if (template.intendedFlat && drawn.length > 0) {
    const share = intendedDrawn / drawn.length;
    const { when, maxShare } = template.intendedFlat;
    if (share > maxShare) warnings.push({ message: `the intended flat case (${when}) holds in ${percent(share)} of ${drawn.length} variants, above its limit of ${percent(maxShare)}: constrain it` });
    if (intendedDrawn === 0 && drawn.length >= MIN_DRAWS_FOR_SHARE) warnings.push({ message: `the intended flat case (${when}) holds in none of ${drawn.length} variants: a student never meets it` });
  }
  return { probed: drawn.length + corners.length, degenerate, intended: intendedDrawn + cornerProbes.filter(({ intended }) => intended).length, warnings };
}

/**
 * The corners of a template's parameter space: every drawn parameter at its smallest or its
 * largest value, derived ones computed, combinations that break a constraint left out.
 *
 * Why: random seeds rarely land on a corner. A template whose largest network is over a template
 * limit (`networkParams`) passed 200 harness seeds, and then one student in a few hundred drew it
 * and got "Cannot make this variant" (seen on `embedding-params`, V = 50,000 × D = 128, and on
 * `cifar-cnn-params`). Sizes, and so every limit, grow monotonically with the parameters in all
 * of the course's templates, so trying the corners finds such a variant before a student does.
 */
import { evaluate, evaluateNumber } from "../expression";
import { constraintsHold, normalizedParams, rangeValues, type NormalizedParam } from "../params";
import type { Anchor, Template } from "../template-schema";
import type { ParamValue, ParamValues } from "../types";

/** Beyond this many corners (more than five free parameters), only the most telling ones are tried. */
export const MAX_CORNERS = 32;

type End = "min" | "max";

/** The smallest or largest value of one parameter, given the earlier ones; null for a matrix. */
function endValue(param: NormalizedParam, end: End, scope: ParamValues): ParamValue | null {
  switch (param.kind) {
    case "fixed":
      return param.value;
    case "derived":
      return evaluate(param.expr, scope);
    case "choice": {
      const numbers = param.values.filter((value): value is number => typeof value === "number");
      if (numbers.length === param.values.length) return end === "min" ? Math.min(...numbers) : Math.max(...numbers);
      return (end === "min" ? param.values[0] : param.values.at(-1)) ?? null;
    }
    case "range": {
      const range = rangeValues(evaluateNumber(param.min, scope), evaluateNumber(param.max, scope), evaluateNumber(param.step, scope));
      return range.at(end === "min" ? 0 : range.count - 1);
    }
    case "matrix":
      return null;
  }
}

/** The parameters a student's draw chooses (not fixed, not derived, not a matrix of cells). */
function freeNames(template: Template): string[] {
  return normalizedParams(template)
    .filter(([, param]) => param.kind === "range" || (param.kind === "choice" && param.values.length > 1))
    .map(([name]) => name);
}

/** The values of one corner, or null when it has a matrix or breaks a constraint. */
function cornerValues(template: Template, ends: Map<string, End>): ParamValues | null {
  const scope: ParamValues = {};
  for (const [name, param] of normalizedParams(template)) {
    const value = endValue(param, ends.get(name) ?? "min", scope);
    if (value === null) return null;
    scope[name] = value;
  }
  return constraintsHold(template, scope) ? scope : null;
}

/** Which ends to try: all 2^k combinations when few, else all-min, all-max and each one flipped from all-max. */
function endChoices(names: string[]): Map<string, End>[] {
  if (2 ** names.length <= MAX_CORNERS) {
    return Array.from({ length: 2 ** names.length }, (_, mask) => new Map(names.map((name, i): [string, End] => [name, (mask >> i) & 1 ? "max" : "min"])));
  }
  const all = (end: End) => new Map(names.map((name): [string, End] => [name, end]));
  return [all("min"), all("max"), ...names.map((flipped) => new Map(names.map((name): [string, End] => [name, name === flipped ? "min" : "max"])))];
}

/**
 * The template's corners as anchors (ids `corner-1`, …), so the harness makes them as it makes a
 * lab's variant. The anchors only give the drawn parameters; derived ones are computed as usual.
 * Errors in a range itself (an empty range) are the random draws' to report, so they are skipped here.
 */
export function cornerAnchors(template: Template): Anchor[] {
  const names = freeNames(template);
  if (names.length === 0) return [];
  const drawn = new Set(normalizedParams(template).filter(([, param]) => param.kind !== "derived").map(([name]) => name));
  const seen = new Set<string>();
  const anchors: Anchor[] = [];
  for (const ends of endChoices(names)) {
    let values: ParamValues | null;
    try {
      values = cornerValues(template, ends);
    } catch {
      continue;
    }
    if (!values) continue;
    const params = Object.fromEntries(Object.entries(values).filter(([name]) => drawn.has(name)));
    const key = JSON.stringify(params);
    if (seen.has(key)) continue;
    seen.add(key);
    const label = Object.entries(params).map(([name, value]) => `${name} = ${String(value)}`).join(", ");
    anchors.push({ id: `corner-${anchors.length + 1}`, label: { ko: label, en: label }, params });
  }
  return anchors;
}

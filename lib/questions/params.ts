/**
 * Parameters of a template: normalising the author's shorthand, drawing values from a seeded
 * generator, and the anchored (lab) values. Parameters are drawn in the order they are written,
 * so ranges and derived values may use earlier ones (`k: 1..n`, `q: = p*K`). Constraints are met
 * by rejection sampling: deterministic, since every retry continues the same seeded stream.
 */
import { evaluate, evaluateCondition, evaluateNumber } from "./expression";
import type { Random } from "./random";
import { TEMPLATE_LIMITS } from "./template-limits";
import { parseRangeShorthand, type Anchor, type ParamSpec, type Template } from "./template-schema";
import type { ParamValue, ParamValues } from "./types";

export type NormalizedParam =
  | { kind: "fixed"; value: number | string }
  | { kind: "range"; min: string; max: string; step: string }
  | { kind: "choice"; values: (number | string)[] }
  | { kind: "derived"; expr: string }
  | { kind: "matrix"; rows: string; cols: string; min: string; max: string; step: string };

export class VariantError extends Error {
  constructor(
    message: string,
    /** The template field at fault, when known (e.g. ["answer", "formula"]), for line numbers. */
    readonly path: (string | number)[] = [],
  ) {
    super(message);
    this.name = "VariantError";
  }
}

/** Maximum draws before giving up on constraints (a template that needs more is badly posed). */
export const MAX_CONSTRAINT_ATTEMPTS = 1000;

const asExpression = (value: number | string): string => (typeof value === "number" ? String(value) : value.trim().replace(/^=/, "").trim());

export function normalizeParam(spec: ParamSpec): NormalizedParam {
  if (typeof spec === "number") return { kind: "fixed", value: spec };
  if (typeof spec === "string") {
    if (spec.trim().startsWith("=")) return { kind: "derived", expr: asExpression(spec) };
    const range = parseRangeShorthand(spec);
    if (!range) throw new VariantError(`"${spec}" is neither a range nor a formula`);
    return { kind: "range", ...range };
  }
  if (Array.isArray(spec)) return { kind: "choice", values: spec };
  if ("choice" in spec) return { kind: "choice", values: spec.choice };
  if ("derived" in spec) return { kind: "derived", expr: asExpression(spec.derived) };
  if ("matrix" in spec) {
    const values = parseRangeShorthand(spec.values);
    if (!values) throw new VariantError(`"${spec.values}" is not a range`);
    return { kind: "matrix", rows: asExpression(spec.matrix[0]), cols: asExpression(spec.matrix[1]), ...values };
  }
  return { kind: "range", min: asExpression(spec.min), max: asExpression(spec.max), step: spec.step === undefined ? "1" : asExpression(spec.step) };
}

/** Every expression a parameter uses, for load-time checks. */
export function paramExpressions(param: NormalizedParam): string[] {
  switch (param.kind) {
    case "fixed":
    case "choice":
      return [];
    case "derived":
      return [param.expr];
    case "range":
      return [param.min, param.max, param.step];
    case "matrix":
      return [param.rows, param.cols, param.min, param.max, param.step];
  }
}

const normalizedCache = new WeakMap<Template, [string, NormalizedParam][]>();

export function normalizedParams(template: Template): [string, NormalizedParam][] {
  const cached = normalizedCache.get(template);
  if (cached) return cached;
  const list = Object.entries(template.params ?? {}).map(([name, spec]): [string, NormalizedParam] => [name, normalizeParam(spec)]);
  normalizedCache.set(template, list);
  return list;
}

/** Values of an arithmetic range: min, min + step, …, ≤ max (decimals cleaned of float noise). */
export function rangeValues(min: number, max: number, step: number): { count: number; at: (index: number) => number } {
  if (!(step > 0)) throw new VariantError(`a range step must be positive, got ${step}`);
  const count = Math.floor((max - min) / step + 1e-9) + 1;
  if (count < 1) throw new VariantError(`the range ${min}..${max} is empty`);
  return { count, at: (index) => Number((min + index * step).toPrecision(12)) };
}

function drawOne(name: string, param: NormalizedParam, scope: ParamValues, random: Random): ParamValue {
  switch (param.kind) {
    case "fixed":
      return param.value;
    case "choice":
      return random.pick(param.values);
    case "derived":
      return evaluate(param.expr, scope);
    case "range": {
      const range = rangeValues(evaluateNumber(param.min, scope), evaluateNumber(param.max, scope), evaluateNumber(param.step, scope));
      return range.at(random.int(0, range.count - 1));
    }
    case "matrix": {
      const rows = evaluateNumber(param.rows, scope);
      const cols = evaluateNumber(param.cols, scope);
      if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1 || rows * cols > TEMPLATE_LIMITS.matrixCells) {
        throw new VariantError(`matrix ${name} must be between 1×1 and ${TEMPLATE_LIMITS.matrixCells} cells, got ${rows}×${cols} (template limit "matrixCells")`);
      }
      const range = rangeValues(evaluateNumber(param.min, scope), evaluateNumber(param.max, scope), evaluateNumber(param.step, scope));
      return Array.from({ length: rows }, () => Array.from({ length: cols }, () => range.at(random.int(0, range.count - 1))));
    }
  }
}

export function constraintsHold(template: Template, scope: ParamValues): boolean {
  return (template.constraints ?? []).every((constraint) => evaluateCondition(constraint, scope));
}

/** Draws the template's parameters from `random` until its constraints hold. */
export function sampleParams(template: Template, random: Random): ParamValues {
  const params = normalizedParams(template);
  for (let attempt = 0; attempt < MAX_CONSTRAINT_ATTEMPTS; attempt += 1) {
    const scope: ParamValues = {};
    for (const [name, param] of params) scope[name] = drawOne(name, param, scope, random);
    if (constraintsHold(template, scope)) return scope;
  }
  throw new VariantError(`no parameters satisfying the constraints were found in ${MAX_CONSTRAINT_ATTEMPTS} draws`, ["constraints"]);
}

/**
 * The anchored values: the anchor gives every drawn parameter, derived ones are computed.
 * Throws when the anchor misses a parameter, names an unknown one, or breaks a constraint.
 */
export function anchorParams(template: Template, anchor: Anchor): ParamValues {
  const params = normalizedParams(template);
  const known = new Set(params.map(([name]) => name));
  for (const name of Object.keys(anchor.params)) {
    if (!known.has(name)) throw new VariantError(`anchor ${anchor.id} sets "${name}", which is not a parameter`);
  }
  const scope: ParamValues = {};
  for (const [name, param] of params) {
    if (param.kind === "derived") {
      if (Object.hasOwn(anchor.params, name)) throw new VariantError(`anchor ${anchor.id} sets "${name}", which is derived`);
      scope[name] = evaluate(param.expr, scope);
      continue;
    }
    const value = anchor.params[name];
    if (value === undefined) {
      if (param.kind === "fixed") {
        scope[name] = param.value;
        continue;
      }
      throw new VariantError(`anchor ${anchor.id} does not set "${name}"`);
    }
    scope[name] = value;
  }
  if (!constraintsHold(template, scope)) throw new VariantError(`anchor ${anchor.id} breaks a constraint`);
  return scope;
}

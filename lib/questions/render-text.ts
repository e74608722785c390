/**
 * Fills `{{…}}` placeholders in prompts and solutions. A placeholder holds an expression over the
 * parameters and an optional filter: `{{p}}`, `{{(p+1)*K}}`, `{{rate | pct}}`, `{{n | raw}}`,
 * `{{t | frac}}`, `{{z | fixed:2}}`. Names starting with `@` are texts the engine supplies
 * (`{{@answer}}`, `{{@work}}`, `{{@layers}}`, `{{@formula}}`).
 *
 * The renderer knows whether a placeholder sits inside TeX (`$…$` or `$$…$$`) and formats for it:
 * `235{,}146` and `\begin{bmatrix}…\end{bmatrix}` in TeX, `235,146` and `$\begin{bmatrix}…$` in text,
 * `nn.Embedding(10003, 32)` inside a code span.
 */
import { evaluate } from "./expression";
import { formatNumber } from "../model-core/format-number";
import { asSimpleFraction } from "./simple-fraction";
import { matrixToTex } from "./answer-values";
import { VariantError } from "./params";
import type { ParamValues } from "./types";

export const PLACEHOLDER = /\{\{([\s\S]*?)\}\}/g;

interface TextState {
  math: false | "inline" | "display";
  /** Inside a Markdown code span: numbers are written as code would (no separators). */
  code: boolean;
}

/**
 * Advances the state over literal text: outside code, `$$` toggles display math and a lone `$`
 * inline math; outside math, a backtick toggles a code span.
 */
function scanMath(text: string, state: TextState): void {
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === "`" && state.math === false) {
      state.code = !state.code;
      continue;
    }
    if (state.code) continue;
    if (ch === "\\") {
      i += 1;
      continue;
    }
    if (ch !== "$") continue;
    const display = text[i + 1] === "$";
    if (display) i += 1;
    if (state.math === false) state.math = display ? "display" : "inline";
    else if ((state.math === "display") === display) state.math = false;
  }
}

/** Splits `expr | filter:arg` on a single `|` (not `||`, which is "or"). */
function splitFilter(body: string): { expr: string; filter: string | null; arg: string | null } {
  const match = /^(.*?[^|])\|(?!\|)\s*([a-z]+)(?::\s*(\S+))?\s*$/s.exec(body);
  if (!match) return { expr: body.trim(), filter: null, arg: null };
  return { expr: (match[1] ?? "").trim(), filter: match[2] ?? null, arg: match[3] ?? null };
}

function formatValue(value: unknown, filter: string | null, arg: string | null, tex: boolean, code: boolean): string {
  if (code && typeof value === "number" && filter === null) return formatNumber(value, { grouping: false, maxDecimals: 6 });
  if (Array.isArray(value)) {
    const matrix = matrixToTex(value as number[][]);
    return tex ? matrix : `$${matrix}$`;
  }
  if (typeof value === "string") return tex ? `\\text{${value}}` : value;
  if (typeof value !== "number") throw new VariantError(`cannot show ${String(value)}`);
  if (!Number.isFinite(value)) throw new VariantError(`a placeholder gives ${value}`);
  switch (filter) {
    case null:
      return formatNumber(value, { tex });
    case "raw":
      return formatNumber(value, { tex, grouping: false, maxDecimals: 6 });
    case "fixed":
      return formatNumber(value, { tex, fixedDecimals: Number(arg ?? 2) });
    case "pct": {
      const percent = formatNumber(Number((value * 100).toPrecision(12)), { tex, maxDecimals: 2 });
      return tex ? `${percent}\\%` : `${percent}%`;
    }
    case "frac": {
      const fraction = asSimpleFraction(value, 100);
      if (!fraction) return formatNumber(value, { tex, maxDecimals: 6 });
      const [numerator, denominator] = fraction;
      if (denominator === 1) return formatNumber(numerator, { tex });
      return tex ? `\\tfrac{${numerator}}{${denominator}}` : `${numerator}/${denominator}`;
    }
    default:
      throw new VariantError(`unknown filter "${filter}" (use raw, fixed:N, pct or frac)`);
  }
}

export const FILTERS = ["raw", "fixed", "pct", "frac"] as const;

/** Parts of a placeholder, for load-time checks: its expression (or special name) and filter. */
export function placeholderParts(body: string): { expr: string; filter: string | null; special: string | null } {
  const { expr, filter } = splitFilter(body);
  return { expr, filter, special: expr.startsWith("@") ? expr.slice(1) : null };
}

/**
 * Renders `source`. `specials` maps `@name` texts; a special is inserted as given (it is already
 * formatted for where it goes; `tex` variants are picked when the placeholder is inside TeX).
 */
export function renderText(source: string, scope: ParamValues, specials: Readonly<Record<string, { text: string; tex: string }>> = {}): string {
  const state: TextState = { math: false, code: false };
  let out = "";
  let last = 0;
  for (const match of source.matchAll(PLACEHOLDER)) {
    const literal = source.slice(last, match.index);
    scanMath(literal, state);
    out += literal;
    const { expr, filter, arg } = splitFilter(match[1] ?? "");
    const tex = state.math !== false;
    if (expr.startsWith("@")) {
      const special = specials[expr.slice(1)];
      if (!special) throw new VariantError(`unknown placeholder {{${expr}}}`);
      out += tex ? special.tex : special.text;
    } else {
      // A matrix parameter is shown by name ({{X}}); formulas only compute with numbers.
      const matrix = Object.hasOwn(scope, expr) && Array.isArray(scope[expr]) ? scope[expr] : undefined;
      out += formatValue(matrix ?? evaluate(expr, scope), filter, arg, tex, state.code);
    }
    last = (match.index ?? 0) + match[0].length;
  }
  return out + source.slice(last);
}

/**
 * `makeVariant(item, seed)`: the pure heart of the engine (PrairieLearn's `makeVariant`, separate
 * from storing it). Same item and seed → the same variant, in any process: parameters, prompt in
 * both languages, expected answer from the model core or a calculator, worked solution with the
 * student's numbers, matched-mistake values, and the item's content hash.
 *
 * No tfjs here: verification against TensorFlow.js is `verifyVariant` in `verify.ts`.
 */
import { answerFromArchitecture, fillArchitecture } from "./architecture-answer";
import { answerFromCalculator } from "./calculator-answer";
import { displayExpected, matrixToTex, sameMatrix, withinTolerance } from "./answer-values";
import { evaluate, evaluateNumber, exprToTex, parseExpression } from "./expression";
import { formatNumber } from "../model-core/format-number";
import { misconceptionValue } from "./calculators/misconceptions";
import { contentHash } from "./hash";
import { anchorParams, sampleParams, VariantError } from "./params";
import { createRandom } from "./random";
import { renderText } from "./render-text";
import { makeStaticVariant } from "./static-variant";
import { isTemplate, type Item, type Template } from "./template-schema";
import type { Bilingual, ExpectedAnswer, MistakeValue, ParamValues, Variant, VariantAnchor, VerificationRequest } from "./types";
import type { ArchitectureSpec } from "../model-core";

export interface VariantOptions {
  /** Issue the anchored variant with this id (e.g. the lab's own network) instead of drawing. */
  anchor?: string;
}

const versions = new WeakMap<object, string>();

/** Content hash of an item: changes whenever anything in it changes (stored with each variant). */
export function itemVersion(item: Item): string {
  let version = versions.get(item);
  if (version === undefined) {
    version = contentHash(item);
    versions.set(item, version);
  }
  return version;
}

export function makeVariant(item: Item, seed: number, options: VariantOptions = {}): Variant {
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  return isTemplate(item) ? makeTemplateVariant(item, seed, options) : makeStaticVariant(item, seed, itemVersion(item));
}

function answerTex(answer: ExpectedAnswer): string {
  switch (answer.format) {
    case "integer":
      return formatNumber(answer.value, { tex: true });
    case "number":
      return formatNumber(answer.value, { tex: true, maxDecimals: answer.decimals ?? 6 });
    case "shape":
      return answer.value.map((n) => formatNumber(n, { tex: true })).join(" \\times ");
    case "matrix":
      return matrixToTex(answer.value);
    default:
      return `\\text{${displayExpected(answer)}}`;
  }
}

function sameAsExpected(value: number, answer: ExpectedAnswer): boolean {
  if (answer.format === "integer") return value === answer.value;
  if (answer.format === "number") return withinTolerance(value, answer.value, answer.tolerance);
  return false;
}

export interface Computed {
  answer: ExpectedAnswer;
  work: Bilingual;
  layers: string | null;
  architecture: ArchitectureSpec | null;
  verification: VerificationRequest;
}

/** The expected answer (and how it is worked) for given parameter values: no rendering, no checks. */
export function compute(template: Template, scope: ParamValues): Computed {
  const answer = template.answer;
  if ("architecture" in answer) {
    const filled = fillArchitecture(answer, scope);
    const result = answerFromArchitecture(answer.ask, filled);
    return {
      answer: result.answer,
      work: result.work,
      layers: result.layers,
      architecture: filled.spec,
      verification: { kind: "architecture", spec: filled.spec, ask: answer.ask, layerIndex: filled.layerIndex },
    };
  }
  const { input, result } = answerFromCalculator(answer, scope);
  return { answer: result.answer, work: result.work, layers: null, architecture: null, verification: { kind: "calculator", input } };
}

/**
 * The author's closed form as a worked line, `(p+1)·K + (K+1)·1 = (4+1)·5 + (5+1)·1 = 31`,
 * after checking that it gives the model core's answer (a wrong formula must never reach a student).
 */
function formulaWork(template: Template, formula: string, scope: ParamValues, answer: ExpectedAnswer): { symbolic: string; substituted: string; line: string } {
  const value = evaluateNumber(formula, scope);
  if (!sameAsExpected(value, answer)) {
    throw new VariantError(`the formula ${formula} gives ${formatNumber(value, { maxDecimals: 6 })}, but the answer is ${displayExpected(answer)}`, ["answer", "formula"]);
  }
  const expr = parseExpression(formula);
  const symbols = template.symbols ?? {};
  const symbolic = exprToTex(expr, { symbols });
  const substituted = exprToTex(expr, { values: scope, symbols });
  const steps = symbolic === substituted ? [symbolic] : [symbolic, substituted];
  const result = answerTex(answer);
  // A rounded decimal answer is approximately, not exactly, the formula's value.
  const rounded = answer.format === "number" && Math.abs(Number(result.replace(/\{,\}/g, "")) - value) > 1e-12;
  let line = steps.join(" = ");
  if (steps.at(-1) !== result) line += `${rounded ? " \\approx " : " = "}${result}`;
  return { symbolic, substituted, line: `$$${line}$$` };
}

function mistakeValues(template: Template, scope: ParamValues, computed: Computed): MistakeValue[] {
  const answer = computed.answer;
  const found: MistakeValue[] = [];
  const seen = new Set<string>();
  for (const mistake of template.mistakes ?? []) {
    let value: MistakeValue["value"];
    if ("misconception" in mistake) {
      // Worked by the calculator's own closed forms from this variant's input (misconceptions.ts).
      const mistaken = computed.verification.kind === "calculator" ? misconceptionValue(mistake.misconception, computed.verification.input) : null;
      if (mistaken === null) continue;
      // A symmetric filter flips to itself: the slip is then invisible in this variant.
      if (typeof mistaken === "number" ? sameAsExpected(mistaken, answer) : answer.format === "matrix" && sameMatrix(mistaken, answer.value, answer.tolerance)) continue;
      value = mistaken;
    } else if ("formula" in mistake) {
      const computed = evaluate(mistake.formula, scope);
      // A formula that has no finite value for these numbers (1/r at r = 0) simply does not apply.
      if (typeof computed !== "number" || !Number.isFinite(computed)) continue;
      value = computed;
      if (sameAsExpected(value, answer)) continue;
    } else {
      value = mistake.shape.map((dimension) => (typeof dimension === "number" ? dimension : evaluateNumber(dimension.trim().replace(/^=/, ""), scope)));
      if (answer.format === "shape" && value.length === answer.value.length && value.every((d, i) => d === answer.value[i])) continue;
      // A shape nobody can type (a zero or fractional dimension) is not a mistake a student makes.
      if (value.some((d) => !Number.isInteger(d) || d < 1)) continue;
    }
    const key = JSON.stringify(value);
    if (seen.has(key)) continue;
    seen.add(key);
    found.push({ value, feedback: mistake.feedback });
  }
  return found;
}

function makeTemplateVariant(template: Template, seed: number, options: VariantOptions): Variant {
  let anchor: VariantAnchor | null = null;
  let params: ParamValues;
  if (options.anchor !== undefined) {
    const found = template.anchors?.find((a) => a.id === options.anchor);
    if (!found) throw new VariantError(`template ${template.id} has no anchor "${options.anchor}"`);
    params = anchorParams(template, found);
    anchor = { id: found.id, label: found.label, lab: found.lab ?? false };
  } else {
    params = sampleParams(template, createRandom(seed));
  }

  const computed = compute(template, params);
  const formula = template.answer.formula;
  const fromFormula = formula === undefined ? null : formulaWork(template, formula, params, computed.answer);
  const work = fromFormula ? { ko: fromFormula.line, en: fromFormula.line } : computed.work;

  const render = (language: "ko" | "en", source: string): string =>
    renderText(source, params, {
      answer: { text: displayExpected(computed.answer), tex: answerTex(computed.answer) },
      work: { text: work[language], tex: work[language] },
      calculation: { text: computed.work[language], tex: computed.work[language] },
      layers: { text: computed.layers ?? "", tex: computed.layers ?? "" },
      formula: fromFormula ? { text: `$${fromFormula.symbolic}$`, tex: fromFormula.symbolic } : { text: "", tex: "" },
    });
  const solutionOf = (language: "ko" | "en"): string => {
    const source = template.solution[language];
    const rendered = render(language, source);
    // The worked computation is appended unless the author placed it (or the layer table) themselves.
    return /\{\{\s*@(work|layers)\s*\}\}/.test(source) ? rendered : `${rendered}\n\n${work[language]}`;
  };
  const promptOf = (language: "ko" | "en"): string => {
    const body = render(language, template.prompt[language]);
    return anchor ? `**${anchor.label[language]}**\n\n${body}` : body;
  };

  return {
    itemId: template.id,
    itemType: "parametric",
    concept: template.concept,
    simulation: template.simulation ?? null,
    seed,
    anchor,
    params,
    prompt: { ko: promptOf("ko"), en: promptOf("en") },
    choices: null,
    expectedAnswer: computed.answer,
    answerFormat: computed.answer.format,
    solution: { ko: solutionOf("ko"), en: solutionOf("en") },
    architecture: computed.architecture,
    verification: computed.verification,
    mistakes: mistakeValues(template, params, computed),
    templateVersion: itemVersion(template),
  };
}

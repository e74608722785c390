/**
 * Checks of a schema-valid item that zod cannot express, each with the path of the offending
 * field so that the deck loader can point at its line: every formula parses and only uses
 * parameters declared before it; placeholders name known parameters, filters and `@` texts;
 * layer references exist; anchors set exactly the drawn parameters; and one variant (seed 0, and
 * every anchor) can actually be made. No tfjs: that is the harness's job.
 */
import { MISCONCEPTION_CALCULATOR } from "./calculators/misconceptions";
import { ExpressionError, freeVariables, parseExpression } from "./expression";
import { makeVariant } from "./make-variant";
import { normalizedParams, paramExpressions, VariantError } from "./params";
import { FILTERS, PLACEHOLDER, placeholderParts } from "./render-text";
import { clozeBlanks } from "./static-variant";
import { isTemplate, type Item, type Template } from "./template-schema";
import { msg, type Message } from "../i18n/message";

export interface ItemIssue {
  path: (string | number)[];
  message: Message;
}

const SPECIALS = ["answer", "work", "calculation", "layers", "formula"];

function describeError(error: unknown): string {
  if (error instanceof ExpressionError) return `${error.message} in "${error.source}"${error.column ? ` (column ${error.column})` : ""}`;
  return error instanceof Error ? error.message : String(error);
}

class Collector {
  readonly issues: ItemIssue[] = [];

  add(path: (string | number)[], message: Message): void {
    this.issues.push({ path, message });
  }

  /** Parses `source` and checks that it only reads `known` names. */
  expression(path: (string | number)[], source: string, known: ReadonlySet<string>, what: Message = msg("deckFile.what.formula")): void {
    try {
      const expr = parseExpression(source);
      for (const name of freeVariables(expr)) {
        if (known.has(name)) continue;
        const unknown = { what, source, name };
        this.add(path, known.size > 0 ? msg("deckFile.unknownNameKnown", { ...unknown, known: [...known].join(", ") }) : msg("deckFile.unknownName", unknown));
      }
    } catch (error) {
      this.add(path, msg("deckFile.expressionError", { what, detail: describeError(error) }));
    }
  }

  placeholders(path: (string | number)[], text: string, known: ReadonlySet<string>, specials: readonly string[]): void {
    for (const match of text.matchAll(PLACEHOLDER)) {
      const { expr, filter, special } = placeholderParts(match[1] ?? "");
      if (special !== null) {
        if (!specials.includes(special)) this.add(path, msg("deckFile.unknownSpecial", { placeholder: `{{@${special}}}`, known: specials.map((s) => `@${s}`).join(", ") }));
        continue;
      }
      if (filter !== null && !(FILTERS as readonly string[]).includes(filter)) this.add(path, msg("deckFile.unknownFilter", { filter, placeholder: `{{${match[1] ?? ""}}}`, known: FILTERS.join(", ") }));
      this.expression(path, expr, known, msg("deckFile.what.placeholder"));
    }
    // Only a stray "{{" is an error: "}}" is common in TeX (\frac{1}{1+e^{-z}}).
    if (text.replace(PLACEHOLDER, "").includes("{{")) this.add(path, msg("deckFile.unclosedPlaceholder", { open: "{{", close: "}}" }));
  }
}

const stripEquals = (value: string): string => value.trim().replace(/^=/, "").trim();

function checkTemplate(template: Template, out: Collector): void {
  const params = normalizedParams(template);
  const all = new Set(params.map(([name]) => name));
  const matrices = new Set(params.filter(([, p]) => p.kind === "matrix").map(([name]) => name));
  const seen = new Set<string>();
  for (const [name, param] of params) {
    for (const source of paramExpressions(param)) out.expression(["params", name], source, seen, msg("deckFile.what.parameter", { name }));
    seen.add(name);
  }
  (template.constraints ?? []).forEach((constraint, i) => out.expression(["constraints", i], constraint, all, msg("deckFile.what.constraint")));
  if (template.intendedFlat) out.expression(["intendedFlat", "when"], template.intendedFlat.when, all, msg("deckFile.what.condition"));
  for (const name of Object.keys(template.symbols ?? {})) if (!all.has(name)) out.add(["symbols", name], msg("deckFile.symbolNotParam", { name }));

  const answer = template.answer;
  const specials = "architecture" in answer ? SPECIALS : SPECIALS.filter((s) => s !== "layers");
  for (const language of ["ko", "en"] as const) {
    out.placeholders(["prompt", language], template.prompt[language], all, SPECIALS.filter((s) => s !== "work" && s !== "calculation" && s !== "layers" && s !== "answer"));
    out.placeholders(["solution", language], template.solution[language], all, specials);
  }

  if ("architecture" in answer) {
    answer.architecture.input.forEach((dimension, i) => {
      if (typeof dimension === "string") out.expression(["answer", "architecture", "input", i], stripEquals(dimension), all);
    });
    const ids: string[] = [];
    answer.architecture.layers.forEach((layer, i) => {
      if (layer.id !== undefined) {
        if (ids.includes(layer.id)) out.add(["answer", "architecture", "layers", i, "id"], msg("deckFile.layerIdTwice", { id: layer.id }));
        ids.push(layer.id);
      }
      if (layer.when !== undefined) out.expression(["answer", "architecture", "layers", i, "when"], layer.when, all, msg("deckFile.what.condition"));
      for (const [key, value] of Object.entries(layer)) {
        const values = Array.isArray(value) ? value : [value];
        values.forEach((item) => {
          if (typeof item === "string" && item.trim().startsWith("=")) out.expression(["answer", "architecture", "layers", i, key], stripEquals(item), all);
        });
      }
    });
    if (typeof answer.layer === "string" && !ids.includes(answer.layer)) out.add(["answer", "layer"], msg("deckFile.noLayerId", { id: answer.layer }));
    if (typeof answer.layer === "number" && answer.layer > answer.architecture.layers.length) out.add(["answer", "layer"], msg("deckFile.layerPastEnd", { layer: answer.layer, count: answer.architecture.layers.length }));
    if (answer.formula !== undefined) out.expression(["answer", "formula"], answer.formula, all);
  } else {
    for (const [key, value] of Object.entries(answer)) {
      if (key === "calculator" || key === "layer" || key === "part") continue;
      if (key === "formula" && typeof value === "string") {
        out.expression(["answer", key], value, all);
        continue;
      }
      const matrixField = ["image", "filter", "x", "weights", "biases", "beta"].includes(key);
      if (matrixField && typeof value === "string") {
        if (!matrices.has(value.trim())) out.add(["answer", key], msg("deckFile.notMatrixParam", { field: key, value }));
        continue;
      }
      const wordField = ["fn", "activation", "padding"].includes(key);
      if (typeof value === "string") {
        if (wordField) out.placeholders(["answer", key], value, all, []);
        else out.expression(["answer", key], stripEquals(value), all);
      } else if (key === "cell" && value && typeof value === "object") {
        for (const [part, cell] of Object.entries(value)) if (typeof cell === "string") out.expression(["answer", "cell", part], stripEquals(cell), all);
      }
    }
  }

  (template.mistakes ?? []).forEach((mistake, i) => {
    if ("formula" in mistake) out.expression(["mistakes", i, "formula"], mistake.formula, all);
    else if ("shape" in mistake) mistake.shape.forEach((d, j) => typeof d === "string" && out.expression(["mistakes", i, "shape", j], stripEquals(d), all));
    else {
      const calculator = MISCONCEPTION_CALCULATOR[mistake.misconception];
      const actual = "calculator" in answer ? answer.calculator : "architecture";
      if (actual !== calculator) out.add(["mistakes", i, "misconception"], msg("deckFile.misconceptionCalculator", { misconception: mistake.misconception, calculator, answer: actual }));
    }
  });

  // Only when every formula is sound: actually make a variant, and each anchored one.
  if (out.issues.length > 0) return;
  try {
    makeVariant(template, 0);
  } catch (error) {
    out.add(error instanceof VariantError ? error.path : [], msg("deckFile.cannotMakeVariant", { detail: describeError(error) }));
  }
  const anchorIds = new Set<string>();
  (template.anchors ?? []).forEach((anchor, i) => {
    if (anchorIds.has(anchor.id)) out.add(["anchors", i, "id"], msg("deckFile.anchorIdTwice", { id: anchor.id }));
    anchorIds.add(anchor.id);
    try {
      makeVariant(template, 0, { anchor: anchor.id });
    } catch (error) {
      out.add(["anchors", i], msg("deckFile.anchorFails", { id: anchor.id, detail: describeError(error) }));
    }
  });
}

function checkCard(item: Exclude<Item, Template>, out: Collector): void {
  if (item.type === "cloze") {
    for (const language of ["ko", "en"] as const) {
      const blanks = clozeBlanks(item.text[language]).length;
      if (blanks !== 1) out.add(["text", language], msg("deckFile.clozeBlanks", { found: blanks }));
    }
  }
  if (item.type === "mc") {
    const correct = item.options.filter((option) => option.correct === true).length;
    if (correct !== 1) out.add(["options"], msg("deckFile.mcCorrect", { found: correct }));
  }
  if (out.issues.length > 0) return;
  try {
    makeVariant(item, 0);
  } catch (error) {
    out.add([], msg("deckFile.invalid", { detail: describeError(error) }));
  }
}

/** Problems of a schema-valid item, with paths relative to the item. Empty when it is sound. */
export function validateItem(item: Item): ItemIssue[] {
  const out = new Collector();
  if (isTemplate(item)) checkTemplate(item, out);
  else checkCard(item, out);
  return out.issues;
}

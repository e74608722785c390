/**
 * The authoring format of questions, as zod schemas: what instructors write in a deck's YAML and
 * what the engine consumes. The validated value is the written value (no transformation), so a
 * template stored as JSON in the database validates the same way and hashes to the same version.
 *
 * Conventions for authors:
 * - every text is `{ ko, en }`; prompts and solutions are Markdown with TeX in `$…$`/`$$…$$`;
 * - placeholders in texts are `{{expr}}` (e.g. `{{p}}`, `{{(p+1)*K}}`, `{{rate | pct}}`);
 * - inside an architecture, a value written `=expr` is computed (`units: =K`);
 * - params: `2..20`, `8..64 step 8`, `[relu, sigmoid]`, `= p*K`, a number, or the long forms.
 */
import { z } from "zod";
import { EXPERIMENT_IDS } from "../sim/experiment-ids";
import { msg, packMessage } from "../i18n/message";
import { MISCONCEPTIONS } from "./calculators/misconceptions";
import { ID_PATTERN } from "../schemas/ids";
import { matrixCells, overLimitIssue, TEMPLATE_LIMITS, type LimitUnit, type TemplateLimit } from "./template-limits";

export const PARAM_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Simulation ids a card may name: the engine's own list. */
export const SIMULATION_IDS = EXPERIMENT_IDS;

const text = z.string({ error: packMessage("deckFile.expectedText") }).trim().min(1, { error: packMessage("deckFile.emptyText") });
export const bilingualSchema = z.strictObject({ ko: text, en: text }, { error: packMessage("deckFile.expectedBilingual") });

export const idSchema = z.string({ error: packMessage("deckFile.expectedId") }).regex(ID_PATTERN, { error: packMessage("deckFile.idForm") });

const formulaText = z.string().min(1).max(TEMPLATE_LIMITS.formulaChars, { error: packMessage("deckFile.formulaTooLong", { max: TEMPLATE_LIMITS.formulaChars }) });

/** A number, or an expression over the parameters written as a string (`p + 1`, `=p+1`). */
const numberOrExpression = z.union([z.number(), formulaText], { error: packMessage("deckFile.numberOrFormula") });

/** A number up to a template limit, or a formula (checked against the same limit when a variant is made). */
function cappedNumber(field: string, limit: TemplateLimit, unit: LimitUnit) {
  return numberOrExpression.refine((value) => typeof value !== "number" || value <= TEMPLATE_LIMITS[limit], {
    error: (issue) => overLimitIssue(field, Number(issue.input), limit, unit),
  });
}

/** A literal matrix: rectangular, at most TEMPLATE_LIMITS.matrixCells cells. */
const literalMatrix = z
  .array(z.array(z.number()).min(1))
  .min(1)
  .superRefine((rows, context) => {
    const cells = matrixCells(rows);
    if (cells === null) context.addIssue({ code: "custom", message: packMessage("deckFile.ragged") });
    else if (cells > TEMPLATE_LIMITS.matrixCells) context.addIssue({ code: "custom", message: overLimitIssue(msg("deckFile.what.matrix"), cells, "matrixCells", "cells") });
  });

const choiceValues = z
  .array(z.union([z.number(), z.string().min(1)]))
  .min(1, { error: packMessage("deckFile.choiceEmpty") })
  .max(TEMPLATE_LIMITS.choices, { error: packMessage("deckFile.choiceTooMany", { max: TEMPLATE_LIMITS.choices }) });

const rangeShorthand = /^\s*(.+?)\s*\.\.\s*(.+?)\s*(?:\bstep\s+(.+?))?\s*$/;

/** `2..20`, `8..64 step 8`, `0.1..0.5 step 0.1`, `1..n` (ends may be formulas of earlier params). */
export function parseRangeShorthand(source: string): { min: string; max: string; step: string } | undefined {
  const match = rangeShorthand.exec(source);
  if (!match || source.trim().startsWith("=")) return undefined;
  return { min: match[1] ?? "", max: match[2] ?? "", step: match[3] ?? "1" };
}

export const paramSpecSchema = z.union(
  [
    z.number(),
    z.string().refine((value) => value.trim().startsWith("=") || parseRangeShorthand(value) !== undefined, {
      error: packMessage("deckFile.paramText"),
    }),
    choiceValues,
    z.strictObject({ min: numberOrExpression, max: numberOrExpression, step: numberOrExpression.optional() }),
    z.strictObject({ choice: choiceValues }),
    z.strictObject({ derived: formulaText }),
    z.strictObject({
      matrix: z.tuple([numberOrExpression, numberOrExpression], { error: packMessage("deckFile.matrixSize") }).refine(
        ([rows, cols]) => typeof rows !== "number" || typeof cols !== "number" || rows * cols <= TEMPLATE_LIMITS.matrixCells,
        { error: (issue) => overLimitIssue(msg("deckFile.what.matrix"), (issue.input as number[]).reduce((a, b) => a * b, 1), "matrixCells", "cells") },
      ),
      values: z.string().refine((value) => parseRangeShorthand(value) !== undefined, { error: packMessage("deckFile.matrixValues") }),
    }),
  ],
  { error: packMessage("deckFile.paramForm", { forms: "{min, max, step}, {choice}, {derived}, {matrix, values}" }) },
);

export const ARCHITECTURE_ASKS = [
  "total",
  "trainable",
  "layer-params",
  "islp-weight-shape",
  "output-shape",
  "weights",
  "biases",
  "convention-difference",
] as const;

const layerRef = z.union([z.number().int().min(1), z.string().min(1)], { error: packMessage("deckFile.layerRef") });

/** A layer of a template's network: the model-core grammar, plus `id` and `when` for authors. */
const templateLayerSchema = z
  .object({
    type: z.string({ error: packMessage("deckFile.layerType") }),
    id: z.string().regex(PARAM_NAME_PATTERN, { error: packMessage("deckFile.layerId") }).optional(),
    when: z.string().min(1).optional(),
  })
  .catchall(z.unknown());

export const architectureAnswerSchema = z.strictObject({
  architecture: z.strictObject({
    input: z.array(numberOrExpression).min(1, { error: packMessage("deckFile.networkInput") }),
    convention: z.string().optional(),
    layers: z.array(templateLayerSchema).min(1, { error: packMessage("deckFile.networkLayers") }),
  }),
  ask: z.enum(ARCHITECTURE_ASKS, { error: packMessage("deckFile.oneOf", { field: "ask", values: ARCHITECTURE_ASKS.join(", ") }) }),
  layer: layerRef.optional(),
  /** The author's closed form; the harness checks it against the model core. */
  formula: formulaText.optional(),
});

const decimals = z.number().int().min(0).max(8).optional();
/** A text field that may hold `{{placeholders}}`, e.g. `fn: "{{g}}"`. */
const word = z.string().min(1);
const matrixRef = z.union([z.string().min(1), literalMatrix], { error: packMessage("deckFile.matrixRef") });
const cellSchema = z.strictObject({ row: numberOrExpression, col: numberOrExpression });

export const calculatorAnswerSchema = z.discriminatedUnion(
  "calculator",
  [
    z.strictObject({ calculator: z.literal("activation"), fn: word, z: numberOrExpression, decimals, formula: z.string().optional() }),
    z.strictObject({
      calculator: z.literal("single-layer-network"),
      x: matrixRef,
      weights: matrixRef,
      biases: matrixRef,
      beta: matrixRef,
      beta0: numberOrExpression,
      activation: word,
      decimals,
      formula: z.string().optional(),
    }),
    z.strictObject({
      calculator: z.literal("conv2d"),
      image: matrixRef,
      filter: matrixRef,
      stride: cappedNumber("stride", "kernelSide", "pixels").optional(),
      padding: word.optional(),
      cell: cellSchema.optional(),
      formula: z.string().optional(),
    }),
    z.strictObject({
      calculator: z.literal("max-pool"),
      image: matrixRef,
      size: cappedNumber("size", "kernelSide", "pixels").optional(),
      stride: cappedNumber("stride", "kernelSide", "pixels").optional(),
      cell: cellSchema.optional(),
      formula: z.string().optional(),
    }),
    z.strictObject({
      calculator: z.literal("output-size"),
      layer: z.enum(["conv", "pool"], { error: packMessage("deckFile.eitherOr", { field: "layer", first: "conv", second: "pool" }) }),
      input: cappedNumber("input", "outputSizeInput", "pixels"),
      kernel: cappedNumber("kernel", "kernelSide", "pixels"),
      stride: cappedNumber("stride", "kernelSide", "pixels").optional(),
      /** `valid`, `same`, or a number of zero rows/columns added on each side. */
      padding: cappedNumber("padding", "padding", "pixels").optional(),
      formula: z.string().optional(),
    }),
    z.strictObject({
      calculator: z.literal("steps-per-epoch"),
      n: cappedNumber("n", "fitRows", "rows"),
      batch: numberOrExpression,
      epochs: cappedNumber("epochs", "epochs", "epochs").optional(),
      formula: z.string().optional(),
    }),
    z.strictObject({
      calculator: z.literal("train-test-split"),
      n: numberOrExpression,
      testSize: numberOrExpression,
      part: z.enum(["test", "train"], { error: packMessage("deckFile.eitherOr", { field: "part", first: "test", second: "train" }) }),
      formula: z.string().optional(),
    }),
    z.strictObject({
      calculator: z.literal("dropout"),
      units: cappedNumber("units", "dropoutUnits", "units"),
      rate: numberOrExpression,
      part: z.enum(["active", "scale"], { error: packMessage("deckFile.eitherOr", { field: "part", first: "active", second: "scale" }) }),
      decimals,
      formula: z.string().optional(),
    }),
  ],
  { error: packMessage("deckFile.oneOf", { field: "calculator", values: "activation, single-layer-network, conv2d, max-pool, output-size, steps-per-epoch, train-test-split, dropout" }) },
);

export const mistakeSchema = z.union(
  [
    z.strictObject({ formula: formulaText, feedback: bilingualSchema }),
    z.strictObject({ shape: z.array(numberOrExpression).min(1), feedback: bilingualSchema }),
    /** A known slip worked by the calculator itself (misconceptions.ts): a matrix answer's mistakes. */
    z.strictObject({
      misconception: z.enum(MISCONCEPTIONS, { error: packMessage("deckFile.oneOf", { field: "misconception", values: MISCONCEPTIONS.join(", ") }) }),
      feedback: bilingualSchema,
    }),
  ],
  { error: packMessage("deckFile.mistakeForm", { formula: "{formula, feedback}", shape: "{shape, feedback}", misconception: `{misconception: ${MISCONCEPTIONS.join(" | ")}, feedback}` }) },
);

const paramValueSchema = z.union([z.number(), z.string(), literalMatrix]);

export const anchorSchema = z.strictObject({
  id: idSchema,
  label: bilingualSchema,
  /** True when these are the lab's (or the book's) own numbers: "the lab's network". */
  lab: z.boolean().optional(),
  params: z.record(z.string(), paramValueSchema),
});

const itemBase = {
  id: idSchema,
  concept: idSchema,
  simulation: z.enum(SIMULATION_IDS, { error: packMessage("deckFile.oneOf", { field: "simulation", values: SIMULATION_IDS.join(", ") }) }).optional(),
};

export const templateSchema = z.strictObject({
  ...itemBase,
  title: bilingualSchema,
  params: z
    .record(z.string().regex(PARAM_NAME_PATTERN, { error: packMessage("deckFile.paramName") }), paramSpecSchema)
    .refine((params) => Object.keys(params).length <= TEMPLATE_LIMITS.params, {
      error: (issue) => overLimitIssue(msg("deckFile.what.paramCount"), Object.keys(issue.input as object).length, "params", "parameters"),
    })
    .optional(),
  constraints: z
    .array(formulaText)
    .max(TEMPLATE_LIMITS.constraints, { error: packMessage("deckFile.tooManyConstraints", { max: TEMPLATE_LIMITS.constraints }) })
    .optional(),
  /**
   * Draws whose answer is meant not to move when a parameter does, because that case is part of
   * the lesson (a ReLU unit with a negative input outputs 0 whatever its weights). `decks test`
   * does not count them as degenerate, but warns when their share exceeds `maxShare` or is 0.
   */
  intendedFlat: z.strictObject({ when: formulaText, maxShare: z.number().gt(0).max(1) }).optional(),
  /** TeX for parameter names in worked formulas, e.g. `{ phi: "\\varphi" }`. */
  symbols: z.record(z.string(), z.string()).optional(),
  prompt: bilingualSchema,
  answer: z.union([architectureAnswerSchema, calculatorAnswerSchema], { error: packMessage("deckFile.answerForm") }),
  solution: bilingualSchema,
  mistakes: z.array(mistakeSchema).max(TEMPLATE_LIMITS.mistakes, { error: packMessage("deckFile.tooManyMistakes", { max: TEMPLATE_LIMITS.mistakes }) }).optional(),
  anchors: z.array(anchorSchema).max(TEMPLATE_LIMITS.anchors, { error: packMessage("deckFile.tooManyAnchors", { max: TEMPLATE_LIMITS.anchors }) }).optional(),
});

export const qaCardSchema = z.strictObject({
  ...itemBase,
  type: z.literal("qa"),
  prompt: bilingualSchema,
  answer: bilingualSchema,
  /** Typed answers accepted (either language); without it the card is self-graded. */
  accept: z.array(z.union([z.string().min(1), z.number()])).optional(),
  explanation: bilingualSchema,
});

export const clozeCardSchema = z.strictObject({
  ...itemBase,
  type: z.literal("cloze"),
  /** Each language marks one blank as `[[answer]]` or `[[answer|other spelling]]`. */
  text: bilingualSchema,
  accept: z.array(z.union([z.string().min(1), z.number()])).optional(),
  explanation: bilingualSchema,
});

export const choiceOptionSchema = z.strictObject({
  ko: text,
  en: text,
  correct: z.boolean().optional(),
  feedback: bilingualSchema.optional(),
});

export const mcCardSchema = z.strictObject({
  ...itemBase,
  type: z.literal("mc"),
  prompt: bilingualSchema,
  options: z.array(choiceOptionSchema).min(2, { error: packMessage("deckFile.mcOptions") }).max(8),
  /** Shuffle options per variant (default true); false keeps "all of the above" last. */
  shuffle: z.boolean().optional(),
  explanation: bilingualSchema,
});

export const tfCardSchema = z.strictObject({
  ...itemBase,
  type: z.literal("tf"),
  statement: bilingualSchema,
  answer: z.boolean({ error: packMessage("deckFile.tfAnswer") }),
  explanation: bilingualSchema,
});

export const staticCardSchema = z.discriminatedUnion("type", [qaCardSchema, clozeCardSchema, mcCardSchema, tfCardSchema], {
  error: packMessage("deckFile.oneOf", { field: "type", values: "qa, cloze, mc, tf" }),
});

export type Template = z.infer<typeof templateSchema>;
export type ArchitectureAnswer = z.infer<typeof architectureAnswerSchema>;
export type CalculatorAnswer = z.infer<typeof calculatorAnswerSchema>;
export type ParamSpec = z.infer<typeof paramSpecSchema>;
export type Mistake = z.infer<typeof mistakeSchema>;
export type Anchor = z.infer<typeof anchorSchema>;
export type StaticCard = z.infer<typeof staticCardSchema>;
export type QaCard = z.infer<typeof qaCardSchema>;
export type ClozeCard = z.infer<typeof clozeCardSchema>;
export type McCard = z.infer<typeof mcCardSchema>;
export type TfCard = z.infer<typeof tfCardSchema>;
/** Anything a student can be asked: a parametric template or a static card. */
export type Item = Template | StaticCard;

export function isTemplate(item: Item): item is Template {
  return !("type" in item);
}

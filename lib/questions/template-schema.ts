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
import { matrixCells, overLimitMessage, TEMPLATE_LIMITS, type TemplateLimit } from "./template-limits";

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const PARAM_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Simulation ids the app knows (the simulation issue fills them in). */
export const SIMULATION_IDS = [
  "activation",
  "hidden-units",
  "overfitting",
  "dropout",
  "hitters",
  "minibatch-sgd",
  "mnist-mlp",
  "convolution",
  "max-pooling",
  "cnn-vs-mlp",
  "rnn-nyse",
  "dl-vs-methods",
  "weight-shapes",
  "cnn-blocks",
  "lstm-embedding",
] as const;

const text = z.string({ error: "expected text" }).trim().min(1, { error: "text must not be empty" });
export const bilingualSchema = z.strictObject({ ko: text, en: text }, { error: "expected a text with `ko` and `en`" });

export const idSchema = z.string({ error: "expected an id" }).regex(ID_PATTERN, { error: "ids are lower-case words joined by hyphens, e.g. single-layer-params" });

const formulaText = z.string().min(1).max(TEMPLATE_LIMITS.formulaChars, { error: `a formula has at most ${TEMPLATE_LIMITS.formulaChars} characters (template limit "formulaChars")` });

/** A number, or an expression over the parameters written as a string (`p + 1`, `=p+1`). */
const numberOrExpression = z.union([z.number(), formulaText], { error: "expected a number or a formula" });

/** A number up to a template limit, or a formula (checked against the same limit when a variant is made). */
function cappedNumber(field: string, limit: TemplateLimit, unit: string) {
  return numberOrExpression.refine((value) => typeof value !== "number" || value <= TEMPLATE_LIMITS[limit], {
    error: (issue) => overLimitMessage(field, Number(issue.input), limit, unit),
  });
}

/** A literal matrix: rectangular, at most TEMPLATE_LIMITS.matrixCells cells. */
const literalMatrix = z
  .array(z.array(z.number()).min(1))
  .min(1)
  .superRefine((rows, context) => {
    const cells = matrixCells(rows);
    if (cells === null) context.addIssue({ code: "custom", message: "every row of a matrix has the same number of columns" });
    else if (cells > TEMPLATE_LIMITS.matrixCells) context.addIssue({ code: "custom", message: overLimitMessage("the matrix", cells, "matrixCells", "cells") });
  });

const choiceValues = z
  .array(z.union([z.number(), z.string().min(1)]))
  .min(1, { error: "a choice needs at least one value" })
  .max(TEMPLATE_LIMITS.choices, { error: `a choice has at most ${TEMPLATE_LIMITS.choices} values (template limit "choices")` });

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
      error: 'a parameter written as text is a range such as "2..20" or "8..64 step 8", or a formula starting with "=" such as "= p*K"',
    }),
    choiceValues,
    z.strictObject({ min: numberOrExpression, max: numberOrExpression, step: numberOrExpression.optional() }),
    z.strictObject({ choice: choiceValues }),
    z.strictObject({ derived: formulaText }),
    z.strictObject({
      matrix: z.tuple([numberOrExpression, numberOrExpression], { error: "matrix is [rows, columns]" }).refine(
        ([rows, cols]) => typeof rows !== "number" || typeof cols !== "number" || rows * cols <= TEMPLATE_LIMITS.matrixCells,
        { error: (issue) => overLimitMessage("the matrix", (issue.input as number[]).reduce((a, b) => a * b, 1), "matrixCells", "cells") },
      ),
      values: z.string().refine((value) => parseRangeShorthand(value) !== undefined, { error: 'values is a range such as "0..3" or "-1..1"' }),
    }),
  ],
  { error: 'unrecognised parameter: use a range "2..20", a list [a, b], a formula "= p*K", a number, or {min, max, step}, {choice}, {derived}, {matrix, values}' },
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

const layerRef = z.union([z.number().int().min(1), z.string().min(1)], { error: "layer is a 1-based position or a layer id" });

/** A layer of a template's network: the model-core grammar, plus `id` and `when` for authors. */
const templateLayerSchema = z
  .object({
    type: z.string({ error: "every layer needs a type" }),
    id: z.string().regex(PARAM_NAME_PATTERN, { error: "a layer id is a word such as hidden1" }).optional(),
    when: z.string().min(1).optional(),
  })
  .catchall(z.unknown());

export const architectureAnswerSchema = z.strictObject({
  architecture: z.strictObject({
    input: z.array(numberOrExpression).min(1, { error: "input is the shape without the batch axis, e.g. [784]" }),
    convention: z.string().optional(),
    layers: z.array(templateLayerSchema).min(1, { error: "a network needs at least one layer" }),
  }),
  ask: z.enum(ARCHITECTURE_ASKS, { error: `ask is one of: ${ARCHITECTURE_ASKS.join(", ")}` }),
  layer: layerRef.optional(),
  /** The author's closed form; the harness checks it against the model core. */
  formula: formulaText.optional(),
});

const decimals = z.number().int().min(0).max(8).optional();
/** A text field that may hold `{{placeholders}}`, e.g. `fn: "{{g}}"`. */
const word = z.string().min(1);
const matrixRef = z.union([z.string().min(1), literalMatrix], { error: "expected a matrix parameter name or a literal matrix" });
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
      layer: z.enum(["conv", "pool"], { error: "layer is conv or pool" }),
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
      part: z.enum(["test", "train"], { error: "part is test or train" }),
      formula: z.string().optional(),
    }),
    z.strictObject({
      calculator: z.literal("dropout"),
      units: cappedNumber("units", "dropoutUnits", "units"),
      rate: numberOrExpression,
      part: z.enum(["active", "scale"], { error: "part is active or scale" }),
      decimals,
      formula: z.string().optional(),
    }),
  ],
  { error: "calculator is one of: activation, single-layer-network, conv2d, max-pool, output-size, steps-per-epoch, train-test-split, dropout" },
);

export const mistakeSchema = z.union(
  [
    z.strictObject({ formula: formulaText, feedback: bilingualSchema }),
    z.strictObject({ shape: z.array(numberOrExpression).min(1), feedback: bilingualSchema }),
  ],
  { error: "a mistake is {formula, feedback} or {shape, feedback}" },
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
  simulation: z.enum(SIMULATION_IDS, { error: `simulation is one of: ${SIMULATION_IDS.join(", ")}` }).optional(),
};

export const templateSchema = z.strictObject({
  ...itemBase,
  title: bilingualSchema,
  params: z
    .record(z.string().regex(PARAM_NAME_PATTERN, { error: "a parameter name is a word such as p, K or n_train" }), paramSpecSchema)
    .refine((params) => Object.keys(params).length <= TEMPLATE_LIMITS.params, {
      error: (issue) => overLimitMessage("the number of parameters", Object.keys(issue.input as object).length, "params", "parameters"),
    })
    .optional(),
  constraints: z
    .array(formulaText)
    .max(TEMPLATE_LIMITS.constraints, { error: `a template has at most ${TEMPLATE_LIMITS.constraints} constraints (template limit "constraints")` })
    .optional(),
  /** TeX for parameter names in worked formulas, e.g. `{ phi: "\\varphi" }`. */
  symbols: z.record(z.string(), z.string()).optional(),
  prompt: bilingualSchema,
  answer: z.union([architectureAnswerSchema, calculatorAnswerSchema], { error: "answer is an architecture with ask, or a calculator" }),
  solution: bilingualSchema,
  mistakes: z.array(mistakeSchema).max(TEMPLATE_LIMITS.mistakes, { error: `a template lists at most ${TEMPLATE_LIMITS.mistakes} mistakes (template limit "mistakes")` }).optional(),
  anchors: z.array(anchorSchema).max(TEMPLATE_LIMITS.anchors, { error: `a template has at most ${TEMPLATE_LIMITS.anchors} anchors (template limit "anchors")` }).optional(),
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
  options: z.array(choiceOptionSchema).min(2, { error: "a multiple-choice card needs at least two options" }).max(8),
  /** Shuffle options per variant (default true); false keeps "all of the above" last. */
  shuffle: z.boolean().optional(),
  explanation: bilingualSchema,
});

export const tfCardSchema = z.strictObject({
  ...itemBase,
  type: z.literal("tf"),
  statement: bilingualSchema,
  answer: z.boolean({ error: "answer is true or false" }),
  explanation: bilingualSchema,
});

export const staticCardSchema = z.discriminatedUnion("type", [qaCardSchema, clozeCardSchema, mcCardSchema, tfCardSchema], {
  error: "type is one of: qa, cloze, mc, tf",
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

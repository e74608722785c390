/**
 * The architecture spec (README "Architecture spec"): a zod schema that is the single source of
 * the grammar. It checks each field on its own; whether the layers fit together (shapes, limits)
 * is `propagateShapes`' job, because that needs the shape flowing in from the previous layer.
 *
 * Field messages are written without a layer prefix ("units must be a positive integer, got 0");
 * `describeSchemaIssue` adds "layer 2 (dense): " from the issue's path.
 */
import { z } from "zod";
import { formatNumber } from "./format-number";
import { MAX_DIMENSION, MAX_LAYERS } from "./limits";

export const CONVENTIONS = ["keras", "pytorch"] as const;
export type Convention = (typeof CONVENTIONS)[number];

/** The activations both tfjs (`ActivationIdentifier`) and PyTorch (`torch.nn`) provide. */
export const ACTIVATIONS = [
  "linear",
  "relu",
  "sigmoid",
  "tanh",
  "softmax",
  "softplus",
  "softsign",
  "elu",
  "selu",
  "relu6",
  "hardSigmoid",
  "swish",
  "gelu",
] as const;
export type ActivationName = (typeof ACTIVATIONS)[number];


/** "0", "2.5", "\"x\"", "nothing": how a message quotes the value it rejects. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  // A value a person typed is quoted as typed (up to 12 decimals), not rounded to 4.
  if (typeof value === "number") return formatNumber(value, { maxDecimals: 12 });
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    // Deeply nested input overflows JSON.stringify's recursion: say what it is instead, so that
    // validation reports an error rather than throwing.
    return Array.isArray(value) ? "a deeply nested list" : "a deeply nested value";
  }
  if (json === undefined) return String(value);
  return json.length > 40 ? `${json.slice(0, 37)}...` : json;
}

function positiveInteger(field: string) {
  const message = (input: unknown) =>
    input === undefined ? `${field} is required (a positive integer)` : `${field} must be a positive integer, got ${describeValue(input)}`;
  return z
    .number({ error: (issue) => message(issue.input) })
    .refine((value) => Number.isInteger(value) && value > 0, { error: (issue) => message(issue.input), abort: true })
    .refine((value) => value <= MAX_DIMENSION, {
      error: (issue) => `${field} is ${describeValue(issue.input)}, above the limit of ${formatNumber(MAX_DIMENSION)}`,
    });
}

/** An int for a square window, or `[height, width]`. */
function windowSize(field: string) {
  return z.union([positiveInteger(field), z.tuple([positiveInteger(field), positiveInteger(field)])], {
    error: (issue) => `${field} must be a positive integer or [height, width], got ${describeValue(issue.input)}`,
  });
}

function oneOf<const T extends readonly [string, ...string[]]>(field: string, options: T) {
  return z.enum(options, {
    error: (issue) => `${field} must be one of ${options.join(", ")}; got ${describeValue(issue.input)}`,
  });
}

const activation = oneOf("activation", ACTIVATIONS);
const padding = oneOf("padding", ["valid", "same"]);
const useBias = z.boolean({ error: (issue) => `useBias must be true or false, got ${describeValue(issue.input)}` }).default(true);
const returnSequences = z
  .boolean({ error: (issue) => `returnSequences must be true or false, got ${describeValue(issue.input)}` })
  .default(false);

export const denseLayerSchema = z.strictObject({
  type: z.literal("dense"),
  units: positiveInteger("units"),
  activation: activation.optional(),
  useBias,
});

export const conv2dLayerSchema = z.strictObject({
  type: z.literal("conv2d"),
  filters: positiveInteger("filters"),
  kernelSize: windowSize("kernelSize"),
  strides: windowSize("strides").default(1),
  padding: padding.default("valid"),
  activation: activation.optional(),
  useBias,
});

const poolingFields = {
  poolSize: windowSize("poolSize").default(2),
  /** Defaults to `poolSize` (Keras, tfjs), resolved where the layer is derived. */
  strides: windowSize("strides").optional(),
  padding: padding.default("valid"),
};
export const maxPool2dLayerSchema = z.strictObject({ type: z.literal("maxPool2d"), ...poolingFields });
export const avgPool2dLayerSchema = z.strictObject({ type: z.literal("avgPool2d"), ...poolingFields });

export const flattenLayerSchema = z.strictObject({ type: z.literal("flatten") });

export const dropoutLayerSchema = z.strictObject({
  type: z.literal("dropout"),
  rate: z
    .number({ error: (issue) => `rate must be a number in [0, 1), got ${describeValue(issue.input)}` })
    .refine((rate) => rate >= 0 && rate < 1, { error: (issue) => `rate must be in [0, 1), got ${describeValue(issue.input)}` }),
});

export const activationLayerSchema = z.strictObject({ type: z.literal("activation"), activation });

export const embeddingLayerSchema = z.strictObject({
  type: z.literal("embedding"),
  inputDim: positiveInteger("inputDim"),
  outputDim: positiveInteger("outputDim"),
});

const recurrentFields = { units: positiveInteger("units"), returnSequences };
export const simpleRnnLayerSchema = z.strictObject({ type: z.literal("simpleRNN"), ...recurrentFields });
export const lstmLayerSchema = z.strictObject({ type: z.literal("lstm"), ...recurrentFields });
export const gruLayerSchema = z.strictObject({ type: z.literal("gru"), ...recurrentFields });

export const batchNormLayerSchema = z.strictObject({ type: z.literal("batchNorm") });

export const layerSpecSchema = z.discriminatedUnion("type", [
  denseLayerSchema,
  conv2dLayerSchema,
  maxPool2dLayerSchema,
  avgPool2dLayerSchema,
  flattenLayerSchema,
  dropoutLayerSchema,
  activationLayerSchema,
  embeddingLayerSchema,
  simpleRnnLayerSchema,
  lstmLayerSchema,
  gruLayerSchema,
  batchNormLayerSchema,
]);

/** The layer types, in the grammar's order (read off the schema, so the two cannot drift apart). */
export const LAYER_TYPES: readonly LayerType[] = layerSpecSchema.options.map((option) => option.shape.type.value);

export const architectureSpecSchema = z.strictObject({
  input: z
    .array(positiveInteger("input dimension"), {
      error: (issue) =>
        issue.input === undefined
          ? "input is required: a shape such as [784] or [32, 32, 3]"
          : `input must be a shape such as [784] or [32, 32, 3], got ${describeValue(issue.input)}`,
    })
    .min(1, { error: "input must have 1 to 3 dimensions, got none" })
    .max(3, { error: (issue) => `input must have 1 to 3 dimensions, got ${describeValue(issue.input)}` }),
  convention: z
    .enum(CONVENTIONS, { error: (issue) => `convention must be "keras" or "pytorch", got ${describeValue(issue.input)}` })
    .default("keras"),
  layers: z
    .array(layerSpecSchema, {
      error: (issue) =>
        issue.input === undefined ? "layers is required: a list of layers" : `layers must be a list of layers, got ${describeValue(issue.input)}`,
    })
    .min(1, { error: "layers is empty: a network needs at least one layer" })
    .max(MAX_LAYERS, {
      error: (issue) => `the spec has ${Array.isArray(issue.input) ? issue.input.length : "too many"} layers; the limit is ${MAX_LAYERS}`,
    }),
});

/** A spec after parsing: defaults filled in (convention, useBias, strides, padding, ...). */
export type ArchitectureSpec = z.output<typeof architectureSpecSchema>;
/** What a person may write: defaults omitted. */
export type ArchitectureSpecInput = z.input<typeof architectureSpecSchema>;
export type LayerSpec = ArchitectureSpec["layers"][number];
export type LayerType = LayerSpec["type"];
export type LayerOf<T extends LayerType> = Extract<LayerSpec, { type: T }>;

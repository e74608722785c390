/**
 * A variant as stored (Review.variant, ExamQuestion.variant): the zod schema of `Variant`
 * (types.ts), so that a stored variant is read back checked rather than cast. The schema is typed
 * against `Variant`, so the two cannot drift apart silently. Texts are not trimmed or limited here:
 * a variant is the engine's output, stored exactly as issued, not an author's input.
 */
import { z } from "zod";
import { architectureSpecSchema } from "../model-core/spec-schema";
import type { CalculatorInput } from "./calculators/types";
import { ARCHITECTURE_ASKS } from "./template-schema";
import type { Variant } from "./types";

const bilingual = z.object({ ko: z.string(), en: z.string() });
const tolerance = z.object({ absolute: z.number(), relative: z.number() });
const matrix = z.array(z.array(z.number()));
const cell = z.object({ row: z.number(), col: z.number() }).nullable();
const activationName = z.enum(["sigmoid", "relu", "tanh"]);
const padding = z.enum(["valid", "same"]);

const expectedAnswerSchema = z.discriminatedUnion("format", [
  z.object({ format: z.literal("integer"), value: z.number() }),
  z.object({ format: z.literal("number"), value: z.number(), tolerance, decimals: z.number().nullable() }),
  z.object({ format: z.literal("shape"), value: z.array(z.number()) }),
  z.object({ format: z.literal("matrix"), value: matrix, tolerance, decimals: z.number().optional() }),
  z.object({ format: z.literal("choice"), value: z.string(), optionCount: z.number() }),
  z.object({ format: z.literal("boolean"), value: z.boolean() }),
  z.object({ format: z.literal("text"), accept: z.array(z.string()) }),
  z.object({ format: z.literal("self"), answer: bilingual }),
]);

const calculatorInputSchema: z.ZodType<CalculatorInput> = z.discriminatedUnion("calculator", [
  z.object({ calculator: z.literal("activation"), fn: activationName, z: z.number(), decimals: z.number() }),
  z.object({
    calculator: z.literal("single-layer-network"),
    x: z.array(z.number()),
    weights: matrix,
    biases: z.array(z.number()),
    beta: z.array(z.number()),
    beta0: z.number(),
    activation: activationName,
    decimals: z.number(),
  }),
  z.object({ calculator: z.literal("conv2d"), image: matrix, filter: matrix, stride: z.number(), padding, cell }),
  z.object({ calculator: z.literal("max-pool"), image: matrix, size: z.number(), stride: z.number(), cell }),
  z.object({ calculator: z.literal("output-size"), layer: z.enum(["conv", "pool"]), input: z.number(), kernel: z.number(), stride: z.number(), padding: z.union([padding, z.number()]) }),
  z.object({ calculator: z.literal("steps-per-epoch"), n: z.number(), batch: z.number(), epochs: z.number() }),
  z.object({ calculator: z.literal("train-test-split"), n: z.number(), testSize: z.number(), part: z.enum(["test", "train"]) }),
  z.object({ calculator: z.literal("dropout"), units: z.number(), rate: z.number(), part: z.enum(["active", "scale"]), decimals: z.number() }),
]);

const verificationSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("architecture"), spec: architectureSpecSchema, ask: z.enum(ARCHITECTURE_ASKS), layerIndex: z.number().nullable() }),
  z.object({ kind: z.literal("calculator"), input: calculatorInputSchema }),
]);

const paramValue = z.union([z.number(), z.string(), matrix]);

export const variantSchema: z.ZodType<Variant> = z.object({
  itemId: z.string(),
  itemType: z.enum(["parametric", "qa", "cloze", "mc", "tf"]),
  concept: z.string(),
  simulation: z.string().nullable(),
  seed: z.number(),
  anchor: z.object({ id: z.string(), label: bilingual, lab: z.boolean() }).nullable(),
  params: z.record(z.string(), paramValue),
  prompt: bilingual,
  choices: z.array(z.object({ letter: z.string(), text: bilingual })).nullable(),
  expectedAnswer: expectedAnswerSchema,
  answerFormat: z.enum(["integer", "number", "shape", "matrix", "choice", "boolean", "text", "self"]),
  solution: bilingual,
  architecture: architectureSpecSchema.nullable(),
  verification: verificationSchema.nullable(),
  mistakes: z.array(z.object({ value: z.union([z.number(), z.array(z.number()), matrix, z.string()]), feedback: bilingual })),
  templateVersion: z.string(),
});

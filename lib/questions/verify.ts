/**
 * Verification: a variant's expected answer (closed form) must equal an independent computation
 * by TensorFlow.js. Architecture answers are checked against a real `tf.sequential` built by the
 * model core (`countWithTfjs`, `verifyArchitecture`, with PyTorch's documented adjustment);
 * calculator answers against tfjs ops or a real `model.fit` (`calculators/tfjs-check.ts`).
 *
 * Identical requests (same filled network and question, same calculator input) are verified once
 * and cached: a dense template draws from a few thousand distinct networks, so most checks of a
 * busy server, and of the harness, are cache hits.
 *
 * Imports tfjs: use from the server, the CLI and tests, never from a page bundle.
 */
import { BoundedCache } from "../bounded-cache";
import { countWithTfjs, pytorchAdjustment, verifyArchitecture } from "../model-core/tfjs";
import type { ArchitectureSpec, LayerSpec } from "../model-core";
import { displayExpected, formatMatrix, formatShape } from "./answer-values";
import { checkCalculatorWithTfjs } from "./calculators/tfjs-check";
import { stableStringify } from "./hash";
import { makeVariant, type VariantOptions } from "./make-variant";
import type { Item } from "./template-schema";
import type { ExpectedAnswer, Variant, VerificationRequest } from "./types";

export interface VerificationOutcome {
  ok: boolean;
  /** What TensorFlow.js (or the exact check) computed, formatted like the expected answer. */
  independent: string;
  /** How it was computed, e.g. "tf.sequential countParams()" or "tf.conv2d". */
  method: string;
  message?: string;
}

type Independent = number | number[] | number[][];

const LAYERS_WITHOUT_BIAS_VECTORS = new Set<LayerSpec["type"]>(["dense", "conv2d", "maxPool2d", "avgPool2d", "flatten", "dropout", "activation", "embedding"]);

/** The same network with every bias switched off (dense and conv2d); other biased layers are refused. */
function withoutBiases(spec: ArchitectureSpec): ArchitectureSpec {
  const layers = spec.layers.map((layer) => {
    if (!LAYERS_WITHOUT_BIAS_VECTORS.has(layer.type)) throw new Error(`cannot verify weights/biases of a ${layer.type} layer with tfjs (only dense, conv2d and weightless layers)`);
    return layer.type === "dense" || layer.type === "conv2d" ? { ...layer, useBias: false } : layer;
  });
  return { ...spec, layers };
}

function architectureIndependent(request: Extract<VerificationRequest, { kind: "architecture" }>): { value: Independent; method: string } {
  const { spec, ask, layerIndex } = request;
  const report = () => {
    const r = verifyArchitecture(spec);
    if (!r.tfjs.agrees) throw new Error(`closed form and tfjs disagree: ${r.notes.join("; ")}`);
    return r;
  };
  const layerAt = <T>(items: readonly T[]): T => {
    const item = layerIndex === null ? undefined : items[layerIndex];
    if (item === undefined) throw new Error(`tfjs has no layer ${layerIndex === null ? "(none asked)" : layerIndex + 1}`);
    return item;
  };
  switch (ask) {
    case "total": {
      const r = report();
      return { value: spec.convention === "keras" ? r.tfjs.total : r.tfjs.total + r.tfjs.difference, method: "tf.sequential countParams()" + (spec.convention === "pytorch" ? " + PyTorch's documented difference" : "") };
    }
    case "trainable": {
      const r = report();
      return { value: spec.convention === "keras" ? r.tfjs.trainable : r.trainable, method: "tfjs trainableWeights" };
    }
    case "layer-params": {
      const counted = countWithTfjs(spec);
      const built = layerAt(counted.layers);
      const layer = layerAt(spec.layers);
      const adjustment = spec.convention === "pytorch" ? pytorchAdjustment(layer, built.outputShape).params : 0;
      return { value: built.params + adjustment, method: "tfjs layer.countParams()" };
    }
    case "output-shape":
      return { value: layerAt(countWithTfjs(spec).layers).outputShape, method: "tfjs layer.outputShape" };
    case "islp-weight-shape": {
      const built = layerAt(countWithTfjs(spec).layers);
      const units = built.outputShape.at(-1) ?? Number.NaN;
      // ISLP's W has one row per input plus the bias row: rows = countParams / units.
      return { value: [built.params / units, units], method: "tfjs countParams() / units" };
    }
    case "weights":
    case "biases": {
      const all = countWithTfjs(spec).total;
      const weightsOnly = countWithTfjs(withoutBiases(spec)).total;
      return { value: ask === "weights" ? weightsOnly : all - weightsOnly, method: "tfjs countParams() with useBias: false" };
    }
    case "convention-difference": {
      const pytorch = verifyArchitecture({ ...spec, convention: "pytorch" });
      const keras = verifyArchitecture({ ...spec, convention: "keras" });
      if (!pytorch.tfjs.agrees || !keras.tfjs.agrees) throw new Error(`closed form and tfjs disagree: ${[...pytorch.notes, ...keras.notes].join("; ")}`);
      return { value: pytorch.tfjs.difference, method: "tfjs countParams() + PyTorch's documented difference" };
    }
  }
}

const CALCULATOR_METHODS: Record<string, string> = {
  activation: "tf.sigmoid / tf.relu / tf.tanh",
  "single-layer-network": "tf.matMul + activation",
  conv2d: "tf.conv2d",
  "max-pool": "tf.maxPool",
  "output-size": "tf.conv2d / tf.maxPool output shape",
  "steps-per-epoch": "onBatchEnd calls of model.fit",
  "train-test-split": "exact rational ⌈n·a/b⌉",
  dropout: "tf.dropout",
};

/** Float32 is what tfjs computes in: agree to 1e-5 relative (or absolute near zero). */
function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-5 * Math.max(1, Math.abs(a), Math.abs(b));
}

function agrees(answer: ExpectedAnswer, value: Independent): boolean {
  switch (answer.format) {
    case "integer":
      return typeof value === "number" && value === answer.value;
    case "number":
      return typeof value === "number" && close(value, answer.value);
    case "shape":
      return Array.isArray(value) && value.length === answer.value.length && value.every((d, i) => d === answer.value[i]);
    case "matrix":
      return (
        Array.isArray(value) &&
        value.length === answer.value.length &&
        value.every((row, i) => Array.isArray(row) && row.length === (answer.value[i]?.length ?? -1) && row.every((cell, j) => close(cell, answer.value[i]?.[j] ?? Number.NaN)))
      );
    default:
      return false;
  }
}

function formatIndependent(value: Independent): string {
  if (typeof value === "number") return String(value);
  if (value.every((item) => typeof item === "number")) return formatShape(value as number[]);
  return formatMatrix(value as number[][]);
}

const CACHE_LIMIT = 20_000;
const cache = new BoundedCache<VerificationOutcome>({ maxEntries: CACHE_LIMIT });

export function verificationCacheSize(): number {
  return cache.size;
}

export function clearVerificationCache(): void {
  cache.clear();
}

/** Checks a variant's expected answer against TensorFlow.js. Static cards need no check (ok). */
export async function verifyVariant(variant: Pick<Variant, "verification" | "expectedAnswer">): Promise<VerificationOutcome> {
  const request = variant.verification;
  if (!request) return { ok: true, independent: "", method: "static card" };
  const key = stableStringify({ request, answer: variant.expectedAnswer });
  const cached = cache.get(key);
  if (cached) return cached;
  let outcome: VerificationOutcome;
  try {
    const { value, method } =
      request.kind === "architecture"
        ? architectureIndependent(request)
        : { value: await checkCalculatorWithTfjs(request.input), method: CALCULATOR_METHODS[request.input.calculator] ?? request.input.calculator };
    const ok = agrees(variant.expectedAnswer, value);
    outcome = { ok, independent: formatIndependent(value), method };
    if (!ok) outcome.message = `closed form ${displayExpected(variant.expectedAnswer)} ≠ ${method} ${formatIndependent(value)}`;
  } catch (error) {
    outcome = { ok: false, independent: "", method: "tfjs", message: (error as Error).message };
  }
  cache.set(key, outcome);
  return outcome;
}

/**
 * `makeVariant` then `verifyVariant`: what the server calls before storing an issued variant
 * (PrairieLearn's `makeAndInsertVariant` minus the insert). Throws when the check fails, so a
 * wrong answer key never reaches a student.
 */
export async function makeVerifiedVariant(item: Item, seed: number, options: VariantOptions = {}): Promise<Variant> {
  const variant = makeVariant(item, seed, options);
  const outcome = await verifyVariant(variant);
  if (!outcome.ok) throw new Error(`variant ${item.id}#${seed} failed verification: ${outcome.message ?? "disagreement"}`);
  return variant;
}

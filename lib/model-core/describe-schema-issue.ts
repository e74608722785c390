import type { z } from "zod";
import { layerLabel } from "./layer-names";
import { LAYER_TYPES, describeValue } from "./spec-schema";

export interface SchemaProblem {
  error: string;
  layerIndex?: number;
  path: (string | number)[];
}

/** How many problems one message names before it only counts the rest. */
export const MAX_NAMED_PROBLEMS = 5;

/**
 * Turns zod's issues into one message that says where ("layer 3 (dense)", "convention") and what
 * is wrong, naming every problem up to MAX_NAMED_PROBLEMS ("…; also layer 4 (dense): units must be
 * a positive integer, got 0"): a message that only said "and 2 more problems" left a person to
 * guess which. `layerIndex` and `path` are the first problem's, where an editor puts the cursor.
 * Zod knows the path but not the layer's type, so the type is read back from the raw input.
 */
export function describeSchemaIssue(issues: readonly z.core.$ZodIssue[], input: unknown): SchemaProblem {
  const [first, ...others] = issues.map((issue) => describeOne(issue, input));
  if (first === undefined) return { error: "the spec is invalid", path: [] };
  const named = [...new Set(others.map((problem) => problem.error))].filter((error) => error !== first.error);
  const shown = named.slice(0, MAX_NAMED_PROBLEMS - 1);
  const unnamed = named.length - shown.length;
  const also = shown.length > 0 ? `; also ${shown.join("; ")}${unnamed > 0 ? ` (and ${unnamed} more)` : ""}` : "";
  return { ...first, error: `${first.error}${also}` };
}

function describeOne(issue: z.core.$ZodIssue, input: unknown): SchemaProblem {
  const path = issue.path.filter((key): key is string | number => typeof key === "string" || typeof key === "number");
  const [top, layerIndex, field] = path;
  if (top === "layers" && typeof layerIndex === "number") {
    const rawLayer = readLayer(input, layerIndex);
    const rawType = isRecord(rawLayer) ? rawLayer.type : undefined;
    const knownType = typeof rawType === "string" && (LAYER_TYPES as readonly string[]).includes(rawType) ? rawType : undefined;
    const label = layerLabel(layerIndex, knownType);
    return { error: `${label}: ${layerMessage(issue, rawLayer, rawType, field)}`, layerIndex, path };
  }
  if (issue.code === "unrecognized_keys" && path.length === 0) {
    return { error: `unknown field ${quoteKeys(issue.keys)} in the spec (expected input, convention, layers)`, path };
  }
  if (issue.code === "invalid_type" && path.length === 0) {
    return { error: `the spec must be an object like {"input": [784], "layers": [...]}, got ${describeValue(input)}`, path };
  }
  return { error: issue.message, path };
}

function layerMessage(issue: z.core.$ZodIssue, rawLayer: unknown, rawType: unknown, field: string | number | undefined): string {
  if (issue.code === "invalid_union" && field === "type") {
    return rawType === undefined
      ? `a layer needs a type (one of ${LAYER_TYPES.join(", ")})`
      : `unknown type ${describeValue(rawType)} (expected one of ${LAYER_TYPES.join(", ")})`;
  }
  if (issue.code === "invalid_type" && field === undefined) {
    return `a layer must be an object like {"type": "dense", "units": 10}, got ${describeValue(rawLayer)}`;
  }
  if (issue.code === "unrecognized_keys") return `unknown field ${quoteKeys(issue.keys)}`;
  return issue.message;
}

function quoteKeys(keys: readonly string[]): string {
  return keys.map((key) => JSON.stringify(key)).join(", ");
}

function readLayer(input: unknown, index: number): unknown {
  if (!isRecord(input) || !Array.isArray(input.layers)) return undefined;
  return (input.layers as unknown[])[index];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

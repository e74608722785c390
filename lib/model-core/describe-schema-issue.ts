import type { z } from "zod";
import { layerLabel } from "./layer-names";
import { LAYER_TYPES, describeValue } from "./spec-schema";

export interface SchemaProblem {
  error: string;
  layerIndex?: number;
  path: (string | number)[];
}

/**
 * Turns zod's first issue into one sentence that says where ("layer 3 (dense)", "convention") and
 * what is wrong. Zod knows the path but not the layer's type, so the type is read back from the raw
 * input when it is one we know.
 */
export function describeSchemaIssue(issues: readonly z.core.$ZodIssue[], input: unknown): SchemaProblem {
  const issue = issues[0];
  if (issue === undefined) return { error: "the spec is invalid", path: [] };
  const path = issue.path.filter((key): key is string | number => typeof key === "string" || typeof key === "number");
  const [top, layerIndex, field] = path;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more ${issues.length === 2 ? "problem" : "problems"})` : "";

  if (top === "layers" && typeof layerIndex === "number") {
    const rawLayer = readLayer(input, layerIndex);
    const rawType = isRecord(rawLayer) ? rawLayer.type : undefined;
    const knownType = typeof rawType === "string" && (LAYER_TYPES as readonly string[]).includes(rawType) ? rawType : undefined;
    const label = layerLabel(layerIndex, knownType);
    return { error: `${label}: ${layerMessage(issue, rawLayer, rawType, field)}${more}`, layerIndex, path };
  }
  if (issue.code === "unrecognized_keys" && path.length === 0) {
    return { error: `unknown field ${quoteKeys(issue.keys)} in the spec (expected input, convention, layers)${more}`, path };
  }
  if (issue.code === "invalid_type" && path.length === 0) {
    return { error: `the spec must be an object like {"input": [784], "layers": [...]}, got ${describeValue(input)}`, path };
  }
  return { error: `${issue.message}${more}`, path };
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

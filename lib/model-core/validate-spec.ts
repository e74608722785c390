import { describeSchemaIssue } from "./describe-schema-issue";
import { propagateShapes } from "./propagate-shapes";
import { architectureSpecSchema, type ArchitectureSpec } from "./spec-schema";

export type SpecValidation =
  | { ok: true; spec: ArchitectureSpec }
  | { ok: false; error: string; layerIndex?: number; path?: (string | number)[] };

/**
 * Parses anything (JSON, YAML output, a form's state) into a spec with defaults filled in, then
 * checks that the layers fit together. `error` is one line naming the layer
 * ("layer 2 (conv2d): kernel 5×5 is larger than its 3×3 input with \"valid\" padding");
 * `layerIndex` is the 0-based position in `layers` (messages count from 1), `path` the field.
 * Never throws.
 */
export function validateSpec(input: unknown): SpecValidation {
  const parsed = architectureSpecSchema.safeParse(input);
  if (!parsed.success) {
    const problem = describeSchemaIssue(parsed.error.issues, input);
    return { ok: false, ...problem };
  }
  const propagation = propagateShapes(parsed.data);
  if (!propagation.ok) {
    const { error, layerIndex } = propagation;
    return layerIndex === undefined ? { ok: false, error } : { ok: false, error, layerIndex, path: ["layers", layerIndex] };
  }
  return { ok: true, spec: parsed.data };
}

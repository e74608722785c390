/**
 * The calculator's form state ("draft") and its two translations: draft → spec object (what
 * `validateSpec` checks, what the URL and the API carry) and spec object → draft (presets, links,
 * text pasted then edited in the form). Fields hold what the person typed, so a half-typed value
 * is still shown and the validator's message ("units must be a positive integer, got \"2x\"")
 * points at it. Pure: no React.
 */
import { ACTIVATIONS, CONVENTIONS, LAYER_TYPES, type Convention, type LayerType } from "@/lib/model-core";
import { nestsDeeperThan } from "./spec-depth";

/** How a field is typed in and turned into a spec value. */
export type FieldKind =
  /** A positive integer (units, filters, inputDim). Empty → omitted → "required". */
  | "count"
  /** An int or "h, w" (kernelSize, poolSize, strides). Empty → omitted (the default applies). */
  | "window"
  /** A number (dropout rate). */
  | "rate"
  /** An activation select; "" means none (omitted). */
  | "activation"
  /** "valid" | "same". */
  | "padding"
  /** A checkbox. */
  | "flag";

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  /** Required fields are never omitted when empty (the validator then says they are required). */
  required?: boolean;
  /** The value a new layer starts with. */
  initial: string | boolean;
  /** The schema's default: the spec leaves the field out when the draft holds it. */
  schemaDefault?: string | boolean;
}

export const LAYER_FIELDS: Readonly<Record<LayerType, readonly FieldSpec[]>> = {
  dense: [
    { name: "units", kind: "count", required: true, initial: "10" },
    { name: "activation", kind: "activation", initial: "" },
    { name: "useBias", kind: "flag", initial: true, schemaDefault: true },
  ],
  conv2d: [
    { name: "filters", kind: "count", required: true, initial: "32" },
    { name: "kernelSize", kind: "window", required: true, initial: "3" },
    { name: "strides", kind: "window", initial: "" },
    { name: "padding", kind: "padding", initial: "same", schemaDefault: "valid" },
    { name: "activation", kind: "activation", initial: "relu" },
    { name: "useBias", kind: "flag", initial: true, schemaDefault: true },
  ],
  maxPool2d: [
    { name: "poolSize", kind: "window", initial: "2" },
    { name: "strides", kind: "window", initial: "" },
    { name: "padding", kind: "padding", initial: "valid", schemaDefault: "valid" },
  ],
  avgPool2d: [
    { name: "poolSize", kind: "window", initial: "2" },
    { name: "strides", kind: "window", initial: "" },
    { name: "padding", kind: "padding", initial: "valid", schemaDefault: "valid" },
  ],
  flatten: [],
  dropout: [{ name: "rate", kind: "rate", required: true, initial: "0.5" }],
  activation: [{ name: "activation", kind: "activation", required: true, initial: "relu" }],
  embedding: [
    { name: "inputDim", kind: "count", required: true, initial: "10000" },
    { name: "outputDim", kind: "count", required: true, initial: "32" },
  ],
  simpleRNN: [
    { name: "units", kind: "count", required: true, initial: "12" },
    { name: "returnSequences", kind: "flag", initial: false, schemaDefault: false },
  ],
  lstm: [
    { name: "units", kind: "count", required: true, initial: "32" },
    { name: "returnSequences", kind: "flag", initial: false, schemaDefault: false },
  ],
  gru: [
    { name: "units", kind: "count", required: true, initial: "32" },
    { name: "returnSequences", kind: "flag", initial: false, schemaDefault: false },
  ],
  batchNorm: [],
};

export type FieldValue = string | boolean;

export interface DraftLayer {
  /** Stable React key; survives reordering. */
  key: string;
  type: LayerType;
  values: Record<string, FieldValue>;
}

export interface Draft {
  /** "784" or "32, 32, 3", as typed. */
  input: string;
  convention: Convention;
  layers: DraftLayer[];
}

export function isLayerType(value: unknown): value is LayerType {
  return typeof value === "string" && (LAYER_TYPES as readonly string[]).includes(value);
}

export function newLayer(type: LayerType, key: string, carry?: DraftLayer): DraftLayer {
  const values: Record<string, FieldValue> = {};
  for (const field of LAYER_FIELDS[type]) {
    const carried = carry?.values[field.name];
    const carriedKind = carry && LAYER_FIELDS[carry.type].find((other) => other.name === field.name)?.kind;
    // Changing dense → lstm keeps the typed units; a field only carries over when it means the same thing.
    values[field.name] = carried !== undefined && carriedKind === field.kind && !(field.required && carried === "") ? carried : field.initial;
  }
  return { key, type, values };
}

/** "784", "32, 32, 3", "3x5", "32×32×3" → the parts; a part that is not a number stays text for the validator to quote. */
function parseNumberList(text: string): (number | string)[] {
  return text
    .trim()
    .split(/\s*[,×xX*]\s*|\s+/)
    .filter((part) => part !== "")
    .map(parseNumber);
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function parseNumber(text: string): number | string {
  const trimmed = text.trim();
  return NUMBER.test(trimmed) ? Number(trimmed) : trimmed;
}

/** The spec value a field contributes, or `undefined` to leave it out. */
export function fieldToSpecValue(field: FieldSpec, value: FieldValue | undefined): unknown {
  if (field.kind === "flag") {
    const flag = value === true;
    return flag === field.schemaDefault ? undefined : flag;
  }
  const text = typeof value === "string" ? value.trim() : "";
  if (text === "") return undefined;
  switch (field.kind) {
    case "count":
    case "rate":
      return parseNumber(text);
    case "window": {
      const parts = parseNumberList(text);
      if (parts.length === 1) return parts[0];
      if (parts.length === 2) return parts;
      return text;
    }
    case "padding":
      return text === field.schemaDefault ? undefined : text;
    case "activation":
      return text;
  }
}

/** The input shape as typed → `[784]`; empty → omitted (the validator says it is required). */
export function inputToSpecValue(text: string): unknown {
  const parts = parseNumberList(text);
  return parts.length === 0 ? undefined : parts;
}

/** The spec object the draft stands for: what is validated, put in the URL and sent to the API. */
export function draftToSpec(draft: Draft): Record<string, unknown> {
  const spec: Record<string, unknown> = {};
  const input = inputToSpecValue(draft.input);
  if (input !== undefined) spec.input = input;
  if (draft.convention !== "keras") spec.convention = draft.convention;
  spec.layers = draft.layers.map((layer) => {
    const out: Record<string, unknown> = { type: layer.type };
    for (const field of LAYER_FIELDS[layer.type]) {
      const value = fieldToSpecValue(field, layer.values[field.name]);
      if (value !== undefined) out[field.name] = value;
    }
    return out;
  });
  return spec;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The text a field shows for a spec value, or `null` when the form cannot show it faithfully. */
function specValueToField(field: FieldSpec, value: unknown): FieldValue | null {
  if (value === undefined) {
    if (field.kind === "flag" || field.kind === "padding") return field.schemaDefault ?? field.initial;
    return "";
  }
  let shown: FieldValue | null = null;
  if (field.kind === "flag") shown = typeof value === "boolean" ? value : null;
  else if (typeof value === "number") shown = String(value);
  else if (typeof value === "string") shown = value;
  else if (field.kind === "window" && Array.isArray(value) && value.length === 2 && value.every((part) => typeof part === "number")) {
    shown = value.join(", ");
  }
  if (shown === null) return null;
  if (field.kind === "activation" && !(ACTIVATIONS as readonly string[]).includes(String(shown))) return null;
  if (field.kind === "padding" && shown !== "valid" && shown !== "same") return null;
  // The field must give back the same value (a string "784" would silently become the number 784).
  const back = fieldToSpecValue(field, shown);
  const same = JSON.stringify(back) === JSON.stringify(value) || (back === undefined && value === field.schemaDefault);
  return same ? shown : null;
}

/**
 * A spec object (valid or not) as a draft, or `null` when the form cannot show it without changing
 * it (an unknown layer type or field, a value of the wrong kind): such specs stay in the text editor.
 */
export function specToDraft(value: unknown, keyPrefix = "layer"): Draft | null {
  if (!isRecord(value) || nestsDeeperThan(value)) return null;
  if (Object.keys(value).some((key) => key !== "input" && key !== "convention" && key !== "layers")) return null;

  let input = "";
  if (value.input !== undefined) {
    if (!Array.isArray(value.input) || value.input.length === 0) return null;
    if (!value.input.every((dim) => typeof dim === "number" || typeof dim === "string")) return null;
    input = value.input.join(", ");
    if (JSON.stringify(inputToSpecValue(input)) !== JSON.stringify(value.input)) return null;
  }

  const convention = value.convention ?? "keras";
  if (!(CONVENTIONS as readonly unknown[]).includes(convention)) return null;

  if (!Array.isArray(value.layers) || value.layers.length === 0) return null;
  const layers: DraftLayer[] = [];
  for (const [index, raw] of (value.layers as unknown[]).entries()) {
    if (!isRecord(raw) || !isLayerType(raw.type)) return null;
    const fields = LAYER_FIELDS[raw.type];
    if (Object.keys(raw).some((key) => key !== "type" && !fields.some((field) => field.name === key))) return null;
    const values: Record<string, FieldValue> = {};
    for (const field of fields) {
      const shown = specValueToField(field, raw[field.name]);
      if (shown === null) return null;
      values[field.name] = shown;
    }
    layers.push({ key: `${keyPrefix}-${index}`, type: raw.type, values });
  }
  return { input, convention: convention as Convention, layers };
}

/** Pretty JSON for the text editor. */
export function specToText(spec: unknown): string {
  return JSON.stringify(spec, null, 2);
}

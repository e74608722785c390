/**
 * What the calculator shows for a candidate spec, computed by the closed form alone (no tfjs):
 * the summary rows, the totals, both conventions, and where the first problem sits. For an
 * invalid spec the rows still show every layer before the failing one (derived), the failing one
 * with its message, and the rest as not yet checked, so the error appears at its layer.
 */
import {
  LAYER_TYPES,
  conventionDifference,
  conventionNotes,
  deriveArchitecture,
  layerNames,
  parseSpecText,
  validateSpec,
  type ArchitectureDerivation,
  type ArchitectureSpec,
  type ConventionDifference,
  type ConventionNote,
  type LayerDerivation,
} from "@/lib/model-core";
import { TOO_DEEP_MESSAGE, nestsDeeperThan } from "./spec-depth";

export type SummaryRow =
  | { kind: "layer"; layer: LayerDerivation }
  | { kind: "error"; index: number; name: string; message: string }
  | { kind: "unchecked"; index: number; name: string };

export interface SpecProblem {
  message: string;
  /** 0-based layer the problem concerns. */
  layerIndex?: number;
  /** The field inside the layer ("units"), or the top-level field ("input", "convention"). */
  field?: string;
}

export type Analysis =
  | { ok: true; spec: ArchitectureSpec; derivation: ArchitectureDerivation; conventions: ConventionDifference; notes: ConventionNote[]; rows: SummaryRow[] }
  | { ok: false; problem: SpecProblem; rows: SummaryRow[]; parseError?: boolean };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function rawLayers(candidate: unknown): unknown[] {
  return isRecord(candidate) && Array.isArray(candidate.layers) ? (candidate.layers as unknown[]) : [];
}

/** "dense_2" as the valid network would name it; a type we do not know is shown as written. */
function rawNames(layers: readonly unknown[]): string[] {
  const types = layers.map((layer) => (isRecord(layer) && typeof layer.type === "string" ? layer.type : undefined));
  const known = types.flatMap((type) => ((LAYER_TYPES as readonly (string | undefined)[]).includes(type) ? [{ type: type as (typeof LAYER_TYPES)[number] }] : []));
  const names = layerNames(known);
  let next = 0;
  return types.map((type) => ((LAYER_TYPES as readonly (string | undefined)[]).includes(type) ? (names[next++] ?? "?") : (type ?? "?").slice(0, 40)));
}

/** Never throws: whatever was typed or linked, the page shows a message rather than crashing. */
export function analyzeCandidate(candidate: unknown): Analysis {
  if (nestsDeeperThan(candidate)) return { ok: false, problem: { message: TOO_DEEP_MESSAGE }, rows: [] };
  try {
    return analyzeChecked(candidate);
  } catch (error) {
    return { ok: false, problem: { message: `the spec could not be checked: ${error instanceof Error ? error.message : String(error)}` }, rows: [] };
  }
}

function analyzeChecked(candidate: unknown): Analysis {
  const validation = validateSpec(candidate);
  if (validation.ok) {
    const derivation = deriveArchitecture(validation.spec);
    return {
      ok: true,
      spec: validation.spec,
      derivation,
      conventions: conventionDifference(validation.spec),
      notes: conventionNotes(validation.spec),
      rows: derivation.layers.map((layer) => ({ kind: "layer", layer })),
    };
  }
  const { error, layerIndex, path } = validation;
  const problem: SpecProblem = { message: error };
  if (layerIndex !== undefined) {
    problem.layerIndex = layerIndex;
    const field = path?.[2];
    if (typeof field === "string") problem.field = field;
  } else if (typeof path?.[0] === "string") {
    problem.field = path[0];
  }
  if (layerIndex === undefined) return { ok: false, problem, rows: [] };

  const layers = rawLayers(candidate);
  const names = rawNames(layers);
  const rows: SummaryRow[] = [];
  if (layerIndex > 0 && isRecord(candidate)) {
    const prefix = validateSpec({ ...candidate, layers: layers.slice(0, layerIndex) });
    if (prefix.ok) rows.push(...deriveArchitecture(prefix.spec).layers.map((layer): SummaryRow => ({ kind: "layer", layer })));
  }
  for (let index = rows.length; index < layers.length; index++) {
    const name = names[index] ?? "?";
    rows.push(index === layerIndex ? { kind: "error", index, name, message: error } : { kind: "unchecked", index, name });
  }
  return { ok: false, problem, rows };
}

/** The text editor's content: YAML or JSON, then the same analysis. */
export function analyzeText(text: string): Analysis & { candidate?: unknown } {
  const parsed = parseSpecText(text);
  if (!parsed.ok) return { ok: false, problem: { message: parsed.error }, rows: [], parseError: true };
  return { ...analyzeCandidate(parsed.value), candidate: parsed.value };
}

/**
 * The calculator's state in the URL, so that a link reproduces the network (and its errors):
 * `?spec=<compact JSON>` for the form, `?text=<the text as typed>` for the YAML/JSON editor,
 * `?preset=<id>` for one of the book's networks. Reading never throws: a link that cannot be read
 * says why and falls back to the default network. Pure: used by the server page and the client.
 */
import { ISLP_ARCHITECTURES } from "@/lib/model-core";
import { draftToSpec, specToDraft, specToText, type Draft } from "./draft";
import { nestsDeeperThan } from "./spec-depth";

export type EditorMode = "form" | "text";

/** Longer parameters are refused before parsing: a spec of 64 layers is about 3 kB, and Node refuses request heads over 16 kB anyway. */
export const MAX_LINK_PARAM_CHARS = 8_000;

export const DEFAULT_PRESET_ID = "figure-10-1";

export type LinkProblem =
  | { kind: "notJson"; detail: string }
  | { kind: "tooLong"; limit: number }
  | { kind: "tooDeep" }
  | { kind: "unknownPreset"; id: string };

export interface CalculatorStart {
  mode: EditorMode;
  draft: Draft;
  text: string;
  /** The preset the state came from, while it is unedited. */
  presetId?: string;
  linkProblem?: LinkProblem;
}

export function presetStart(id: string): CalculatorStart | null {
  const preset = ISLP_ARCHITECTURES.find((candidate) => candidate.id === id);
  const draft = preset ? specToDraft(preset.spec, id) : null;
  if (!preset || !draft) return null;
  return { mode: "form", draft, text: specToText(preset.spec), presetId: id };
}

function fallbackStart(): CalculatorStart {
  const start = presetStart(DEFAULT_PRESET_ID) ?? presetStart(ISLP_ARCHITECTURES[0]?.id ?? "");
  if (start) return start;
  const draft: Draft = { input: "4", convention: "keras", layers: [{ key: "layer-0", type: "dense", values: { units: "1", activation: "", useBias: true } }] };
  return { mode: "form", draft, text: specToText(draftToSpec(draft)) };
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The state a link asks for. `params` are the page's search parameters. */
export function readLink(params: Readonly<Record<string, string | string[] | undefined>>): CalculatorStart {
  const specParam = first(params.spec);
  const textParam = first(params.text);
  const presetParam = first(params.preset);
  const given = specParam ?? textParam ?? presetParam;
  if (given !== undefined && given.length > MAX_LINK_PARAM_CHARS) {
    return { ...fallbackStart(), linkProblem: { kind: "tooLong", limit: MAX_LINK_PARAM_CHARS } };
  }
  if (specParam !== undefined) {
    let value: unknown;
    try {
      value = JSON.parse(specParam) as unknown;
    } catch (error) {
      const detail = error instanceof Error ? error.message.split("\n")[0] ?? "" : String(error);
      return { ...fallbackStart(), linkProblem: { kind: "notJson", detail } };
    }
    if (nestsDeeperThan(value)) return { ...fallbackStart(), linkProblem: { kind: "tooDeep" } };
    const draft = specToDraft(value);
    // A spec the form cannot show faithfully (unknown type, stray field) opens in the text editor, errors and all.
    return draft ? { mode: "form", draft, text: specToText(value) } : { ...fallbackStart(), presetId: undefined, mode: "text", text: specToText(value) };
  }
  if (textParam !== undefined) return { ...fallbackStart(), presetId: undefined, mode: "text", text: textParam };
  if (presetParam !== undefined) {
    return presetStart(presetParam) ?? { ...fallbackStart(), linkProblem: { kind: "unknownPreset", id: presetParam } };
  }
  return fallbackStart();
}

/** The query string (with "?") that reproduces what is on screen. */
export function linkQuery(mode: EditorMode, draft: Draft, text: string): string {
  const params = new URLSearchParams();
  if (mode === "form") params.set("spec", JSON.stringify(draftToSpec(draft)));
  else params.set("text", text);
  return `?${params.toString()}`;
}

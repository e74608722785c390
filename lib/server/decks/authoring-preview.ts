import "server-only";
import { BoundedCache } from "@/lib/bounded-cache";
import { msg, packMessage } from "@/lib/i18n/message";
import type { AppLocale } from "@/lib/i18n/config";
import { translate } from "@/lib/i18n/translate";
import { localizeProblems } from "../platform/http";
import { stringify } from "yaml";
import { z } from "zod";
import { DECK_FILE, deckError, parseDeck, type Deck, type DeckError, type DeckFileText } from "@/lib/content";
import { parseYaml, positionOf } from "@/lib/content/yaml-positions";
import { isTemplate, type Bilingual } from "@/lib/questions";
import type { PreviewVariant as MadeVariant } from "@/lib/questions/harness/preview-variants";
import { requireDeckEditor } from "./authoring";
import { db } from "../platform/db";
import { MAX_FILE_CHARS, workedSolutionProblem } from "./deck-versions";
import { parseDeckVersionFiles } from "../platform/stored-json";
import { previewInWorker } from "./template-pool";
import { typesetWithSolution } from "../review/typeset";
import type { Viewer } from "../accounts/users";

/**
 * The live preview of the editor (docs/architecture.md "Authoring"): the file being typed, parsed against the deck's saved
 * header, with its errors at their lines and, for the template under the cursor, five variants in
 * both languages, each with its expected answer verified by TensorFlow.js, its worked solution and
 * its network. Nothing is stored. Only the header and the ids of the deck's other files are read
 * from the database (and kept while the deck's head version stays the same), so a keystroke costs
 * one parse of one file plus the variants.
 */

export { PREVIEW_VARIANTS } from "@/lib/questions/harness/preview-variants";
/** A variant as the preview shows it: its texts typeset on the server, so the editor loads no KaTeX. */
export type PreviewVariant = ReturnType<typeof typesetWithSolution<MadeVariant>>;

export const previewSchema = z.strictObject(
  {
    deckId: z.string().min(1).max(100),
    path: z
      .string()
      .min(1)
      .max(200)
      .regex(/\.ya?ml$/i, packMessage("request.yamlPath")),
    text: z.string().max(MAX_FILE_CHARS, packMessage("request.fileSize", { kilobytes: MAX_FILE_CHARS / 1024 })),
    /** Preview this item; else the one at `line`; else the file's first template. */
    itemId: z.string().max(100).optional(),
    line: z.number().int().min(1).max(1_000_000).optional(),
    /** The deck.yaml being edited alongside (unsaved), when it differs from the saved one. */
    header: z.string().max(MAX_FILE_CHARS).optional(),
  },
  { error: packMessage("request.send", { example: '{"deckId", "path", "text", "line"?}' }) },
);

export type PreviewInput = z.infer<typeof previewSchema>;

export interface PreviewItemRef {
  id: string;
  kind: "template" | "card";
  line: number;
}

export interface PreviewResult {
  /** Problems of the edited file (and of deck.yaml), by line. */
  errors: DeckError[];
  items: PreviewItemRef[];
  item: { id: string; kind: "template" | "card"; title: Bilingual | null; concept: string; line: number } | null;
  variants: PreviewVariant[];
  /** Problems of the variants (generation, rendering, verification, no worked solution). */
  /** The harness's findings (English) and the editor's own, in the reader's language. */
  problems: string[];
  /** Server time, in milliseconds. */
  ms: number;
}

interface DeckContext {
  key: string;
  header: string;
  /** Item id → file, for items in files other than the edited one. */
  ids: Map<string, string>;
}

const contexts = new BoundedCache<DeckContext>({ maxEntries: 200 });

/** The saved header and item ids of a deck's head version (cached while the head is unchanged). */
async function deckContext(deckId: string): Promise<DeckContext> {
  const head = await db.deckVersion.findFirst({ where: { deckId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true, version: true, createdAt: true } });
  const key = head ? `${head.id}:${head.version}:${head.createdAt.getTime()}` : "none";
  const cached = contexts.get(deckId);
  if (cached && cached.key === key) return cached;
  const files = head ? parseDeckVersionFiles((await db.deckVersion.findUniqueOrThrow({ where: { id: head.id }, select: { files: true } })).files, head.id) : [];
  const ids = new Map<string, string>();
  for (const file of files) {
    if (file.path === DECK_FILE) continue;
    const raw = parseYaml(file.text).parsed.value;
    for (const list of ["templates", "cards"] as const) {
      const items = raw && typeof raw === "object" && list in raw ? (raw as Record<string, unknown>)[list] : undefined;
      if (!Array.isArray(items)) continue;
      for (const item of items) if (item && typeof item === "object" && typeof (item as { id?: unknown }).id === "string") ids.set((item as { id: string }).id, file.path);
    }
  }
  const context = { key, header: files.find((file) => file.path === DECK_FILE)?.text ?? "", ids };
  contexts.set(deckId, context);
  return context;
}

/** The items written in a file with their lines, read from the YAML alone (works on broken files). */
function itemsOfFile(text: string): (PreviewItemRef & { list: "templates" | "cards"; index: number; raw: unknown })[] {
  const { parsed } = parseYaml(text);
  const raw = parsed.value;
  const refs: (PreviewItemRef & { list: "templates" | "cards"; index: number; raw: unknown })[] = [];
  if (!raw || typeof raw !== "object") return refs;
  for (const list of ["templates", "cards"] as const) {
    const items = (raw as Record<string, unknown>)[list];
    if (!Array.isArray(items)) continue;
    items.forEach((item, index) => {
      const id = item && typeof item === "object" && typeof (item as { id?: unknown }).id === "string" ? (item as { id: string }).id : `${list}[${index}]`;
      refs.push({ id, kind: list === "templates" ? "template" : "card", line: positionOf(parsed, [list, index]).line, list, index, raw: item });
    });
  }
  return refs.sort((a, b) => a.line - b.line);
}

function chooseItem<T extends PreviewItemRef>(refs: readonly T[], input: Pick<PreviewInput, "itemId" | "line">): T | undefined {
  if (input.itemId) {
    const named = refs.find((ref) => ref.id === input.itemId);
    if (named) return named;
  }
  if (input.line !== undefined) {
    const before = refs.filter((ref) => ref.line <= input.line!);
    if (before.length > 0) return before[before.length - 1];
  }
  return refs.find((ref) => ref.kind === "template") ?? refs[0];
}

function errorLine(error: DeckError): number {
  return error.line;
}

export async function previewFile(viewer: Viewer, input: PreviewInput, locale: AppLocale = "en"): Promise<PreviewResult> {
  const started = performance.now();
  await requireDeckEditor(viewer, input.deckId);
  const context = await deckContext(input.deckId);
  const path = input.path.replace(/\\/g, "/");
  const editingHeader = path === DECK_FILE;
  const header = editingHeader ? input.text : (input.header ?? context.header);
  const files: DeckFileText[] = editingHeader ? [{ path: DECK_FILE, text: header }] : [{ path: DECK_FILE, text: header }, { path, text: input.text }];
  const parsed = parseDeck(files);
  const errors: DeckError[] = parsed.ok ? [] : parsed.errors.filter((error) => error.file === path || error.file === DECK_FILE);
  const refs = editingHeader ? [] : itemsOfFile(input.text);

  // Ids are unique across the deck's files (the saved ones, other than this file).
  for (const ref of refs) {
    const other = context.ids.get(ref.id);
    if (other !== undefined && other !== path) errors.push(deckError(path, ref.line, msg("deckFile.at", { where: `${ref.list}[${ref.index}] (${ref.id}).id`, problem: msg("deckFile.idInFile", { id: ref.id, file: other }) })));
  }
  errors.sort((a, b) => (a.file === b.file ? errorLine(a) - errorLine(b) : a.file === DECK_FILE ? -1 : 1));

  const chosen = chooseItem(refs, input);
  const result: PreviewResult = { errors: localizeProblems(locale, errors), items: refs.map(({ id, kind, line }) => ({ id, kind, line })), item: null, variants: [], problems: [], ms: 0 };
  if (!chosen) return { ...result, ms: Math.round(performance.now() - started) };

  // The chosen item, when it is sound on its own (a mistake elsewhere in the file does not stop its preview).
  let deck: Deck | null = parsed.ok ? parsed.deck : null;
  if (!deck) {
    const next = refs.find((ref) => ref.line > chosen.line)?.line ?? Number.POSITIVE_INFINITY;
    const ownErrors = errors.some((error) => error.file === path && error.line >= chosen.line && error.line < next);
    const headerErrors = errors.some((error) => error.file === DECK_FILE);
    if (!ownErrors && !headerErrors) {
      const alone = parseDeck([
        { path: DECK_FILE, text: header },
        { path, text: stringify({ [chosen.list]: [chosen.raw] }) },
      ]);
      if (alone.ok) deck = alone.deck;
    }
  }
  const item = deck ? [...deck.templates, ...deck.cards].find((candidate) => candidate.id === chosen.id) : undefined;
  if (!item) return { ...result, ms: Math.round(performance.now() - started) };

  result.item = { id: item.id, kind: isTemplate(item) ? "template" : "card", title: isTemplate(item) ? item.title : null, concept: item.concept, line: chosen.line };
  // Generated and verified in a template worker, within its time budget (template-pool.ts).
  const made = await previewInWorker(item);
  result.problems.push(...made.generation);
  const solution = workedSolutionProblem(item);
  if (solution) result.problems.push(translate(locale, solution));
  for (const problem of made.checks) if (!result.problems.includes(problem)) result.problems.push(problem);
  result.variants.push(...made.variants.map((variant) => typesetWithSolution(variant)));
  result.ms = Math.round(performance.now() - started);
  return result;
}

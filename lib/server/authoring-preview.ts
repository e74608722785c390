import "server-only";
import { stringify } from "yaml";
import { z } from "zod";
import { DECK_FILE, parseDeck, type Deck, type DeckError, type DeckFileText } from "@/lib/content";
import { parseYaml, positionOf } from "@/lib/content/yaml-positions";
import type { ArchitectureSpec } from "@/lib/model-core";
import { displayExpected, isTemplate, makeVariant, variantSeed, type AnswerFormat, type Bilingual, type Choice, type Item, type ParamValues, type Variant } from "@/lib/questions";
import { renderProblems } from "@/lib/questions/harness/render-checks";
import { stableStringify } from "@/lib/questions/hash";
import { requireDeckEditor } from "./authoring";
import { db } from "./db";
import { MAX_FILE_CHARS, parseFiles, workedSolutionProblem } from "./deck-versions";
import type { CurrentUser } from "./users";

/**
 * The live preview of the editor (issue 7): the file being typed, parsed against the deck's saved
 * header, with its errors at their lines and, for the template under the cursor, five variants in
 * both languages, each with its expected answer verified by TensorFlow.js, its worked solution and
 * its network. Nothing is stored. Only the header and the ids of the deck's other files are read
 * from the database (and kept while the deck's head version stays the same), so a keystroke costs
 * one parse of one file plus the variants.
 */

export const PREVIEW_VARIANTS = 5;

export const previewSchema = z.strictObject(
  {
    deckId: z.string().min(1).max(100),
    path: z
      .string()
      .min(1)
      .max(200)
      .regex(/\.ya?ml$/i, "path is the .yaml file being edited."),
    text: z.string().max(MAX_FILE_CHARS, `A file has at most ${MAX_FILE_CHARS / 1024} kB.`),
    /** Preview this item; else the one at `line`; else the file's first template. */
    itemId: z.string().max(100).optional(),
    line: z.number().int().min(1).max(1_000_000).optional(),
    /** The deck.yaml being edited alongside (unsaved), when it differs from the saved one. */
    header: z.string().max(MAX_FILE_CHARS).optional(),
  },
  { error: 'Send {"deckId", "path", "text", "line"?}.' },
);

export type PreviewInput = z.infer<typeof previewSchema>;

export interface PreviewVariant {
  seed: number;
  params: ParamValues;
  prompt: Bilingual;
  choices: Choice[] | null;
  solution: Bilingual;
  expected: string;
  answerFormat: AnswerFormat;
  architecture: ArchitectureSpec | null;
  verification: { ok: boolean; method: string; independent: string; message: string | null };
}

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

const contexts = new Map<string, DeckContext>();

/** The saved header and item ids of a deck's head version (cached while the head is unchanged). */
async function deckContext(deckId: string): Promise<DeckContext> {
  const head = await db.deckVersion.findFirst({ where: { deckId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true, version: true, createdAt: true } });
  const key = head ? `${head.id}:${head.version}:${head.createdAt.getTime()}` : "none";
  const cached = contexts.get(deckId);
  if (cached && cached.key === key) return cached;
  const files = head ? parseFiles((await db.deckVersion.findUniqueOrThrow({ where: { id: head.id }, select: { files: true } })).files) : [];
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
  if (contexts.size > 200) contexts.clear();
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

/** Five variants with distinct numbers (up to three times as many seeds are tried). */
function previewVariants(item: Item): { variants: Variant[]; problems: string[] } {
  const variants: Variant[] = [];
  const problems: string[] = [];
  if (!isTemplate(item)) {
    try {
      variants.push(makeVariant(item, 0));
    } catch (error) {
      problems.push((error as Error).message);
    }
    return { variants, problems };
  }
  const seen = new Set<string>();
  for (let i = 0; i < PREVIEW_VARIANTS * 3 && variants.length < PREVIEW_VARIANTS; i += 1) {
    const seed = variantSeed(item.id, "preview", i);
    try {
      const variant = makeVariant(item, seed);
      // The same numbers twice show nothing new: a template with fewer than five shows what it has.
      const key = stableStringify(variant.params);
      if (seen.has(key)) continue;
      seen.add(key);
      variants.push(variant);
    } catch (error) {
      problems.push(`seed ${seed}: ${(error as Error).message}`);
      if (problems.length >= 3) break;
    }
  }
  return { variants, problems };
}

function errorLine(error: DeckError): number {
  return error.line;
}

export async function previewFile(user: CurrentUser, input: PreviewInput): Promise<PreviewResult> {
  const started = performance.now();
  await requireDeckEditor(user, input.deckId);
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
    if (other !== undefined && other !== path) errors.push({ file: path, line: ref.line, message: `${ref.list}[${ref.index}] (${ref.id}).id: id "${ref.id}" is already used in ${other}` });
  }
  errors.sort((a, b) => (a.file === b.file ? errorLine(a) - errorLine(b) : a.file === DECK_FILE ? -1 : 1));

  const chosen = chooseItem(refs, input);
  const result: PreviewResult = { errors, items: refs.map(({ id, kind, line }) => ({ id, kind, line })), item: null, variants: [], problems: [], ms: 0 };
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
  const [{ verifyVariant }, { quietTfjs }] = await Promise.all([import("@/lib/questions/verify"), import("@/lib/model-core/tfjs")]);
  quietTfjs();
  const made = previewVariants(item);
  result.problems.push(...made.problems);
  const solution = workedSolutionProblem(item);
  if (solution) result.problems.push(solution);
  for (const variant of made.variants) {
    const outcome = await verifyVariant(variant);
    const computed = variant.itemType === "parametric";
    const rendering = [...renderProblems("prompt", variant.prompt, true, computed), ...renderProblems("solution", variant.solution, true, computed)];
    for (const problem of rendering) if (!result.problems.includes(problem)) result.problems.push(problem);
    if (!outcome.ok) result.problems.push(`seed ${variant.seed}: ${outcome.message ?? "verification failed"}`);
    result.variants.push({
      seed: variant.seed,
      params: variant.params,
      prompt: variant.prompt,
      choices: variant.choices,
      solution: variant.solution,
      expected: displayExpected(variant.expectedAnswer),
      answerFormat: variant.answerFormat,
      architecture: variant.architecture,
      verification: { ok: outcome.ok, method: outcome.method, independent: outcome.independent, message: outcome.message ?? null },
    });
  }
  result.ms = Math.round(performance.now() - started);
  return result;
}

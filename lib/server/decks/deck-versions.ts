import "server-only";
import { msg, packMessage, type Message, type MessageParams } from "@/lib/i18n/message";
import { z } from "zod";
import { DECK_FILE, deckError, type Deck, type DeckError, type DeckFileText } from "@/lib/content";
import { english } from "@/lib/i18n/translate";
import { isTemplate, itemVersion, type Item } from "@/lib/questions";
import { PLACEHOLDER } from "@/lib/questions/render-text";
import { definitionOf, parseDeckFiles, requireDeckEditor, type DeckRow } from "./authoring";
import { db } from "../platform/db";
import { cardIdOf, invalidateOpenDecks, itemTypeOf, orderedItems } from "./deck-store";
import { conflict, notFound } from "@/lib/server-shared/errors";
import { parseDeckVersionFiles, parseDeckVersionHarness, type HarnessItemResult, type HarnessRecord } from "../platform/stored-json";
import { harnessInWorker } from "./template-pool";

export type { HarnessItemResult, HarnessRecord };
import { writeTransaction, type Tx } from "../platform/write-tx";
import type { Viewer } from "../accounts/users";

/**
 * Versions of in-app decks (docs/architecture.md "Authoring"). Every save is a version named by the deck's content hash
 * (`parseDeck`'s `version`): saving the same content again is the same version. A save runs the
 * question harness (100 variants of each changed template, verified by TensorFlow.js; results of
 * unchanged items are reused by item version) and stores its summary. Publishing applies a version
 * to the deck's cards, and is refused while any template fails the harness or lacks a worked
 * solution. Retiring a version closes the open (unanswered) reviews issued from it, so that the
 * review queue issues those cards afresh from the current version; graded history is never touched.
 *
 * Issued reviews keep the variant they were given (Review.variant), so publishing never changes
 * a question a student already has.
 */

export const HARNESS_VARIANTS = 100;
/** How many failure/warning details are kept per item (the first ones say what is wrong). */
const DETAILS_KEPT = 5;

export const MAX_FILES = 200;
export const MAX_FILE_CHARS = 256 * 1024;
export const MAX_DECK_CHARS = 2 * 1024 * 1024;

export type VersionStatus = "draft" | "published" | "retired";

/** Why a version cannot be published: `message` in English, `code`/`params` for the reader's language. */
export interface PublishBlocker {
  itemId: string | null;
  where: { file: string; line: number } | null;
  message: string;
  code: string;
  params?: MessageParams;
}

function blocker(itemId: string | null, where: PublishBlocker["where"], message: Message): PublishBlocker {
  return { itemId, where, message: english(message), ...message };
}

export interface VersionSummary {
  version: string;
  status: VersionStatus;
  current: boolean;
  authorName: string | null;
  createdAt: string;
  harness: Pick<HarnessRecord, "variants" | "failures" | "warnings" | "variantsPerTemplate"> | null;
  templates: number;
  cards: number;
}

// ---------------------------------------------------------------------------------------------
// Files

const pathSchema = z
  .string()
  .min(1)
  .max(200, packMessage("request.pathLength", { max: 200 }))
  .transform((path) => path.replace(/\\/g, "/").replace(/^\.?\//, ""))
  .refine((path) => /^(?:[a-z0-9][a-z0-9._-]*\/)*[a-z0-9][a-z0-9._-]*\.ya?ml$/i.test(path) && !path.split("/").includes(".."), {
    error: packMessage("request.deckFilePath"),
  });

export const fileChangeSchema = z.strictObject({
  path: pathSchema,
  /** The file's new text, or null to delete it. */
  text: z.string().max(MAX_FILE_CHARS, packMessage("request.fileSize", { kilobytes: MAX_FILE_CHARS / 1024 })).nullable(),
});

export const saveVersionSchema = z.strictObject(
  {
    /** The version the editor started from; a newer save by someone else is a 409. */
    baseVersion: z.string().max(40).nullable().optional(),
    changes: z.array(fileChangeSchema).min(1, packMessage("request.nothingToSave")).max(MAX_FILES),
  },
  { error: packMessage("request.send", { example: '{"baseVersion": "…", "changes": [{"path": "templates/x.yaml", "text": "…"}]}' }) },
);

export type SaveVersionInput = z.infer<typeof saveVersionSchema>;

/** Applies changes to a set of files (sorted: deck.yaml first, then by path). */
export function applyChanges(files: readonly DeckFileText[], changes: readonly { path: string; text: string | null }[]): DeckFileText[] | { error: Message } {
  const byPath = new Map(files.map((file) => [file.path, file.text]));
  for (const change of changes) {
    if (change.text === null) {
      if (change.path === DECK_FILE) return { error: msg("deck.headerUndeletable") };
      byPath.delete(change.path);
    } else byPath.set(change.path, change.text);
  }
  if (byPath.size > MAX_FILES) return { error: msg("deck.tooManyFiles", { max: MAX_FILES }) };
  const total = [...byPath.values()].reduce((n, text) => n + text.length, 0);
  if (total > MAX_DECK_CHARS) return { error: msg("deck.tooMuchText", { megabytes: MAX_DECK_CHARS / 1024 / 1024 }) };
  return [...byPath.entries()]
    .map(([path, text]) => ({ path, text }))
    .sort((a, b) => (a.path === DECK_FILE ? -1 : b.path === DECK_FILE ? 1 : a.path.localeCompare(b.path)));
}

// ---------------------------------------------------------------------------------------------
// Harness and publish checks

/** Runs the harness on every item whose version has no stored result yet. */
export async function runHarness(deck: Deck, known: ReadonlyMap<string, HarnessItemResult>): Promise<HarnessRecord> {
  const started = performance.now();
  const items: HarnessItemResult[] = [];
  let tested = 0;
  for (const item of [...deck.templates, ...deck.cards]) {
    const version = itemVersion(item);
    const reused = known.get(version);
    if (reused && reused.id === item.id) {
      items.push(reused);
      continue;
    }
    tested += 1;
    // In a template worker, within its time budget (template-pool.ts): never on the request's thread.
    const report = await harnessInWorker(item, HARNESS_VARIANTS);
    const failures = report.details.filter((detail) => detail.level === "failure");
    const warnings = report.details.filter((detail) => detail.level === "warning");
    items.push({
      id: item.id,
      kind: report.kind,
      version,
      variants: report.variants,
      distinct: report.distinct,
      failures: failures.length,
      warnings: warnings.length,
      details: [...failures.slice(0, DETAILS_KEPT), ...warnings.slice(0, DETAILS_KEPT)],
    });
  }
  return {
    variantsPerTemplate: HARNESS_VARIANTS,
    items,
    variants: items.reduce((n, item) => n + item.variants, 0),
    failures: items.reduce((n, item) => n + item.failures, 0),
    warnings: items.reduce((n, item) => n + item.warnings, 0),
    tested,
    ms: Math.round(performance.now() - started),
  };
}

/** Harness results of a deck's earlier versions, by item version. */
async function knownResults(deckId: string): Promise<Map<string, HarnessItemResult>> {
  const rows = await db.deckVersion.findMany({ where: { deckId }, select: { id: true, harness: true }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 20 });
  const known = new Map<string, HarnessItemResult>();
  for (const row of rows) for (const item of parseDeckVersionHarness(row.harness, row.id)?.items ?? []) if (!known.has(item.version)) known.set(item.version, item);
  return known;
}

const MIN_EXPLANATION_CHARACTERS = 12;

/**
 * A worked solution explains the steps in words; `{{@work}}` (added when absent) only shows the
 * computation. A solution that is nothing but placeholders, or a few characters, is not one.
 */
export function workedSolutionProblem(item: Item): Message | null {
  if (!isTemplate(item)) return null;
  for (const language of ["en", "ko"] as const) {
    const words = item.solution[language].replace(PLACEHOLDER, "").replace(/\$[^$]*\$/g, "x").replace(/[\s\p{P}]/gu, "");
    if (words.length < MIN_EXPLANATION_CHARACTERS) return msg("deck.noWorkedSolution", { field: `solution.${language}`, work: "{{@work}}" });
  }
  return null;
}

/** Why a version cannot be published (empty when it can). */
export async function publishBlockers(deck: Deck, harness: HarnessRecord | null): Promise<PublishBlocker[]> {
  const blockers: PublishBlocker[] = [];
  const items = [...deck.templates, ...deck.cards];
  if (items.length === 0) blockers.push(blocker(null, null, msg("deck.empty")));
  const where = (id: string) => deck.locations[id] ?? null;
  for (const item of items) {
    const result = harness?.items.find((entry) => entry.id === item.id && entry.version === itemVersion(item));
    if (!result) blockers.push(blocker(item.id, where(item.id), msg("deck.harnessNotRun", { id: item.id })));
    else if (result.failures > 0) {
      const first = result.details.find((detail) => detail.level === "failure");
      const counts = { id: item.id, failures: result.failures, variants: result.variants };
      const detail = first ? `${first.check}${first.seed !== undefined ? ` #${first.seed}` : ""}: ${first.message}` : "";
      blockers.push(blocker(item.id, where(item.id), first ? msg("deck.harnessFailsAt", { ...counts, detail }) : msg("deck.harnessFails", counts)));
    }
    const solution = workedSolutionProblem(item);
    if (solution) blockers.push(blocker(item.id, where(item.id), msg("deck.itemProblem", { id: item.id, problem: solution })));
  }
  // Pages address questions by item id alone (/practice/<id>), so ids are unique across decks.
  const clashes = await db.card.findMany({
    where: { itemId: { in: items.map((item) => item.id) }, deckId: { not: deck.id }, retired: false },
    select: { itemId: true, deckId: true },
  });
  for (const clash of clashes) blockers.push(blocker(clash.itemId, where(clash.itemId), msg("deck.idUsedByDeck", { id: clash.itemId, deckId: clash.deckId })));
  return blockers;
}

// ---------------------------------------------------------------------------------------------
// Reading versions

export interface HeadVersion {
  version: string;
  status: VersionStatus;
  files: DeckFileText[];
  createdAt: string;
}

function asStatus(value: string): VersionStatus {
  return value === "published" || value === "retired" ? value : "draft";
}

/** The newest saved version of an app deck (what the editor opens). */
export async function headVersion(deckId: string): Promise<HeadVersion | null> {
  const row = await db.deckVersion.findFirst({ where: { deckId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true, version: true, status: true, files: true, createdAt: true } });
  return row ? { version: row.version, status: asStatus(row.status), files: parseDeckVersionFiles(row.files, row.id), createdAt: row.createdAt.toISOString() } : null;
}

export async function listVersions(viewer: Viewer, deckId: string): Promise<VersionSummary[]> {
  const { deck } = await requireDeckEditor(viewer, deckId);
  const rows = await db.deckVersion.findMany({
    where: { deckId },
    select: { id: true, version: true, status: true, authorId: true, createdAt: true, harness: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
  });
  const authors = await db.user.findMany({ where: { id: { in: rows.flatMap((row) => (row.authorId ? [row.authorId] : [])) } }, select: { id: true, name: true } });
  return rows.map((row) => {
    const harness = parseDeckVersionHarness(row.harness, row.id);
    return {
      version: row.version,
      status: asStatus(row.status),
      current: row.version === deck.version,
      authorName: authors.find((author) => author.id === row.authorId)?.name ?? null,
      createdAt: row.createdAt.toISOString(),
      harness: harness ? { variants: harness.variants, failures: harness.failures, warnings: harness.warnings, variantsPerTemplate: harness.variantsPerTemplate } : null,
      templates: harness?.items.filter((item) => item.kind === "template").length ?? 0,
      cards: harness?.items.filter((item) => item.kind === "card").length ?? 0,
    };
  });
}

export interface VersionDetail {
  version: string;
  status: VersionStatus;
  current: boolean;
  files: DeckFileText[];
  harness: HarnessRecord | null;
  blockers: PublishBlocker[];
  items: { id: string; kind: "template" | "card"; concept: string; title: string | null; file: string | null; line: number | null }[];
}

async function loadVersion(deckId: string, version: string) {
  const row = await db.deckVersion.findUnique({ where: { deckId_version: { deckId, version } }, select: { id: true, version: true, status: true, files: true, harness: true } });
  if (!row) throw notFound(msg("deck.noVersion", { deckId, version }));
  return row;
}

export async function versionDetail(viewer: Viewer, deckId: string, version: string): Promise<VersionDetail> {
  const { deck: row } = await requireDeckEditor(viewer, deckId);
  const stored = await loadVersion(deckId, version);
  const files = parseDeckVersionFiles(stored.files, stored.id);
  const parsed = parseDeckFiles(files, deckId);
  const harness = parseDeckVersionHarness(stored.harness, stored.id);
  const deck = parsed.ok ? parsed.deck : null;
  return {
    version: stored.version,
    status: asStatus(stored.status),
    current: row.version === stored.version,
    files,
    harness,
    blockers: deck ? await publishBlockers(deck, harness) : [blocker(null, null, msg("deck.versionUnparsable"))],
    items: deck
      ? [...deck.templates, ...deck.cards].map((item) => ({
          id: item.id,
          kind: isTemplate(item) ? ("template" as const) : ("card" as const),
          concept: item.concept,
          title: isTemplate(item) ? item.title.en : null,
          file: deck.locations[item.id]?.file ?? null,
          line: deck.locations[item.id]?.line ?? null,
        }))
      : [],
  };
}

// ---------------------------------------------------------------------------------------------
// Saving

export type SaveOutcome =
  | { ok: true; version: string; status: VersionStatus; created: boolean; harness: HarnessRecord; blockers: PublishBlocker[] }
  | { ok: false; errors: DeckError[] };

/**
 * Saves the head version with `changes` applied as a new version. 409 when `baseVersion` is not
 * the head any more (another editor saved meanwhile); `{ok: false, errors}` when the files do not
 * parse (nothing is saved: a version is always a valid deck).
 */
export async function saveDeckVersion(viewer: Viewer, deckId: string, input: SaveVersionInput): Promise<SaveOutcome> {
  await requireDeckEditor(viewer, deckId);
  const head = await headVersion(deckId);
  if (input.baseVersion && head && input.baseVersion !== head.version) {
    throw conflict(msg("deck.newerVersion", { version: head.version }));
  }
  const files = applyChanges(head?.files ?? [], input.changes);
  if ("error" in files) return { ok: false, errors: [deckError(input.changes[0]?.path ?? DECK_FILE, 1, files.error)] };
  return saveFiles(viewer, deckId, files, head?.version ?? null);
}

/** Saves a complete set of files as a version of an existing app deck (editor saves and imports). */
export async function saveFiles(viewer: Viewer, deckId: string, files: DeckFileText[], expectedHead: string | null): Promise<SaveOutcome> {
  const parsed = parseDeckFiles(files, deckId);
  if (!parsed.ok) return parsed;
  const deck = parsed.deck;
  const harness = await runHarness(deck, await knownResults(deckId));
  const now = new Date();
  const outcome = await writeTransaction(async (tx) => {
    const head = await tx.deckVersion.findFirst({ where: { deckId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { version: true } });
    if (expectedHead !== null && head && head.version !== expectedHead && head.version !== deck.version) return { raced: true as const };
    const existing = await tx.deckVersion.findUnique({ where: { deckId_version: { deckId, version: deck.version } }, select: { id: true, status: true } });
    if (existing) {
      // The same content saved again (e.g. an edit undone): that version becomes the head again.
      await tx.deckVersion.update({ where: { id: existing.id }, data: { createdAt: now, harness: JSON.stringify(harness) } });
      return { raced: false as const, created: false, status: asStatus(existing.status) };
    }
    await tx.deckVersion.create({ data: { deckId, version: deck.version, files: JSON.stringify(files), authorId: viewer.id, status: "draft", harness: JSON.stringify(harness), createdAt: now } });
    await tx.deck.update({ where: { id: deckId }, data: { updatedAt: now } });
    return { raced: false as const, created: true, status: "draft" as const };
  });
  if (outcome.raced) throw conflict(msg("deck.newerMeanwhile"));
  return { ok: true, version: deck.version, status: outcome.status, created: outcome.created, harness, blockers: await publishBlockers(deck, harness) };
}

// ---------------------------------------------------------------------------------------------
// Publishing and retiring

/** Brings the deck's cards and row in line with `deck` (like loading content/, for an app deck). */
async function applyDeck(tx: Tx, deck: Deck): Promise<void> {
  await tx.deck.update({
    where: { id: deck.id },
    data: {
      title: JSON.stringify(deck.title),
      description: deck.description ? JSON.stringify(deck.description) : null,
      version: deck.version,
      definition: JSON.stringify(definitionOf(deck)),
    },
  });
  const stored = new Map(
    (await tx.card.findMany({ where: { deckId: deck.id }, select: { id: true, version: true, position: true, retired: true } })).map((card) => [card.id, card]),
  );
  const present = new Set<string>();
  for (const [position, item] of orderedItems(deck).entries()) {
    const id = cardIdOf(deck.id, item.id);
    present.add(id);
    const data = { deckId: deck.id, itemId: item.id, itemType: itemTypeOf(item), concept: item.concept, position, version: itemVersion(item), definition: JSON.stringify(item), retired: false };
    const card = stored.get(id);
    if (!card) await tx.card.create({ data: { id, ...data } });
    else if (card.version !== data.version || card.position !== position || card.retired) {
      await tx.card.update({ where: { id }, data });
      if (card.position !== position) await tx.cardState.updateMany({ where: { cardId: id }, data: { position } });
    }
  }
  const gone = [...stored.values()].filter((card) => !present.has(card.id) && !card.retired).map((card) => card.id);
  if (gone.length > 0) await tx.card.updateMany({ where: { id: { in: gone } }, data: { retired: true } });
}

export type PublishOutcome = { ok: true; version: string } | { ok: false; blockers: PublishBlocker[] };

export async function publishVersion(viewer: Viewer, deckId: string, version: string): Promise<PublishOutcome> {
  await requireDeckEditor(viewer, deckId);
  const stored = await loadVersion(deckId, version);
  const parsed = parseDeckFiles(parseDeckVersionFiles(stored.files, stored.id), deckId);
  if (!parsed.ok) return { ok: false, blockers: parsed.errors.map((error) => ({ itemId: null, where: { file: error.file, line: error.line }, message: error.message, code: error.code ?? "deckFile.invalid", params: error.code ? error.params : { detail: error.message } })) };
  const blockers = await publishBlockers(parsed.deck, parseDeckVersionHarness(stored.harness, stored.id));
  if (blockers.length > 0) return { ok: false, blockers };
  await writeTransaction(async (tx) => {
    await applyDeck(tx, parsed.deck);
    await tx.deckVersion.update({ where: { id: stored.id }, data: { status: "published" } });
  });
  invalidateOpenDecks();
  return { ok: true, version };
}

export interface RetireOutcome {
  version: string;
  /** The deck's published version after retiring (null: nothing is published any more). */
  current: string | null;
  /** Open reviews closed, to be issued afresh from the current version. */
  closedReviews: number;
}

/**
 * Retires a version. When it is the published one, the deck falls back to the newest other
 * published version, or to no cards at all. The open (issued, unanswered) reviews whose variant
 * came from an item of the retired version that the current version does not have are closed:
 * the review queue then issues those cards again from the current version.
 */
export async function retireVersion(viewer: Viewer, deckId: string, version: string): Promise<RetireOutcome> {
  const { deck: row } = await requireDeckEditor(viewer, deckId);
  const stored = await loadVersion(deckId, version);
  const retired = parseDeckFiles(parseDeckVersionFiles(stored.files, stored.id), deckId);
  const retiredItemVersions = new Set(retired.ok ? [...retired.deck.templates, ...retired.deck.cards].map(itemVersion) : []);

  let fallback: Deck | null = null;
  let fallbackVersion: string | null = row.version === "" ? null : row.version;
  if (row.version === version) {
    fallbackVersion = null;
    const others = await db.deckVersion.findMany({
      where: { deckId, status: "published", version: { not: version } },
      select: { id: true, version: true, files: true },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    for (const other of others) {
      const parsed = parseDeckFiles(parseDeckVersionFiles(other.files, other.id), deckId);
      if (parsed.ok) {
        fallback = parsed.deck;
        fallbackVersion = other.version;
        break;
      }
    }
  }
  const now = new Date();
  const closedReviews = await writeTransaction(async (tx) => {
    await tx.deckVersion.update({ where: { id: stored.id }, data: { status: "retired" } });
    if (row.version === version) {
      if (fallback) await applyDeck(tx, fallback);
      else {
        await tx.card.updateMany({ where: { deckId, retired: false }, data: { retired: true } });
        await tx.deck.update({ where: { id: deckId }, data: { version: "" } });
      }
    }
    const current = await tx.card.findMany({ where: { deckId, retired: false }, select: { version: true } });
    const kept = new Set(current.map((card) => card.version));
    const stale = [...retiredItemVersions].filter((itemVersionHash) => !kept.has(itemVersionHash));
    if (stale.length === 0) return 0;
    const { count } = await tx.review.updateMany({
      where: { deckId, templateVersion: { in: stale }, gradedAt: null, closedAt: null, status: null, kind: { in: ["review", "new", "redrill"] } },
      data: { closedAt: now },
    });
    return count;
  });
  invalidateOpenDecks();
  return { version, current: fallbackVersion, closedReviews };
}

export type { DeckRow };

import "server-only";
import { msg, packMessage } from "@/lib/i18n/message";
import { z } from "zod";
import { DECK_FILE, deckError, deckErrorMessage, parseDeck, type Deck, type DeckError, type DeckFileText } from "@/lib/content";
import { headerYaml } from "@/lib/content/export-yaml";
import { bilingualSchema, isTemplate, type Bilingual, type StaticCard } from "@/lib/questions";
import { closeReviewsBeyondAccess } from "../review/access-end";
import { db } from "../platform/db";
import { ID_PATTERN, isId } from "@/lib/schemas/ids";
import { invalidateOpenDecks, parseDeckDefinition } from "./deck-store";
import { parseCardDefinition, parseDeckTitle, parseDeckVersionHarness, type StoredDeckDefinition } from "../platform/stored-json";
import { invalidateDeckVisibility } from "./deck-visibility";
import { AppError, conflict, forbidden, notFound } from "@/lib/server-shared/errors";
import type { Viewer } from "../accounts/users";
import { writeTransaction } from "../platform/write-tx";

/**
 * Authoring, the access rules: who may see and edit which deck (docs/architecture.md "Authoring"). Every function takes the
 * acting user and checks it here, in the data layer, whatever page or route called it:
 *
 * - students reach nothing of authoring (403);
 * - an instructor edits the in-app decks they own and those shared with them (DeckEditor);
 * - decks of content/ are edited in git: instructors may read and export them, never edit them;
 * - another instructor's private deck does not exist as far as a stranger can tell (404); a public
 *   one can be read and exported but not edited (403);
 * - only the owner shares a deck, unshares it, or makes it public.
 */

export type DeckRole = "owner" | "editor" | "reader";

export interface DeckRow {
  id: string;
  title: string;
  description: string | null;
  source: string;
  ownerId: string | null;
  isPublic: boolean;
  version: string;
  definition: string;
  updatedAt: Date;
}

export interface DeckAccess {
  deck: DeckRow;
  role: DeckRole;
}

const deckSelect = { id: true, title: true, description: true, source: true, ownerId: true, isPublic: true, version: true, definition: true, updatedAt: true } as const;

export function requireAuthor(viewer: Viewer): void {
  if (viewer.role !== "instructor") throw forbidden(msg("auth.instructorsOnly"));
}

/** The deck and what `viewer` may do with it; 404 when they may not even know it exists. */
export async function deckAccess(viewer: Viewer, deckId: string): Promise<DeckAccess> {
  requireAuthor(viewer);
  if (!isId(deckId)) throw notFound(msg("deck.notFound"));
  const deck = await db.deck.findUnique({ where: { id: deckId }, select: deckSelect });
  if (!deck) throw notFound(msg("deck.notFound"));
  if (deck.source === "app") {
    if (deck.ownerId === viewer.id) return { deck, role: "owner" };
    const shared = await db.deckEditor.findUnique({ where: { deckId_userId: { deckId, userId: viewer.id } }, select: { userId: true } });
    if (shared) return { deck, role: "editor" };
    if (!deck.isPublic) throw notFound(msg("deck.notFound"));
  }
  return { deck, role: "reader" };
}

/** The deck, when `viewer` may edit it: 403 for a content deck or someone else's public deck. */
export async function requireDeckEditor(viewer: Viewer, deckId: string): Promise<DeckAccess> {
  const access = await deckAccess(viewer, deckId);
  if (access.role === "reader") {
    throw forbidden(access.deck.source === "content" ? msg("deck.fromContent") : msg("deck.editorsOnly"));
  }
  return access;
}

export async function requireDeckOwner(viewer: Viewer, deckId: string): Promise<DeckAccess> {
  const access = await requireDeckEditor(viewer, deckId);
  if (access.role !== "owner") throw forbidden(msg("deck.ownerOnly"));
  return access;
}

// ---------------------------------------------------------------------------------------------
// Listing

export interface AuthorDeckSummary {
  id: string;
  title: Bilingual;
  source: "content" | "app";
  role: DeckRole;
  isPublic: boolean;
  /** The published version (content hash), or null when nothing is published yet. */
  publishedVersion: string | null;
  /** The newest saved version and its state, for in-app decks. */
  latest: { version: string; status: string; createdAt: string; failures: number | null } | null;
  templates: number;
  cards: number;
  updatedAt: string;
}

function titleOf(deck: Pick<DeckRow, "id" | "title">): Bilingual {
  return parseDeckTitle(deck.title, deck.id);
}

/** The decks `viewer` edits (owned, then shared), and the decks they may read: content/ and public ones. */
export async function listAuthorDecks(viewer: Viewer): Promise<{ editable: AuthorDeckSummary[]; readable: AuthorDeckSummary[] }> {
  requireAuthor(viewer);
  const shared = await db.deckEditor.findMany({ where: { userId: viewer.id }, select: { deckId: true } });
  const sharedIds = new Set(shared.map((row) => row.deckId));
  const decks = await db.deck.findMany({
    where: { OR: [{ source: "content" }, { isPublic: true }, { ownerId: viewer.id }, { id: { in: [...sharedIds] } }] },
    select: deckSelect,
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
  });
  const ids = decks.map((deck) => deck.id);
  const [counts, versions] = await Promise.all([
    db.card.groupBy({ by: ["deckId", "itemType"], where: { deckId: { in: ids }, retired: false }, _count: { _all: true } }),
    db.deckVersion.findMany({
      where: { deckId: { in: ids } },
      select: { id: true, deckId: true, version: true, status: true, createdAt: true, harness: true },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    }),
  ]);
  const editable: AuthorDeckSummary[] = [];
  const readable: AuthorDeckSummary[] = [];
  for (const deck of decks) {
    const role: DeckRole = deck.source === "app" && deck.ownerId === viewer.id ? "owner" : deck.source === "app" && sharedIds.has(deck.id) ? "editor" : "reader";
    const mine = counts.filter((row) => row.deckId === deck.id);
    const templates = mine.filter((row) => row.itemType === "parametric").reduce((n, row) => n + row._count._all, 0);
    const latest = versions.find((row) => row.deckId === deck.id);
    // An app deck counts what its newest version holds (published or not); a content deck its cards.
    const counted = latest ? harnessCounts(latest) : null;
    const saved = deck.source === "app" ? counted : null;
    const summary: AuthorDeckSummary = {
      id: deck.id,
      title: titleOf(deck),
      source: deck.source === "app" ? "app" : "content",
      role,
      isPublic: deck.isPublic,
      publishedVersion: deck.version === "" ? null : deck.version,
      latest: latest ? { version: latest.version, status: latest.status, createdAt: latest.createdAt.toISOString(), failures: counted?.failures ?? null } : null,
      templates: saved?.templates ?? templates,
      cards: saved?.cards ?? mine.reduce((n, row) => n + row._count._all, 0) - templates,
      updatedAt: deck.updatedAt.toISOString(),
    };
    (role === "reader" ? readable : editable).push(summary);
  }
  // Content decks first among the readable ones: they are the course's own.
  readable.sort((a, b) => (a.source === b.source ? a.id.localeCompare(b.id) : a.source === "content" ? -1 : 1));
  return { editable, readable };
}

/** What a version's harness run counted (null when the harness did not run at save). */
function harnessCounts(version: { id: number; harness: string | null }): { templates: number; cards: number; failures: number } | null {
  const harness = parseDeckVersionHarness(version.harness, version.id);
  if (!harness) return null;
  return { templates: harness.items.filter((item) => item.kind === "template").length, cards: harness.items.filter((item) => item.kind === "card").length, failures: harness.failures };
}

// ---------------------------------------------------------------------------------------------
// Creating a deck

/** Ids the routes under /author/decks and /api/author/decks use for themselves. */
export const RESERVED_DECK_IDS = new Set(["new", "import"]);

export const createDeckSchema = z.strictObject(
  {
    id: z
      .string({ error: packMessage("request.newDeckId") })
      .trim()
      .min(2, packMessage("request.idMin", { min: 2 }))
      .max(60, packMessage("request.idMax", { max: 60 }))
      .regex(ID_PATTERN, packMessage("request.idForm"))
      .refine((id) => !RESERVED_DECK_IDS.has(id), packMessage("request.idReserved")),
    title: bilingualSchema,
    description: bilingualSchema.optional(),
    concepts: z
      .array(
        z.strictObject({
          id: z.string().trim().regex(ID_PATTERN, packMessage("request.conceptIdExample")),
          ko: z.string().trim().min(1, packMessage("request.conceptKo")).max(200),
          en: z.string().trim().min(1, packMessage("request.conceptEn")).max(200),
        }),
      )
      .min(1, packMessage("request.oneConcept"))
      .max(100, packMessage("request.atMostConcepts", { max: 100 })),
  },
  { error: packMessage("request.send", { example: '{"id", "title": {"ko", "en"}, "concepts": [{"id", "ko", "en"}]}' }) },
);

export type CreateDeckInput = z.infer<typeof createDeckSchema>;

export function definitionOf(deck: Deck): StoredDeckDefinition {
  return { concepts: deck.concepts, source: deck.source, description: deck.description };
}

/** The deck header written out as the deck.yaml an instructor would write. */
export function newDeckFiles(input: CreateDeckInput): DeckFileText[] {
  const header = { id: input.id, title: input.title, ...(input.description ? { description: input.description } : {}), concepts: input.concepts };
  const comment = [
    "# The deck's header: its id, title and concepts (the content/ format, lib/content/deck-schema.ts).",
    "# Templates go in templates/*.yaml, static cards in cards/*.yaml.",
  ].join("\n");
  return [{ path: DECK_FILE, text: `${comment}\n${headerYaml(header)}` }];
}

export type DeckFilesOutcome = { ok: true; deck: Deck } | { ok: false; errors: DeckError[] };

/** Parses an app deck's files (paths relative to its folder), and checks that it keeps its id. */
export function parseDeckFiles(files: readonly DeckFileText[], expectedId?: string): DeckFilesOutcome {
  const parsed = parseDeck(files);
  if (!parsed.ok) return parsed;
  if (expectedId !== undefined && parsed.deck.id !== expectedId) {
    return { ok: false, errors: [deckError(DECK_FILE, 1, msg("deck.idCannotChange", { id: expectedId }))] };
  }
  return parsed;
}

/**
 * Creates an in-app deck owned by `viewer` (private, nothing published) with its deck.yaml as the
 * first draft version. 409 when the id is taken by any deck.
 */
export async function createDeck(viewer: Viewer, input: CreateDeckInput): Promise<{ deckId: string; version: string }> {
  requireAuthor(viewer);
  const files = newDeckFiles(input);
  const parsed = parseDeckFiles(files);
  if (!parsed.ok) throw conflict(msg("deck.headerInvalid", { problem: parsed.errors[0] ? deckErrorMessage(parsed.errors[0]) : msg("deck.unknownProblem") }));
  // Nothing to test yet: an empty harness record (deck-versions.ts HarnessRecord).
  const emptyHarness = { variantsPerTemplate: 100, items: [], variants: 0, failures: 0, warnings: 0, tested: 0, ms: 0 };
  return createAppDeck(viewer, parsed.deck, files, emptyHarness);
}

/** Inserts a new app deck with one draft version (used by "new deck" and by imports). */
export async function createAppDeck(viewer: Viewer, deck: Deck, files: readonly DeckFileText[], harness: unknown = null): Promise<{ deckId: string; version: string }> {
  requireAuthor(viewer);
  if (RESERVED_DECK_IDS.has(deck.id)) throw conflict(msg("deck.reserved", { id: deck.id }), { id: [msg("deck.reservedField")] });
  const outcome = await writeTransaction(async (tx) => {
    const taken = await tx.deck.findUnique({ where: { id: deck.id }, select: { id: true } });
    if (taken) return { taken: true as const };
    await tx.deck.create({
      data: {
        id: deck.id,
        title: JSON.stringify(deck.title),
        description: deck.description ? JSON.stringify(deck.description) : null,
        source: "app",
        ownerId: viewer.id,
        isPublic: false,
        version: "",
        definition: JSON.stringify(definitionOf(deck)),
      },
    });
    await tx.deckVersion.create({
      data: { deckId: deck.id, version: deck.version, files: JSON.stringify(files), authorId: viewer.id, status: "draft", harness: harness === null ? null : JSON.stringify(harness) },
    });
    return { taken: false as const };
  });
  if (outcome.taken) throw conflict(msg("deck.taken", { id: deck.id }), { id: [msg("deck.takenField")] });
  return { deckId: deck.id, version: deck.version };
}

// ---------------------------------------------------------------------------------------------
// Settings and sharing

export async function setDeckPublic(viewer: Viewer, deckId: string, isPublic: boolean): Promise<void> {
  await requireDeckOwner(viewer, deckId);
  await writeTransaction((tx) => tx.deck.update({ where: { id: deckId }, data: { isPublic } }));
  invalidateOpenDecks();
  // Made private: every path that reached it through another instructor's class closes at once.
  invalidateDeckVisibility();
  if (!isPublic) await closeReviewsBeyondAccess({ deckIds: [deckId] });
}

export interface DeckEditorEntry {
  userId: string;
  name: string;
  email: string;
}

export async function listDeckEditors(viewer: Viewer, deckId: string): Promise<DeckEditorEntry[]> {
  await requireDeckEditor(viewer, deckId);
  const rows = await db.deckEditor.findMany({ where: { deckId }, select: { userId: true } });
  const users = await db.user.findMany({ where: { id: { in: rows.map((row) => row.userId) } }, select: { id: true, name: true, email: true }, orderBy: { email: "asc" } });
  return users.map((row) => ({ userId: row.id, name: row.name, email: row.email }));
}

/** Shares the deck with another instructor (by e-mail). Only the owner shares; only instructors edit. */
export async function addDeckEditor(viewer: Viewer, deckId: string, email: string): Promise<DeckEditorEntry> {
  const { deck } = await requireDeckOwner(viewer, deckId);
  const target = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, name: true, email: true, role: true } });
  // One answer for "no account" and "not an instructor": the owner learns neither whether an
  // e-mail is registered nor its role (docs/architecture.md, "Security").
  if (!target || target.role !== "instructor") {
    throw new AppError(404, msg("deck.noInstructor", { email }), { email: [msg("deck.noInstructorField")] });
  }
  if (target.id === deck.ownerId) throw conflict(msg("deck.ownAlready"), { email: [msg("deck.ownAlreadyField")] });
  await writeTransaction((tx) => tx.deckEditor.upsert({ where: { deckId_userId: { deckId, userId: target.id } }, create: { deckId, userId: target.id }, update: {} }));
  return { userId: target.id, name: target.name, email: target.email };
}

export async function removeDeckEditor(viewer: Viewer, deckId: string, userId: string): Promise<void> {
  await requireDeckOwner(viewer, deckId);
  await writeTransaction((tx) => tx.deckEditor.deleteMany({ where: { deckId, userId } }));
  // The former editor's classes may have held the deck through their edit right.
  invalidateDeckVisibility();
  await closeReviewsBeyondAccess({ deckIds: [deckId] });
}

// ---------------------------------------------------------------------------------------------
// Reading a deck back as a `Deck` (content decks have no stored files)

/** The deck as the database holds it now: its definition plus its active cards in position order. */
export async function storedDeck(deck: DeckRow): Promise<Deck> {
  const definition = parseDeckDefinition(deck.id, deck.version, deck.definition);
  const cards = await db.card.findMany({ where: { deckId: deck.id, retired: false }, select: { id: true, definition: true }, orderBy: { position: "asc" } });
  const items = cards.map((card) => parseCardDefinition(card.definition, card.id));
  return {
    id: deck.id,
    title: titleOf(deck),
    description: definition.description,
    source: definition.source,
    concepts: definition.concepts,
    templates: items.filter(isTemplate),
    cards: items.filter((item): item is StaticCard => !isTemplate(item)),
    locations: {},
    version: deck.version,
  };
}

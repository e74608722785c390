import "server-only";
import { BoundedCache } from "@/lib/bounded-cache";
import type { Concept, Deck } from "@/lib/content";
import { introductionOrder } from "@/lib/srs";
import { isTemplate, itemVersion, type Bilingual, type Item } from "@/lib/questions";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { announceInvalidation, onInvalidation } from "@/lib/server-shared/platform/cache-invalidation";
import { db } from "../platform/db";
import { readRows, sqlBoolean } from "../platform/direct-sql";
import { visibleDeckIds } from "./deck-visibility";
import type { Viewer } from "../accounts/users";
import { processShared } from "@/lib/server-shared/platform/process-shared";
import { lockKeyForTransaction } from "../platform/row-locks";
import { parseCardDefinition, parseDeckDefinitionColumn, parseDeckTitle, type StoredDeckDefinition } from "../platform/stored-json";

export type { StoredDeckDefinition };

/**
 * Decks in the database: loading the validated decks of content/ (by id and version, idempotent)
 * and reading cards back as question-engine items for the review loop.
 *
 * A card's id is `<deckId>/<itemId>`. Its `definition` is the validated item as JSON, which the
 * engine accepts as written (template-schema.ts), so the item read back hashes to the same version.
 * Cards removed from a deck file are retired, never deleted: students' states and logs keep pointing
 * at them, and a card that comes back is simply un-retired.
 */

export interface CountSummary {
  added: number;
  updated: number;
  unchanged: number;
  retired: number;
}

export interface DeckSyncSummary {
  decks: CountSummary;
  cards: CountSummary;
  /** Decks that were not loaded, one line each (`file: why`), for the person running the load. */
  warnings: string[];
}

/** What Deck.definition holds: everything of the deck but its items. */
export const cardIdOf = (deckId: string, itemId: string) => `${deckId}/${itemId}`;

export function itemTypeOf(item: Item): string {
  return isTemplate(item) ? "parametric" : item.type;
}

/**
 * Introduction order for new cards (a card's position). Course order is the deck's concepts in
 * their written order and, within a concept, the deck's own item order (templates, then cards): a
 * student meets the course as it is taught. lib/srs `introductionOrder` then brings parametric
 * cards forward (at least 2 of the first 5), each kind keeping its course order.
 */
export function orderedItems(deck: Deck): Item[] {
  const items: Item[] = [...deck.templates, ...deck.cards];
  const rank = new Map(deck.concepts.map((concept, index) => [concept.id, index]));
  const courseOrder = items
    .map((item, index) => ({ item, index, concept: rank.get(item.concept) ?? deck.concepts.length }))
    .sort((a, b) => a.concept - b.concept || a.index - b.index)
    .map((entry) => entry.item);
  return introductionOrder(courseOrder, isTemplate);
}

type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** Decks made in /author: content/ never writes over them (nor retires their cards). */
export const IN_APP_SOURCE = "app";

async function syncDeck(tx: Tx, deck: Deck, summary: DeckSyncSummary): Promise<void> {
  const definition: StoredDeckDefinition = { concepts: deck.concepts, source: deck.source, description: deck.description };
  // Instances starting together load the same decks: one at a time per deck (row-locks.ts).
  await lockKeyForTransaction(tx, `content-deck:${deck.id}`);
  const existing = await tx.deck.findUnique({ where: { id: deck.id }, select: { version: true, source: true } });
  // Checked inside the deck's transaction, so an instructor creating the same id meanwhile cannot
  // slip between the check and the write. The in-app deck wins: it has an owner and students' work.
  if (existing?.source === IN_APP_SOURCE) {
    summary.warnings.push(`${deck.file ?? deck.id}: deck id '${deck.id}' is taken by an in-app deck; not loaded`);
    return;
  }
  const deckData = {
    title: JSON.stringify(deck.title),
    description: deck.description ? JSON.stringify(deck.description) : null,
    source: "content",
    isPublic: true,
    version: deck.version,
    definition: JSON.stringify(definition),
  };
  if (!existing) {
    await tx.deck.create({ data: { id: deck.id, ...deckData } });
    summary.decks.added += 1;
  } else if (existing.version !== deck.version) {
    await tx.deck.update({ where: { id: deck.id }, data: deckData });
    summary.decks.updated += 1;
  } else {
    summary.decks.unchanged += 1;
  }

  const stored = new Map(
    (await tx.card.findMany({ where: { deckId: deck.id }, select: { id: true, version: true, position: true, retired: true } })).map((card) => [card.id, card]),
  );
  const present = new Set<string>();
  const items = orderedItems(deck);
  for (const [position, item] of items.entries()) {
    const id = cardIdOf(deck.id, item.id);
    present.add(id);
    const data = {
      deckId: deck.id,
      itemId: item.id,
      itemType: itemTypeOf(item),
      concept: item.concept,
      position,
      version: itemVersion(item),
      definition: JSON.stringify(item),
      retired: false,
    };
    const card = stored.get(id);
    if (!card) {
      await tx.card.create({ data: { id, ...data } });
      summary.cards.added += 1;
    } else if (card.version !== data.version || card.position !== position || card.retired) {
      await tx.card.update({ where: { id }, data });
      // New cards come out of CardState in position order (review-queue.ts): keep the copy in step.
      if (card.position !== position) await tx.cardState.updateMany({ where: { cardId: id }, data: { position } });
      summary.cards.updated += 1;
    } else {
      summary.cards.unchanged += 1;
    }
  }
  const gone = [...stored.values()].filter((card) => !present.has(card.id) && !card.retired).map((card) => card.id);
  if (gone.length > 0) {
    await tx.card.updateMany({ where: { id: { in: gone } }, data: { retired: true } });
    summary.cards.retired += gone.length;
  }
}

export interface SyncOptions {
  /**
   * Retire the cards of content decks that are no longer in `decks` (default true). Pass false when
   * some deck failed to load, so that a typo in a file never hides a whole deck from its students.
   */
  retireMissingDecks?: boolean;
  client?: PrismaClient;
}

/**
 * Brings the database's content decks in line with `decks`: decks and cards are created or updated
 * by id when their version changed, cards no longer written are retired. One transaction per deck,
 * so a crash leaves each deck either as it was or fully loaded. Running it twice changes nothing.
 * A content deck whose id belongs to an in-app deck is skipped with a warning in the summary.
 */
export async function syncContentDecks(decks: readonly Deck[], options: SyncOptions = {}): Promise<DeckSyncSummary> {
  const client = options.client ?? db;
  const zero = (): CountSummary => ({ added: 0, updated: 0, unchanged: 0, retired: 0 });
  const summary: DeckSyncSummary = { decks: zero(), cards: zero(), warnings: [] };
  invalidateOpenDecks();
  for (const deck of decks) {
    await client.$transaction((tx) => syncDeck(tx, deck, summary), { maxWait: 30_000, timeout: 120_000 });
  }
  if (options.retireMissingDecks ?? true) {
    const loaded = decks.map((deck) => deck.id);
    // Only decks that came from content/ can go missing from it: in-app decks are never retired here.
    const missing = await client.deck.findMany({ where: { source: "content", id: { notIn: loaded } }, select: { id: true } });
    for (const deck of missing) {
      const retired = await client.$transaction(
        async (tx) => {
          const { count } = await tx.card.updateMany({ where: { deckId: deck.id, retired: false }, data: { retired: true } });
          return count;
        },
        { maxWait: 30_000, timeout: 120_000 },
      );
      if (retired > 0) summary.decks.retired += 1;
      summary.cards.retired += retired;
    }
  }
  return summary;
}

export function formatSyncSummary(summary: DeckSyncSummary): string {
  const part = (name: string, counts: CountSummary) => {
    const total = counts.added + counts.updated + counts.unchanged;
    return `${total} ${name} (${counts.added} added, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.retired} retired)`;
  };
  const line = `content decks: ${part("decks", summary.decks)}, ${part("cards", summary.cards)}`;
  return [line, ...summary.warnings].join("\n");
}

// ---------------------------------------------------------------------------------------------
// Reading decks and cards back

export interface OpenDeck {
  id: string;
  version: string;
  title: Bilingual;
  concepts: Concept[];
}

const definitionCache = new Map<string, StoredDeckDefinition>();

/** A deck's stored definition (stored-json.ts), parsed once per deck version. */
export function parseDeckDefinition(deckId: string, version: string, json: string): StoredDeckDefinition {
  const key = `${deckId}@${version}`;
  let definition = definitionCache.get(key);
  if (!definition) {
    definition = parseDeckDefinitionColumn(json, deckId);
    definitionCache.set(key, definition);
  }
  return definition;
}

// Decks change when content is loaded at start or an instructor publishes: a few seconds of
// staleness is harmless, and the review queue reads the list on every request.
const DECKS_TTL_MS = 5_000;
const openDecks = processShared("open-decks", (): { cached: { at: number; decks: Promise<OpenDeck[]> } | null } => ({ cached: null }));

/** Forget the cached deck list (after loading or editing decks in this process). */
export function invalidateOpenDecks(): void {
  openDecks.cached = null;
  void announceInvalidation("open-decks", null);
}

onInvalidation("open-decks", () => {
  openDecks.cached = null;
});

/**
 * Every deck in the database with its version, title and concepts (cached for a few seconds). Who
 * may study which is lib/server/decks/deck-visibility.ts's rule.
 */
export function listDecks(): Promise<OpenDeck[]> {
  const now = Date.now();
  let cached = openDecks.cached;
  if (!cached || now - cached.at > DECKS_TTL_MS) {
    const decks = readDecks();
    cached = openDecks.cached = { at: now, decks };
    decks.catch(() => {
      if (openDecks.cached?.decks === decks) openDecks.cached = null;
    });
  }
  return cached.decks;
}

async function readDecks(): Promise<OpenDeck[]> {
  const rows = await db.deck.findMany({
    select: { id: true, version: true, title: true, definition: true },
    orderBy: { id: "asc" },
  });
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    title: parseDeckTitle(row.title, row.id),
    concepts: parseDeckDefinition(row.id, row.version, row.definition).concepts,
  }));
}

/** Concept names by `deckId` then concept id (for feedback and statistics). */
export async function conceptNames(): Promise<Map<string, Map<string, Bilingual>>> {
  const rows = await db.deck.findMany({ select: { id: true, version: true, definition: true } });
  const names = new Map<string, Map<string, Bilingual>>();
  for (const row of rows) {
    const concepts = parseDeckDefinition(row.id, row.version, row.definition).concepts;
    names.set(row.id, new Map(concepts.map((concept) => [concept.id, { ko: concept.ko, en: concept.en }])));
  }
  return names;
}

export interface StoredCard {
  id: string;
  deckId: string;
  itemId: string;
  itemType: string;
  concept: string;
  version: string;
  retired: boolean;
  item: Item;
}

// Parsed items by card id and version: parsing and hashing a template is not free, and the same
// cards are issued all day. Bounded so that authoring churn cannot grow it without limit.
const ITEM_CACHE_LIMIT = 5_000;
const itemCache = new BoundedCache<Item>({ maxEntries: ITEM_CACHE_LIMIT });

/** A card's stored item JSON, parsed once per card version (deck-catalog.ts shares the cache). */
export function parseItem(id: string, version: string, definition: string): Item {
  const key = `${id}@${version}`;
  let item = itemCache.get(key);
  if (!item) {
    item = parseCardDefinition(definition, id);
    itemCache.set(key, item);
  }
  return item;
}

// Stored cards by id and deck version: a card only changes when its deck's version does.
const cardCache = new BoundedCache<StoredCard>({ maxEntries: ITEM_CACHE_LIMIT });

/** `findStoredCard`, remembered for as long as the card's deck keeps `deckVersion`. */
export async function findStoredCardOfDeck(cardId: string, deckVersion: string): Promise<StoredCard | null> {
  const key = `${cardId}@${deckVersion}`;
  const cached = cardCache.get(key);
  if (cached) return cached;
  const card = await findStoredCard(cardId);
  if (card) {
    cardCache.set(key, card);
  }
  return card;
}

/** A card with its item, or null when there is no such card. */
export async function findStoredCard(cardId: string): Promise<StoredCard | null> {
  // Plain SQL on the app's connection (direct-sql.ts): issuing a review looks up a card that is
  // usually not cached yet, and this is half a millisecond cheaper than the ORM call.
  const [row] = await readRows<{ id: string; deckId: string; itemId: string; itemType: string; concept: string; version: string; retired: unknown; definition: string }>(
    Prisma.sql`SELECT "id", "deckId", "itemId", "itemType", "concept", "version", "retired", "definition" FROM "Card" WHERE "id" = ${cardId}`,
  );
  if (!row) return null;
  const { definition, retired, ...card } = row;
  return { ...card, retired: sqlBoolean(retired), item: parseItem(row.id, row.version, definition) };
}

/**
 * The active templates of a concept (optionally of one deck) in the decks `viewer` may see, in
 * authoring order, for "practise these" links: a private deck's titles never reach other users.
 */
export async function conceptTemplates(viewer: Viewer, concept: string, deckId?: string): Promise<{ deckId: string; itemId: string; title: Bilingual }[]> {
  const visible = await visibleDeckIds(viewer);
  const decks = deckId === undefined ? visible : visible.filter((id) => id === deckId);
  if (decks.length === 0) return [];
  const rows = await db.card.findMany({
    where: { concept, itemType: "parametric", retired: false, deckId: { in: decks } },
    select: { id: true, deckId: true, itemId: true, version: true, definition: true },
    orderBy: [{ deckId: "asc" }, { position: "asc" }],
  });
  return rows.map((row) => {
    const item = parseItem(row.id, row.version, row.definition);
    const title = isTemplate(item) ? item.title : { ko: item.id, en: item.id };
    return { deckId: row.deckId, itemId: row.itemId, title };
  });
}

import "server-only";
import { msg } from "@/lib/i18n/message";
import { randomInt } from "node:crypto";
import {
  checkAnswer,
  isTemplate,
  makeVariant,
  VariantError,
  variantSeed,
  type AnswerFormat,
  type Bilingual,
  type Choice,
  type Item,
  type ItemType,
  type Variant,
  type VariantAnchor,
} from "@/lib/questions";
import type { AskedOfNetwork } from "@/lib/questions";
import type { ArchitectureSpec } from "@/lib/model-core";
import { db } from "../platform/db";
import { canSeeDeck, visibleDeckIds } from "./deck-visibility";
import type { Viewer } from "../accounts/users";
import { parseDeckDefinition, parseItem } from "./deck-store";
import { parseDeckDescription, parseDeckTitle } from "../platform/stored-json";
import { AppError, notFound } from "@/lib/server-shared/errors";
import { withArchitectureAsk } from "../review/review-item";
import { isId } from "@/lib/schemas/ids";

/**
 * The deck catalogue for the /decks pages and stateless practice (/practice/<itemId>): decks with
 * their concepts, templates and cards as loaded into the database (deck-store.ts), and variants made
 * and checked from a seed alone. Only public decks and active (non-retired) cards are shown.
 *
 * Practice keeps nothing: the browser holds the seed, the server regenerates the variant from it
 * (makeVariant is a pure function of item and seed) to check an answer. A variant leaves the server
 * without its answer; the answer, solution and network only come back with a check.
 */

const ITEM_TYPES: readonly ItemType[] = ["parametric", "qa", "cloze", "mc", "tf"];

function asItemType(value: string): ItemType {
  return (ITEM_TYPES as readonly string[]).includes(value) ? (value as ItemType) : "qa";
}

// ---------------------------------------------------------------------------------------------
// Decks

export interface DeckListing {
  id: string;
  title: Bilingual;
  description: Bilingual | null;
  concepts: number;
  /** Parametric templates (numbers change every time). */
  templates: number;
  /** Static cards: question/answer, cloze, multiple choice, true/false. */
  cards: number;
}

/** Every deck `viewer` may see (lib/server/decks/deck-visibility.ts) with what it holds, ordered by id. */
export async function listDecks(viewer: Viewer): Promise<DeckListing[]> {
  const visible = await visibleDeckIds(viewer);
  const [decks, counts] = await Promise.all([
    db.deck.findMany({ where: { id: { in: visible } }, select: { id: true, version: true, title: true, description: true, definition: true }, orderBy: { id: "asc" } }),
    db.card.groupBy({ by: ["deckId", "itemType"], where: { retired: false, deckId: { in: visible } }, _count: { _all: true } }),
  ]);
  return decks.map((deck) => {
    const mine = counts.filter((row) => row.deckId === deck.id);
    const templates = mine.filter((row) => row.itemType === "parametric").reduce((sum, row) => sum + row._count._all, 0);
    const all = mine.reduce((sum, row) => sum + row._count._all, 0);
    return {
      id: deck.id,
      title: parseDeckTitle(deck.title, deck.id),
      description: parseDeckDescription(deck.description, deck.id),
      concepts: parseDeckDefinition(deck.id, deck.version, deck.definition).concepts.length,
      templates,
      cards: all - templates,
    };
  });
}

export interface CatalogItem {
  deckId: string;
  itemId: string;
  itemType: ItemType;
  concept: string;
  item: Item;
}

export interface CatalogConcept {
  id: string;
  name: Bilingual;
  templates: CatalogItem[];
  cards: CatalogItem[];
  /** Simulation ids named by the concept's items, in first-named order. */
  simulations: string[];
}

export interface DeckWithConcepts {
  id: string;
  version: string;
  title: Bilingual;
  description: Bilingual | null;
  source: Bilingual | null;
  concepts: CatalogConcept[];
}


/**
 * A deck `viewer` may see, with its concepts in their written order, each with its active templates and cards
 * in authoring order. Items naming a concept the deck does not list come last, under their id.
 */
export async function getDeckWithConcepts(deckId: string, viewer: Viewer): Promise<DeckWithConcepts | null> {
  if (!(await canSeeDeck(viewer, deckId))) return null;
  const deck = await db.deck.findFirst({
    where: { id: deckId },
    select: { id: true, version: true, title: true, description: true, definition: true },
  });
  if (!deck) return null;
  const cards = await db.card.findMany({
    where: { deckId, retired: false },
    select: { id: true, itemId: true, itemType: true, concept: true, version: true, definition: true },
    orderBy: { position: "asc" },
  });
  const definition = parseDeckDefinition(deck.id, deck.version, deck.definition);
  const concepts = new Map<string, CatalogConcept>(
    definition.concepts.map((concept) => [concept.id, { id: concept.id, name: { ko: concept.ko, en: concept.en }, templates: [], cards: [], simulations: [] }]),
  );
  for (const card of cards) {
    let concept = concepts.get(card.concept);
    if (!concept) {
      concept = { id: card.concept, name: { ko: card.concept, en: card.concept }, templates: [], cards: [], simulations: [] };
      concepts.set(card.concept, concept);
    }
    const item = parseItem(card.id, card.version, card.definition);
    const entry: CatalogItem = { deckId, itemId: card.itemId, itemType: asItemType(card.itemType), concept: card.concept, item };
    (entry.itemType === "parametric" ? concept.templates : concept.cards).push(entry);
    if (item.simulation && !concept.simulations.includes(item.simulation)) concept.simulations.push(item.simulation);
  }
  return {
    id: deck.id,
    version: deck.version,
    title: parseDeckTitle(deck.title, deck.id),
    description: definition.description ?? parseDeckDescription(deck.description, deck.id),
    source: definition.source,
    concepts: [...concepts.values()],
  };
}

export interface FoundItem extends CatalogItem {
  deckTitle: Bilingual;
  conceptName: Bilingual;
}

/**
 * An active item of a deck `viewer` may see, by its id (ids are unique across content decks, so
 * `/practice/<itemId>` needs no deck), or null. When two decks share an id, the first deck by id wins.
 */
export async function getItem(itemId: string, viewer: Viewer): Promise<FoundItem | null> {
  if (!isId(itemId)) return null;
  const visible = await visibleDeckIds(viewer);
  const card = await db.card.findFirst({
    where: { itemId, retired: false, deckId: { in: visible } },
    select: {
      id: true,
      deckId: true,
      itemId: true,
      itemType: true,
      concept: true,
      version: true,
      definition: true,
      deck: { select: { version: true, title: true, definition: true } },
    },
    orderBy: { deckId: "asc" },
  });
  if (!card) return null;
  const concept = parseDeckDefinition(card.deckId, card.deck.version, card.deck.definition).concepts.find((c) => c.id === card.concept);
  return {
    deckId: card.deckId,
    itemId: card.itemId,
    itemType: asItemType(card.itemType),
    concept: card.concept,
    item: parseItem(card.id, card.version, card.definition),
    deckTitle: parseDeckTitle(card.deck.title, card.deckId),
    conceptName: concept ? { ko: concept.ko, en: concept.en } : { ko: card.concept, en: card.concept },
  };
}

// ---------------------------------------------------------------------------------------------
// Practice (stateless)

/** Seeds are uint32 (lib/questions variantSeed), so they fit every generator and column. */
export const MAX_SEED = 2 ** 32 - 1;

export function randomSeed(): number {
  return randomInt(0, MAX_SEED + 1);
}

/** The seed of a deck page's sample variant: fixed for the deck's version, different per item. */
export function sampleSeed(deckVersion: string, itemId: string): number {
  return variantSeed(itemId, `deck-sample:${deckVersion}`, 0);
}

/** A prompt as the page shows it, made without verification (no answer leaves the server). */
export function samplePrompt(item: Item, seed: number): Bilingual {
  return makeVariant(item, seed).prompt;
}

export interface PracticeAnchor {
  id: string;
  label: Bilingual;
  /** The lab's own network or numbers ("the lab's network"). */
  lab: boolean;
}

/** A variant as the browser gets it before a check: no expected answer, solution, mistakes or parameters. */
export interface PracticeVariant {
  itemId: string;
  itemType: ItemType;
  seed: number;
  anchor: VariantAnchor | null;
  prompt: Bilingual;
  choices: Choice[] | null;
  answerFormat: AnswerFormat;
  simulation: string | null;
  /** Anchored variants the template offers (the lab's network first). */
  anchors: PracticeAnchor[];
}

export interface PracticeCheckResult {
  /** "revealed": a self-graded card, shown without a check. */
  status: "correct" | "wrong" | "invalid" | "revealed";
  /** How the response was read ("235146"); null when it could not be read. */
  readAs: string | null;
  /** The expected answer for display; null for an unreadable response (which reveals nothing). */
  expected: string | null;
  mistake?: Bilingual;
  /** Why the response could not be read (status "invalid"). */
  reason?: Bilingual;
  /** Worked solution or explanation (Markdown + TeX); null for an unreadable response. */
  solution: Bilingual | null;
  /** The filled-in network for the layer table and diagram; null unless the answer came from one. */
  architecture: ArchitectureSpec | null;
  /** What the question asks of that network. */
  architectureAsk?: AskedOfNetwork;
}

export function anchorsOf(item: Item): PracticeAnchor[] {
  if (!isTemplate(item)) return [];
  const anchors = (item.anchors ?? []).map((anchor) => ({ id: anchor.id, label: anchor.label, lab: anchor.lab ?? false }));
  return [...anchors.filter((anchor) => anchor.lab), ...anchors.filter((anchor) => !anchor.lab)];
}

function checkAnchor(item: Item, anchor: string | undefined): void {
  if (anchor === undefined) return;
  if (!anchorsOf(item).some((known) => known.id === anchor)) {
    const message = isTemplate(item) ? msg("practice.noVariant", { id: item.id, anchor }) : msg("practice.noAnchors", { id: item.id });
    throw new AppError(422, message, { anchor: [message] });
  }
}

/**
 * The variant of `item` for `seed` (and `anchor`), with its answer verified against TensorFlow.js:
 * a variant whose answer key disagrees with tfjs is never shown (500 instead, logged by the caller).
 */
export async function makePracticeVariant(item: Item, seed: number, anchor?: string): Promise<Variant> {
  checkAnchor(item, anchor);
  // tfjs loads only when a variant is actually verified, not for every page of the server.
  const { makeVerifiedVariant } = await import("@/lib/questions/verify");
  try {
    return await makeVerifiedVariant(item, seed, anchor === undefined ? {} : { anchor });
  } catch (error) {
    if (error instanceof VariantError) throw new AppError(422, msg("practice.cannotMakeVariant", { detail: error.message }), { seed: [error.message] });
    throw error;
  }
}

export function toPracticeVariant(item: Item, variant: Variant): PracticeVariant {
  return {
    itemId: variant.itemId,
    itemType: variant.itemType,
    seed: variant.seed,
    anchor: variant.anchor,
    prompt: variant.prompt,
    choices: variant.choices,
    answerFormat: variant.answerFormat,
    simulation: variant.simulation,
    anchors: anchorsOf(item),
  };
}

/** The browser's next variant: a random seed unless one is given. */
export async function practiceVariant(item: Item, options: { seed?: number; anchor?: string } = {}): Promise<PracticeVariant> {
  const seed = options.seed ?? randomSeed();
  return toPracticeVariant(item, await makePracticeVariant(item, seed, options.anchor));
}

/**
 * Regenerates the variant from its seed and checks `response`. An unreadable response is "invalid":
 * it reveals nothing (no answer, no solution), so the student can simply type again.
 */
export async function checkPractice(item: Item, input: { seed: number; anchor?: string; response: string }): Promise<PracticeCheckResult> {
  const variant = await makePracticeVariant(item, input.seed, input.anchor);
  if (variant.answerFormat === "self") {
    return { status: "revealed", readAs: null, expected: null, solution: variant.solution, architecture: variant.architecture, ...withArchitectureAsk(variant) };
  }
  const result = checkAnswer(variant, input.response);
  if (result.status === "invalid") {
    return { status: "invalid", readAs: null, expected: null, solution: null, architecture: null, ...(result.reason ? { reason: result.reason } : {}) };
  }
  return {
    status: result.status,
    readAs: result.readAs,
    expected: result.expected,
    ...(result.mistake ? { mistake: result.mistake } : {}),
    solution: variant.solution,
    architecture: variant.architecture,
    ...withArchitectureAsk(variant),
  };
}

/** `getItem` for route handlers: 404 with a message when there is no such question. */
export async function requireItem(itemId: string, viewer: Viewer): Promise<FoundItem> {
  const found = await getItem(itemId, viewer);
  if (!found) throw notFound(msg("practice.noQuestion", { id: itemId.slice(0, 100) }));
  return found;
}

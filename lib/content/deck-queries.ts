/**
 * Read-only questions about loaded decks, for pages and the database loader: find an item by id,
 * list concepts with what covers them, count what a deck holds.
 */
import { isTemplate, type Item, type StaticCard, type Template } from "../questions/template-schema";
import type { Bilingual } from "../questions/types";
import type { Concept, Deck } from "./deck-schema";

export interface FoundItem<T extends Item = Item> {
  deck: Deck;
  item: T;
}

/** Any item (template or card) by id, across decks. */
export function findItem(decks: readonly Deck[], id: string): FoundItem | undefined {
  for (const deck of decks) {
    const item: Item | undefined = deck.templates.find((t) => t.id === id) ?? deck.cards.find((c) => c.id === id);
    if (item) return { deck, item };
  }
  return undefined;
}

export function findTemplate(decks: readonly Deck[], id: string): FoundItem<Template> | undefined {
  const found = findItem(decks, id);
  return found && isTemplate(found.item) ? { deck: found.deck, item: found.item } : undefined;
}

export function findCard(decks: readonly Deck[], id: string): FoundItem<StaticCard> | undefined {
  const found = findItem(decks, id);
  return found && !isTemplate(found.item) ? { deck: found.deck, item: found.item } : undefined;
}

export function findDeck(decks: readonly Deck[], id: string): Deck | undefined {
  return decks.find((deck) => deck.id === id);
}

export interface ConceptEntry {
  concept: Concept;
  name: Bilingual;
  templates: Template[];
  cards: StaticCard[];
}

/** The deck's concepts in their written order, each with the templates and cards that name it. */
export function listConcepts(deck: Deck): ConceptEntry[] {
  return deck.concepts.map((concept) => ({
    concept,
    name: { ko: concept.ko, en: concept.en },
    templates: deck.templates.filter((t) => t.concept === concept.id),
    cards: deck.cards.filter((c) => c.concept === concept.id),
  }));
}

/** Every item of a deck, templates first, in file order. */
export function deckItems(deck: Deck): Item[] {
  return [...deck.templates, ...deck.cards];
}

export interface DeckSummary {
  id: string;
  title: Bilingual;
  templates: number;
  staticCards: number;
  /** Concepts that at least one template or card names. */
  coveredConcepts: string[];
  /** Concepts in deck.yaml that nothing names yet. */
  uncoveredConcepts: string[];
  version: string;
}

export function summarizeDeck(deck: Deck): DeckSummary {
  const named = new Set(deckItems(deck).map((item) => item.concept));
  return {
    id: deck.id,
    title: deck.title,
    templates: deck.templates.length,
    staticCards: deck.cards.length,
    coveredConcepts: deck.concepts.filter((c) => named.has(c.id)).map((c) => c.id),
    uncoveredConcepts: deck.concepts.filter((c) => !named.has(c.id)).map((c) => c.id),
    version: deck.version,
  };
}

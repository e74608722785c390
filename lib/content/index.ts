/**
 * Decks: the YAML format, parsing with line-accurate errors, and queries over loaded decks.
 * Pure (safe for any bundle). Reading folders from disk is `./load-decks` (`loadDecksFromDir`),
 * kept apart because it imports `node:fs`.
 */
export { DECK_FILE, deckError, deckErrorMessage, formatDeckError, type Concept, type Deck, type DeckError, type DeckHeader, type SourceLocation } from "./deck-schema";
export { parseDeck, type DeckFileText, type DeckParse } from "./parse-deck";
export {
  deckItems,
  findCard,
  findDeck,
  findItem,
  findTemplate,
  listConcepts,
  summarizeDeck,
  type ConceptEntry,
  type DeckSummary,
  type FoundItem,
} from "./deck-queries";

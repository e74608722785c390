import { describe, expect, it } from "vitest";
import path from "node:path";
import type { Deck } from "@/lib/content";
import { loadDecksFromDir } from "@/lib/content/load-decks";
import { isTemplate } from "@/lib/questions";
import { makeUser } from "../testing/authoring-fixtures";
import { createAppDeck } from "./authoring";
import { db } from "../platform/db";
import { cardIdOf, findStoredCard, formatSyncSummary, orderedItems, syncContentDecks } from "./deck-store";
import { EXTRA_CARD, testDeck } from "../testing/review-fixtures";

const IN_APP_CARD = { id: "authored-in-app", concept: "facts", type: "tf", statement: { ko: "참인 문장", en: "A true statement" }, answer: true, explanation: { ko: "설명", en: "Why" } };

/** An instructor's deck made in /author with one published card, as the authoring API leaves it. */
async function inAppDeck(deck: Deck): Promise<{ ownerId: string; cardId: string }> {
  const owner = await makeUser("instructor");
  await createAppDeck(owner, deck, [{ path: "deck.yaml", text: "# in the app" }]);
  const cardId = cardIdOf(deck.id, "authored-in-app");
  await db.card.create({
    data: { id: cardId, deckId: deck.id, itemId: "authored-in-app", itemType: "tf", concept: "facts", position: 0, version: "app-v1", definition: JSON.stringify(IN_APP_CARD) },
  });
  return { ownerId: owner.id, cardId };
}

describe("syncContentDecks", () => {
  it("creates a deck and its cards, and a second run changes nothing", async () => {
    const deck = testDeck();
    const first = await syncContentDecks([deck], { retireMissingDecks: false });
    expect(first.decks).toEqual({ added: 1, updated: 0, unchanged: 0, retired: 0 });
    expect(first.cards).toEqual({ added: 3, updated: 0, unchanged: 0, retired: 0 });
    const second = await syncContentDecks([deck], { retireMissingDecks: false });
    expect(second.decks).toEqual({ added: 0, updated: 0, unchanged: 1, retired: 0 });
    expect(second.cards).toEqual({ added: 0, updated: 0, unchanged: 3, retired: 0 });
    expect(formatSyncSummary(second)).toBe(
      "content decks: 1 decks (0 added, 0 updated, 1 unchanged, 0 retired), 3 cards (0 added, 0 updated, 3 unchanged, 0 retired)",
    );
  });

  it("orders cards by the deck's concepts, then by the deck's own item order", async () => {
    const deck = testDeck();
    expect(orderedItems(deck).map((item) => item.id)).toEqual(["single-params", "what-is-relu", "relu-linear"]);
    await syncContentDecks([deck], { retireMissingDecks: false });
    const cards = await db.card.findMany({ where: { deckId: deck.id }, orderBy: { position: "asc" }, select: { itemId: true, itemType: true, concept: true } });
    expect(cards).toEqual([
      { itemId: "single-params", itemType: "parametric", concept: "counting" },
      { itemId: "what-is-relu", itemType: "qa", concept: "facts" },
      { itemId: "relu-linear", itemType: "tf", concept: "facts" },
    ]);
  });

  it("introduces the course deck with at least 2 parametric cards among the first 5 new cards", async () => {
    const loaded = await loadDecksFromDir(path.resolve(__dirname, "../../../content/decks"));
    const course = loaded.decks.find((deck) => deck.id === "islp-ch10");
    if (!course) throw new Error("course deck not loaded");
    const firstFive = orderedItems(course).slice(0, 5);
    expect(firstFive.filter(isTemplate).length).toBeGreaterThanOrEqual(2);
    // Each kind keeps the course order: the conceptual cards still open with the first concept.
    expect(firstFive[0]?.concept).toBe(course.concepts[0]?.id);
  });

  it("adds new items, retires removed ones, and brings a returning item back", async () => {
    const id = `t-sync-${Date.now().toString(36)}`;
    await syncContentDecks([testDeck({ id })], { retireMissingDecks: false });
    const grown = await syncContentDecks([testDeck({ id, extraCards: EXTRA_CARD })], { retireMissingDecks: false });
    expect(grown.decks.updated).toBe(1);
    expect(grown.cards).toMatchObject({ added: 1, unchanged: 3 });

    const shrunk = await syncContentDecks([testDeck({ id, withTemplate: false })], { retireMissingDecks: false });
    expect(shrunk.cards.retired).toBe(2);
    expect((await findStoredCard(cardIdOf(id, "single-params")))?.retired).toBe(true);
    expect((await findStoredCard(cardIdOf(id, "mnist-inputs")))?.retired).toBe(true);

    const back = await syncContentDecks([testDeck({ id })], { retireMissingDecks: false });
    expect(back.cards.retired).toBe(0);
    const card = await findStoredCard(cardIdOf(id, "single-params"));
    expect(card?.retired).toBe(false);
    expect(card?.item.id).toBe("single-params");
  });

  it("updates a card whose definition changed and keeps its id", async () => {
    const id = `t-edit-${Date.now().toString(36)}`;
    await syncContentDecks([testDeck({ id })], { retireMissingDecks: false });
    const before = await findStoredCard(cardIdOf(id, "single-params"));
    const edited = testDeck({ id, title: "Renamed deck" });
    const result = await syncContentDecks([edited], { retireMissingDecks: false });
    expect(result.decks.updated).toBe(1);
    expect(result.cards.unchanged).toBe(3);
    expect((await findStoredCard(cardIdOf(id, "single-params")))?.version).toBe(before?.version);
    expect(JSON.parse((await db.deck.findUniqueOrThrow({ where: { id } })).title)).toEqual({ ko: "시험 덱", en: "Renamed deck" });
  });

  it("never writes over an in-app deck with the same id: skips it, says so, and still loads the others", async () => {
    const clash = testDeck();
    const { ownerId, cardId } = await inAppDeck(clash);
    const before = await db.deck.findUniqueOrThrow({ where: { id: clash.id } });
    const other = testDeck();

    const summary = await syncContentDecks([clash, other], { retireMissingDecks: false });
    const warning = `${clash.id}/deck.yaml: deck id '${clash.id}' is taken by an in-app deck; not loaded`;
    expect(summary.warnings).toEqual([warning]);
    expect(summary.decks).toEqual({ added: 1, updated: 0, unchanged: 0, retired: 0 });
    expect(formatSyncSummary(summary).split("\n")).toEqual([expect.stringMatching(/^content decks: 1 decks/), warning]);

    expect(await db.deck.findUniqueOrThrow({ where: { id: clash.id } })).toEqual(before);
    expect(before).toMatchObject({ source: "app", ownerId, isPublic: false });
    const cards = await db.card.findMany({ where: { deckId: clash.id }, select: { id: true, version: true, retired: true } });
    expect(cards).toEqual([{ id: cardId, version: "app-v1", retired: false }]);
    expect(await db.card.count({ where: { deckId: other.id } })).toBe(3);
    // Loading again says the same and still changes nothing.
    expect((await syncContentDecks([clash], { retireMissingDecks: false })).warnings).toEqual([warning]);
    expect(await db.deck.findUniqueOrThrow({ where: { id: clash.id } })).toEqual(before);
  });

  it("retires the cards of a content deck that is gone, only when asked to, and never an in-app deck's", async () => {
    const gone = testDeck();
    const kept = testDeck();
    const { cardId: appCard } = await inAppDeck(testDeck());
    await syncContentDecks([gone, kept], { retireMissingDecks: false });
    // Other test files load decks into the same database, so only look at these two.
    await syncContentDecks([kept], { retireMissingDecks: false });
    expect(await db.card.count({ where: { deckId: gone.id, retired: false } })).toBe(3);
    const everyOtherContentDeck = await db.deck.findMany({ where: { source: "content", id: { notIn: [gone.id, kept.id] } }, select: { id: true } });
    // Emulate "only `kept` is left in content/" for this pair without touching other files' decks.
    await db.deck.updateMany({ where: { id: { in: everyOtherContentDeck.map((d) => d.id) } }, data: { source: "content-elsewhere" } });
    try {
      const result = await syncContentDecks([kept]);
      expect(result.cards.retired).toBeGreaterThanOrEqual(3);
      expect(await db.card.count({ where: { deckId: gone.id, retired: false } })).toBe(0);
      expect(await db.card.count({ where: { deckId: kept.id, retired: false } })).toBe(3);
      // The in-app deck is not in content/ either, and keeps its cards.
      expect((await findStoredCard(appCard))?.retired).toBe(false);
    } finally {
      await db.deck.updateMany({ where: { source: "content-elsewhere" }, data: { source: "content" } });
    }
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeVariant } from "@/lib/questions";
import { testDeck } from "../testing/review-fixtures";
import { evaluateResponse, storedAnswer, toReviewItem, type ReviewRow } from "./review-item";

const deck = testDeck();
const template = deck.templates[0]!;
const variant = makeVariant(template, 42);
const p = Number(variant.params.p);
const K = Number(variant.params.K);
// The template's own formula and its listed mistake, computed here from the drawn parameters.
const correct = (p + 1) * K + (K + 1);
const forgotBiases = p * K + K;

const row = (stored: Partial<ReviewRow>): ReviewRow => ({
  id: "r1",
  cardId: "c1",
  deckId: deck.id,
  kind: "new",
  variant: JSON.stringify(variant),
  issuedAt: new Date("2026-12-07T03:00:00Z"),
  status: null,
  response: null,
  durationMs: null,
  ...stored,
});

describe("review-item", () => {
  it("uses no database: no value import of the client, SQL or transactions", () => {
    const source = readFileSync(path.join(import.meta.dirname, "review-item.ts"), "utf8");
    const valueImports = [...source.matchAll(/^import (?!type )[^;]*? from "([^"]+)";$/gm)].map((match) => match[1]);
    expect(valueImports.length).toBeGreaterThan(3);
    expect(valueImports.filter((specifier) => /platform\/(db|direct-sql|write-tx|row-locks)$|generated\/prisma/.test(specifier ?? ""))).toEqual([]);
  });

  it("judges a response against the variant as issued", () => {
    expect(evaluateResponse(variant, String(correct), 8000)).toMatchObject({ status: "correct", expected: String(correct), durationMs: 8000 });
    const wrong = evaluateResponse(variant, String(forgotBiases), 8000);
    expect(wrong).toMatchObject({ status: "wrong", mistake: { en: "You left out the biases." } });
    // A listed mistake is a near miss: grade 2, not the 1 of any other wrong answer.
    expect(wrong.suggestedGrade).toBe(2);
    expect(evaluateResponse(variant, String(correct + 1000), 8000).suggestedGrade).toBe(1);
  });

  it("reveals nothing for an unreadable response", () => {
    expect(evaluateResponse(variant, "many", 8000)).toMatchObject({ status: "invalid", expected: null, solution: null, suggestedGrade: null, durationMs: null });
  });

  it("gives back a stored answer as it was judged, and none for an unanswered or unreadable one", () => {
    expect(storedAnswer(row({ status: "correct", response: String(correct), durationMs: 8000 }))).toEqual(evaluateResponse(variant, String(correct), 8000));
    expect(storedAnswer(row({}))).toBeNull();
    expect(storedAnswer(row({ status: "invalid", response: "many" }))).toBeNull();
  });

  it("makes the API's item from a stored review and the open decks", () => {
    const open = [{ id: deck.id, version: "v1", title: deck.title, concepts: deck.concepts }];
    const item = toReviewItem(row({}), open);
    expect(item).toMatchObject({ reviewId: "r1", cardId: "c1", deckId: deck.id, kind: "new", concept: "counting", conceptName: { en: "Counting parameters" }, answer: null });
    expect(item.deckTitle).toEqual(deck.title);
    // A deck no longer open leaves the names out but still shows the question.
    expect(toReviewItem(row({}), [])).toMatchObject({ conceptName: null, deckTitle: null, prompt: variant.prompt });
  });
});

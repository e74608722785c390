/**
 * The notations the course notes and ISLP write are correct answers: `(z)_+` and `max(z, 0)` for
 * the ReLU (ISLP §10.1 writes `(z)_+`, the notes `max(0, z)`), `60k` for MNIST's 60,000 training
 * images (the notes' own "60,000(60k)"). Checked on the real deck through the real checker.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkAnswer } from "../questions/check-answer";
import { makeVariant } from "../questions/make-variant";
import { findCard } from "./deck-queries";
import type { Deck } from "./deck-schema";
import { loadDecksFromDir } from "./load-decks";

let decks: Deck[];

beforeAll(async () => {
  decks = (await loadDecksFromDir(path.resolve(__dirname, "../../content/decks"))).decks;
});

function statusOf(cardId: string, response: string): string {
  const found = findCard(decks, cardId);
  if (!found) throw new Error(`no card ${cardId}`);
  return checkAnswer(makeVariant(found.item, 0), response).status;
}

describe("answers in the notes' and the book's notation", () => {
  it.each([
    ["relu-definition", "max(0, z)", "correct"],
    ["relu-definition", "max(0,z)", "correct"],
    ["relu-definition", "max(z,0)", "correct"],
    ["relu-definition", "max(z, 0)", "correct"],
    ["relu-definition", "(z)_+", "correct"],
    ["relu-definition", "(z)+", "correct"],
    ["relu-definition", "MAX(0, Z)", "correct"],
    ["relu-definition", "min(0, z)", "wrong"],
    ["relu-definition", "(z)_-", "wrong"],
    ["mnist-train-size", "60,000", "correct"],
    ["mnist-train-size", "60000", "correct"],
    ["mnist-train-size", "60k", "correct"],
    ["mnist-train-size", "60K", "correct"],
    ["mnist-train-size", "６０ｋ", "correct"],
    ["mnist-train-size", "60k개", "correct"],
    ["mnist-train-size", "50k", "wrong"],
    ["mnist-train-size", "6k", "wrong"],
    ["mnist-train-size", "k", "invalid"],
  ])("%s: %s is %s", (cardId, response, expected) => {
    expect(statusOf(cardId, response)).toBe(expected);
  });
});

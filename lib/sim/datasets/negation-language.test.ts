import { describe, expect, it } from "vitest";
import { createRandom } from "../random/seeded-random";
import { bagOfWords, drawSentences, encodeSentences, NOT_INDEX, readSentiment, SENTENCE_LENGTH, VOCABULARY, VOCABULARY_SIZE } from "./negation-language";

describe("the made-up sentiment language", () => {
  const sentences = drawSentences(4000, createRandom(3));

  it("labels every sentence as a reader of the language would (the adjective, flipped by a 'not' right before it)", () => {
    for (const sentence of sentences) {
      expect(sentence.tokens).toHaveLength(SENTENCE_LENGTH);
      expect(sentence.tokens.filter((t) => t === NOT_INDEX)).toHaveLength(1);
      expect(sentence.tokens.filter((t) => VOCABULARY[t]?.group === "positive" || VOCABULARY[t]?.group === "negative")).toHaveLength(1);
      expect(readSentiment(sentence.tokens)).toBe(sentence.label);
    }
  });

  it("hides the label from a bag of words: the same words come with either label, about equally often", () => {
    // Group sentences by their sentiment word (the only word whose count could matter): each group is ~50% positive.
    for (const [index, entry] of VOCABULARY.entries()) {
      if (entry.group !== "positive" && entry.group !== "negative") continue;
      const group = sentences.filter((s) => s.tokens.includes(index));
      const positive = group.filter((s) => s.label === 1).length / group.length;
      expect(group.length).toBeGreaterThan(400);
      expect(Math.abs(positive - 0.5), entry.word).toBeLessThan(0.08);
    }
    // And the bag of words of a sentence cannot say whether "not" stood before the adjective: flip its position and the bag is the same.
    const negated = sentences.find((s) => s.negated);
    if (!negated) throw new Error("no negated sentence");
    const at = negated.tokens.indexOf(NOT_INDEX);
    const moved = [...negated.tokens];
    moved.splice(at, 1);
    moved.push(NOT_INDEX);
    expect(bagOfWords(moved)).toEqual(bagOfWords(negated.tokens));
    expect(readSentiment(moved)).toBe(1 - negated.label);
  });

  it("puts 'not' before the adjective in half of the sentences and is balanced", () => {
    expect(Math.abs(sentences.filter((s) => s.negated).length / sentences.length - 0.5)).toBeLessThan(0.03);
    expect(Math.abs(sentences.filter((s) => s.label === 1).length / sentences.length - 0.5)).toBeLessThan(0.03);
  });

  it("encodes one-hot words and labels, reproducibly", () => {
    const few = drawSentences(5, createRandom(9));
    const { x, y } = encodeSentences(few);
    expect(x.length).toBe(5 * SENTENCE_LENGTH * VOCABULARY_SIZE);
    expect(x.reduce((a, b) => a + b, 0)).toBe(5 * SENTENCE_LENGTH);
    few.forEach((s, i) => {
      expect(y[i * 2 + s.label]).toBe(1);
      s.tokens.forEach((token, position) => expect(x[(i * SENTENCE_LENGTH + position) * VOCABULARY_SIZE + token]).toBe(1));
    });
    expect(drawSentences(5, createRandom(9))).toEqual(few);
  });
});

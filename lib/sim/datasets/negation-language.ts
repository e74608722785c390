/**
 * A made-up "movie review" language in which word order decides the sentiment, for the LSTM
 * simulation (ISLP (2023) §10.5: a bag of words forgets the order; a recurrent network reads it).
 * Every sentence has 8 words: one sentiment adjective (good, great, fun / bad, dull, awful), one
 * "not", and filler words. "not" flips only the word right after it: "the movie was not good" is
 * negative, "not the movie was good" positive. Half of the sentences put "not" right before the
 * adjective, the other half somewhere else, whatever the adjective. So a sentence and its label's
 * opposite can hold exactly the same words: no bag-of-words model can beat a coin on this language,
 * and a model that reads the order can be right every time. Pure and seeded.
 */
import type { SeededRandom } from "../random/seeded-random";

export type WordGroup = "filler" | "positive" | "negative" | "negator";

export const VOCABULARY: readonly { word: string; group: WordGroup }[] = [
  ...["the", "movie", "plot", "was", "and", "very", "actors", "really", "story"].map((word) => ({ word, group: "filler" as const })),
  ...["good", "great", "fun"].map((word) => ({ word, group: "positive" as const })),
  ...["bad", "dull", "awful"].map((word) => ({ word, group: "negative" as const })),
  { word: "not", group: "negator" },
];
export const VOCABULARY_SIZE = VOCABULARY.length;
export const SENTENCE_LENGTH = 8;
/** Label order of the one-hot targets and of the softmax output. */
export const SENTIMENTS = ["negative", "positive"] as const;

const indicesOf = (group: WordGroup) => VOCABULARY.flatMap((entry, index) => (entry.group === group ? [index] : []));
const FILLERS = indicesOf("filler");
const POSITIVE = indicesOf("positive");
const NEGATIVE = indicesOf("negative");
export const NOT_INDEX = indicesOf("negator")[0] as number;

export interface Sentence {
  /** Word indices into VOCABULARY, SENTENCE_LENGTH of them. */
  tokens: number[];
  /** 1 positive, 0 negative. */
  label: 0 | 1;
  /** "not" stands right before the adjective. */
  negated: boolean;
}

const pick = (list: readonly number[], random: SeededRandom) => list[random.integer(list.length)] as number;

export function drawSentence(random: SeededRandom): Sentence {
  const tokens = Array.from({ length: SENTENCE_LENGTH }, () => pick(FILLERS, random));
  const positive = random.uniform() < 0.5;
  // The adjective is never first, so "not" can always stand before it.
  const adjectiveAt = 1 + random.integer(SENTENCE_LENGTH - 1);
  tokens[adjectiveAt] = pick(positive ? POSITIVE : NEGATIVE, random);
  const negated = random.uniform() < 0.5;
  if (negated) tokens[adjectiveAt - 1] = NOT_INDEX;
  else {
    const elsewhere = Array.from({ length: SENTENCE_LENGTH }, (_, i) => i).filter((i) => i !== adjectiveAt && i !== adjectiveAt - 1);
    tokens[pick(elsewhere, random)] = NOT_INDEX;
  }
  return { tokens, label: positive !== negated ? 1 : 0, negated };
}

export function drawSentences(count: number, random: SeededRandom): Sentence[] {
  return Array.from({ length: count }, () => drawSentence(random));
}

/** The sentiment a reader of the language gives a sentence: the adjective's, flipped by a "not" right before it. */
export function readSentiment(tokens: readonly number[]): 0 | 1 | null {
  const at = tokens.findIndex((token) => VOCABULARY[token]?.group === "positive" || VOCABULARY[token]?.group === "negative");
  if (at < 0) return null;
  const positive = VOCABULARY[tokens[at] as number]?.group === "positive";
  const negated = at > 0 && tokens[at - 1] === NOT_INDEX;
  return positive !== negated ? 1 : 0;
}

/** One-hot words, count × SENTENCE_LENGTH × VOCABULARY_SIZE (what the models read), and one-hot labels. */
export function encodeSentences(sentences: readonly Sentence[]): { x: Float32Array; y: Float32Array } {
  const x = new Float32Array(sentences.length * SENTENCE_LENGTH * VOCABULARY_SIZE);
  const y = new Float32Array(sentences.length * SENTIMENTS.length);
  sentences.forEach((sentence, i) => {
    sentence.tokens.forEach((token, position) => (x[(i * SENTENCE_LENGTH + position) * VOCABULARY_SIZE + token] = 1));
    y[i * SENTIMENTS.length + sentence.label] = 1;
  });
  return { x, y };
}

export function sentenceText(tokens: readonly number[]): string {
  return tokens.map((token) => VOCABULARY[token]?.word ?? "?").join(" ");
}

/** The sentence as a bag of words: how often each vocabulary word occurs, order forgotten. */
export function bagOfWords(tokens: readonly number[]): number[] {
  const counts = new Array<number>(VOCABULARY_SIZE).fill(0);
  for (const token of tokens) counts[token] = (counts[token] ?? 0) + 1;
  return counts;
}

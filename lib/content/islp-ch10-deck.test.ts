/**
 * The real deck (content/decks/islp-ch10): it loads, covers the minimums, its lab anchors
 * reproduce the numbers ISLP and its labs print, and the question harness passes on a small N.
 */
import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { makeVariant } from "../questions/make-variant";
import { testDecks } from "./deck-harness";
import { findTemplate, listConcepts, summarizeDeck } from "./deck-queries";
import type { Deck } from "./deck-schema";
import { formatDeckError } from "./deck-schema";
import { loadDecksFromDir } from "./load-decks";

const DECKS_DIR = path.resolve(__dirname, "../../content/decks");
let decks: Deck[];

beforeAll(async () => {
  const loaded = await loadDecksFromDir(DECKS_DIR);
  expect(loaded.errors.map(formatDeckError)).toEqual([]);
  decks = loaded.decks;
});

function deck(): Deck {
  const found = decks.find((d) => d.id === "islp-ch10");
  if (!found) throw new Error("deck islp-ch10 not loaded");
  return found;
}

describe("content/decks/islp-ch10", () => {
  it("has at least 24 templates over 10 concepts and 40 static cards", () => {
    const summary = summarizeDeck(deck());
    expect(summary.templates).toBeGreaterThanOrEqual(24);
    expect(summary.staticCards).toBeGreaterThanOrEqual(40);
    const templateConcepts = new Set(deck().templates.map((t) => t.concept));
    expect(templateConcepts.size).toBeGreaterThanOrEqual(10);
    expect(summary.uncoveredConcepts).toEqual([]);
  });

  it("lists every concept with its Korean and English name", () => {
    for (const entry of listConcepts(deck())) {
      expect(entry.name.ko).toMatch(/[\uac00-\ud7a3]/);
      expect(entry.name.en).not.toMatch(/[\uac00-\ud7a3]/);
      expect(entry.templates.length + entry.cards.length).toBeGreaterThan(0);
    }
  });

  // Published figures (ISLP (2023) §10.1–10.5, Figures 10.1/10.4, and the chapter's labs), typed
  // here as the book prints them: the deck computes them through the model core and calculators.
  it.each<[string, string, unknown]>([
    ["single-layer-params", "islp-figure-10-1", 31],
    ["mlp-two-hidden-params", "islp-mnist", 235146],
    ["mlp-second-layer-params", "islp-mnist", 32896],
    ["image-mlp-first-layer", "islp-mnist", 200960],
    ["islp-first-weight-matrix", "islp-mnist", [785, 256]],
    ["islp-output-weight-matrix", "islp-mnist", [129, 10]],
    ["islp-second-weight-matrix", "islp-mnist", [257, 128]],
    ["mlp-output-layer-params", "islp-mnist", 1290],
    ["single-layer-biases", "islp-figure-10-1", 6],
    ["flatten-size", "islp-mnist", [784]],
    ["multinomial-logistic-params", "islp-mnist", 7850],
    ["bag-of-words-params", "islp-imdb", 160353],
    ["hitters-network-params", "islp-hitters", 1051],
    ["split-test-size", "islp-hitters", 88],
    ["split-train-size", "islp-hitters", 175],
    ["sgd-steps-per-epoch", "islp-hitters", 6],
    ["sgd-steps-per-epoch", "islp-mnist-book", 375],
    ["conv-layer-params", "cifar-first-conv", 896],
    ["conv-layer-params", "cifar-second-conv", 18496],
    ["cifar-cnn-params", "islp-cifar", 964516],
    ["cnn-flatten-size", "islp-cifar", [1024]],
    ["conv-output-size", "cifar-same-padding", 32],
    ["rnn-params-one-bias", "islp-nyse", 205],
    ["ar-lag-params", "islp-nyse", 16],
    ["rnn-params-pytorch", "islp-nyse", 217],
    ["recurrent-convention-difference", "islp-nyse", 12],
    ["lstm-imdb-params", "islp-imdb-lstm", 328577],
    ["embedding-params", "islp-imdb-lstm", 320096],
    ["dropout-scale", "islp-hitters", 1 / 0.6],
  ])("%s @ %s gives the book's %j", (templateId, anchor, expected) => {
    const found = findTemplate(decks, templateId);
    if (!found) throw new Error(`no template ${templateId}`);
    const answer = makeVariant(found.item, 0, { anchor }).expectedAnswer;
    if (typeof expected === "number" && answer.format === "number") expect(answer.value).toBeCloseTo(expected, 9);
    else expect("value" in answer ? answer.value : undefined).toEqual(expected);
  });

  it("passes the question harness (5 variants of each template, all cards)", async () => {
    const summary = await testDecks([deck()], [], { variants: 5 });
    expect(summary.details.filter((d) => d.level === "failure")).toEqual([]);
    expect(summary.failures).toBe(0);
    expect(summary.templates).toBe(deck().templates.length);
    expect(summary.concepts.length).toBeGreaterThanOrEqual(10);
  }, 120_000);
});

describe("loadDecksFromDir on a broken copy", () => {
  it("reports file:line for a broken file and leaves the deck out", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "deepdrill-deck-"));
    try {
      const deckDir = path.join(dir, "islp-ch10");
      await mkdir(path.join(deckDir, "templates"), { recursive: true });
      await writeFile(path.join(deckDir, "deck.yaml"), await readFile(path.join(DECKS_DIR, "islp-ch10", "deck.yaml"), "utf8"));
      const original = await readFile(path.join(DECKS_DIR, "islp-ch10", "templates", "training.yaml"), "utf8");
      const lines = original.split("\n");
      const target = lines.findIndex((line) => line.trim() === "part: test");
      lines[target] = lines[target]!.replace("part: test", "part: testing");
      await writeFile(path.join(deckDir, "templates", "training.yaml"), lines.join("\n"));
      const { decks: loaded, errors } = await loadDecksFromDir(dir);
      expect(loaded).toEqual([]);
      expect(errors.map(formatDeckError)).toEqual([`${path.join(deckDir, "templates", "training.yaml")}:${target + 1}: templates[0] (split-test-size).answer.part: part is test or train`]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { parseDeck, type Deck } from "@/lib/content";
import { makeVariant } from "@/lib/questions";
import { db } from "../platform/db";
import { checkPractice, getDeckWithConcepts, getItem, listDecks, practiceVariant, sampleSeed, samplePrompt } from "./deck-catalog";
import { syncContentDecks } from "./deck-store";
import { AppError } from "@/lib/server-shared/errors";
import { singleLayerTemplateYaml } from "../testing/review-fixtures";

/** The catalogue and stateless practice against real SQLite (tests/unit/database-global-setup.ts). */

// Item ids are unique across decks (pages address items by id alone): every id here carries a suffix.
const suffix = randomUUID().slice(0, 8);
const deckId = `t-catalog-${suffix}`;
/** A student in no class: sees public decks only (lib/server/decks/deck-visibility.ts). */
const student = { id: `t-catalog-student-${suffix}`, role: "student" as const };
const ids = { template: `params-${suffix}`, qa: `explain-${suffix}`, tf: `relu-${suffix}`, mc: `pick-${suffix}`, gone: `gone-${suffix}` };

function catalogDeck(withGone: boolean): Deck {
  const files = [
    {
      path: `${deckId}/deck.yaml`,
      text: `
id: ${deckId}
title: {ko: 카탈로그 덱, en: Catalogue deck}
description: {ko: 설명, en: About}
concepts:
  - {id: counting, ko: 모수 세기, en: Counting parameters}
  - {id: facts, ko: 사실, en: Facts}
  - {id: empty, ko: 빈 개념, en: Empty concept}
`,
    },
    {
      path: `${deckId}/templates.yaml`,
      // The shared template, with ranges around the book's network, a simulation link and that network as an anchor.
      text: singleLayerTemplateYaml(ids.template, {
        params: "{p: 200..900, K: 100..400}",
        extraFields: `    simulation: hidden-units
    anchors:
      - id: book
        lab: true
        label: {ko: 교재의 신경망, en: The book's network}
        params: {p: 784, K: 256}
`,
      }),
    },
    {
      path: `${deckId}/cards.yaml`,
      text: `
cards:
  - id: ${ids.qa}
    type: qa
    concept: facts
    prompt: {ko: ReLU란 무엇입니까?, en: What is ReLU?}
    answer: {ko: "max(0, z)", en: "max(0, z)"}
    explanation: {ko: 음수를 0으로 자릅니다., en: It cuts negatives to zero.}
  - id: ${ids.tf}
    type: tf
    concept: facts
    simulation: activation
    statement: {ko: ReLU는 선형 함수이다., en: ReLU is a linear function.}
    answer: false
    explanation: {ko: 구간별 선형이지만 선형은 아닙니다., en: "Piecewise linear but not linear."}
  - id: ${ids.mc}
    type: mc
    concept: facts
    prompt: {ko: 시그모이드의 치역은?, en: What is the range of the sigmoid?}
    options:
      - {ko: "(0, 1)", en: "(0, 1)", correct: true}
      - {ko: "(-1, 1)", en: "(-1, 1)", feedback: {ko: tanh입니다., en: That is tanh.}}
    explanation: {ko: 0과 1 사이입니다., en: Between 0 and 1.}
${
  withGone
    ? `  - id: ${ids.gone}
    type: tf
    concept: facts
    statement: {ko: 곧 사라집니다., en: Soon gone.}
    answer: true
    explanation: {ko: 그렇습니다., en: Indeed.}`
    : ""
}
`,
    },
  ];
  const parsed = parseDeck(files);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join("\n"));
  return parsed.deck;
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (cause: unknown) => cause,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeAll(async () => {
  await syncContentDecks([catalogDeck(true)], { retireMissingDecks: false });
  // The second load retires the card no longer written: it must disappear from every listing.
  await syncContentDecks([catalogDeck(false)], { retireMissingDecks: false });
});

describe("listDecks", () => {
  it("counts concepts, templates and active cards", async () => {
    const deck = (await listDecks(student)).find((entry) => entry.id === deckId);
    expect(deck).toEqual({ id: deckId, title: { ko: "카탈로그 덱", en: "Catalogue deck" }, description: { ko: "설명", en: "About" }, concepts: 3, templates: 1, cards: 3 });
  });

  it("leaves out private decks", async () => {
    const hidden = `t-private-${suffix}`;
    await db.deck.create({ data: { id: hidden, title: JSON.stringify({ ko: "비공개", en: "Private" }), source: "app", isPublic: false, version: "1", definition: JSON.stringify({ concepts: [], source: null, description: null }) } });
    expect((await listDecks(student)).map((deck) => deck.id)).not.toContain(hidden);
    expect(await getDeckWithConcepts(hidden, student)).toBeNull();
  });
});

describe("getDeckWithConcepts", () => {
  it("lists concepts in order with their templates, cards and simulations; retired cards are gone", async () => {
    const deck = await getDeckWithConcepts(deckId, student);
    expect(deck?.concepts.map((concept) => [concept.id, concept.templates.map((t) => t.itemId), concept.cards.map((c) => c.itemId), concept.simulations])).toEqual([
      ["counting", [ids.template], [], ["hidden-units"]],
      ["facts", [], [ids.qa, ids.tf, ids.mc], ["activation"]],
      ["empty", [], [], []],
    ]);
  });

  it("is null for an unknown deck", async () => {
    expect(await getDeckWithConcepts(`t-none-${suffix}`, student)).toBeNull();
  });
});

describe("getItem", () => {
  it("finds an item by id alone, with its deck and concept names", async () => {
    const found = await getItem(ids.template, student);
    expect(found).toMatchObject({ deckId, itemId: ids.template, itemType: "parametric", concept: "counting", deckTitle: { en: "Catalogue deck" }, conceptName: { en: "Counting parameters" } });
  });

  it.each([
    ["an unknown id", `nothing-${suffix}`],
    ["a retired card", ids.gone],
    ["a malformed id", "../etc/passwd"],
  ])("is null for %s", async (_, id) => {
    expect(await getItem(id, student)).toBeNull();
  });
});

describe("sample prompts", () => {
  it("are fixed for a deck version and differ between items", () => {
    expect(sampleSeed("v1", ids.template)).toBe(sampleSeed("v1", ids.template));
    expect(sampleSeed("v1", ids.template)).not.toBe(sampleSeed("v1", ids.qa));
  });

  it("are the variant's prompt", async () => {
    const found = await getItem(ids.template, student);
    expect(samplePrompt(found!.item, 7)).toEqual(makeVariant(found!.item, 7).prompt);
  });
});

describe("practice", () => {
  it("sends a variant without its answer, solution, mistakes or parameters", async () => {
    const { item } = (await getItem(ids.template, student))!;
    const variant = await practiceVariant(item, { seed: 12345 });
    expect(Object.keys(variant).sort()).toEqual(["anchor", "anchors", "answerFormat", "choices", "itemId", "itemType", "prompt", "seed", "simulation"]);
    expect(variant).toMatchObject({ seed: 12345, answerFormat: "integer", anchors: [{ id: "book", lab: true }] });
    const expected = makeVariant(item, 12345).expectedAnswer;
    expect(expected.format).toBe("integer");
    if (expected.format === "integer") expect(JSON.stringify(variant)).not.toContain(String(expected.value));
  });

  it("draws a seed when none is given", async () => {
    const { item } = (await getItem(ids.template, student))!;
    const seeds = new Set(await Promise.all([1, 2, 3, 4].map(async () => (await practiceVariant(item)).seed)));
    expect(seeds.size).toBeGreaterThan(1);
    for (const seed of seeds) expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32).toBe(true);
  });

  it("checks the lab's network, typed with a thousands separator", async () => {
    const { item } = (await getItem(ids.template, student))!;
    const variant = await practiceVariant(item, { seed: 1, anchor: "book" });
    expect(variant.anchor).toEqual({ id: "book", label: { ko: "교재의 신경망", en: "The book's network" }, lab: true });
    const result = await checkPractice(item, { seed: 1, anchor: "book", response: "201,217" });
    expect(result).toMatchObject({ status: "correct", readAs: "201217", expected: "201,217" });
    expect(result.solution?.en).toContain("(784 + 1)");
    expect(result.architecture?.input).toEqual([784]);
  });

  it("reports a matched mistake with a wrong answer", async () => {
    const { item } = (await getItem(ids.template, student))!;
    const result = await checkPractice(item, { seed: 1, anchor: "book", response: "200960" });
    expect(result).toMatchObject({ status: "wrong", readAs: "200960", expected: "201,217", mistake: { en: "You left out the biases." } });
  });

  it("reveals nothing for unreadable input", async () => {
    const { item } = (await getItem(ids.template, student))!;
    const result = await checkPractice(item, { seed: 99, response: "lots" });
    expect(result).toEqual({ status: "invalid", readAs: null, expected: null, solution: null, architecture: null, reason: expect.objectContaining({ en: expect.any(String) }) });
  });

  it("reveals a self-graded card without a check", async () => {
    const { item } = (await getItem(ids.qa, student))!;
    const result = await checkPractice(item, { seed: 5, response: "" });
    expect(result).toMatchObject({ status: "revealed", expected: null, architecture: null });
    expect(result.solution?.en).toContain("max(0, z)");
  });

  it("checks true/false and multiple-choice cards", async () => {
    const tf = (await getItem(ids.tf, student))!.item;
    expect((await checkPractice(tf, { seed: 1, response: "F" })).status).toBe("correct");
    const mc = (await getItem(ids.mc, student))!.item;
    const variant = await practiceVariant(mc, { seed: 3 });
    const right = variant.choices?.find((choice) => choice.text.en === "(0, 1)")?.letter;
    const wrong = variant.choices?.find((choice) => choice.text.en === "(-1, 1)")?.letter;
    expect(await checkPractice(mc, { seed: 3, response: right ?? "?" })).toMatchObject({ status: "correct", expected: right });
    expect(await checkPractice(mc, { seed: 3, response: wrong ?? "?" })).toMatchObject({ status: "wrong", mistake: { en: "That is tanh." } });
  });

  it("refuses an anchor the item does not have (422)", async () => {
    const template = (await getItem(ids.template, student))!.item;
    expect((await rejection(practiceVariant(template, { seed: 1, anchor: "nope" }))).status).toBe(422);
    const card = (await getItem(ids.tf, student))!.item;
    expect((await rejection(checkPractice(card, { seed: 1, anchor: "book", response: "T" }))).status).toBe(422);
  });
});

/**
 * The course's words (content/glossary.yaml) are the only words: the deck, the simulation texts,
 * the calculator and every UI message write each concept one way, in Korean and in English; and a
 * cloze whose answer uses a glossary term also accepts the common alternative.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clozeBlanks } from "../questions/static-variant";
import { normalizeText } from "../questions/answer-parse";
import { findTermVariants, parseGlossary, variantSpellings, type TermLanguage } from "./glossary";
import { loadDecksFromDir } from "./load-decks";

const ROOT = path.resolve(__dirname, "../..");
const glossary = parseGlossary(readFileSync(path.join(ROOT, "content/glossary.yaml"), "utf8"));

function filesUnder(dir: string, keep: (file: string) => boolean): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .map((file) => path.join(dir, file))
    .filter((file) => keep(file) && !file.endsWith(".test.ts"))
    .sort();
}

const isSource = (file: string) => /\.(ts|tsx)$/.test(file);

/** Where the course's words are written, and in which languages each file is checked. */
const SOURCES: [string, TermLanguage[]][] = [
  ...filesUnder("content/decks", (file) => file.endsWith(".yaml")).map((file): [string, TermLanguage[]] => [file, ["ko", "en"]]),
  ...filesUnder("lib/i18n/messages/ko", (file) => file.endsWith(".json")).map((file): [string, TermLanguage[]] => [file, ["ko"]]),
  ...filesUnder("lib/i18n/messages/en", (file) => file.endsWith(".json")).map((file): [string, TermLanguage[]] => [file, ["en"]]),
  // Simulation texts, the calculator (model core and question calculators) and the app's own strings.
  ...["lib/sim", "lib/questions", "lib/model-core", "app"].flatMap((dir) => filesUnder(dir, isSource).map((file): [string, TermLanguage[]] => [file, ["ko", "en"]])),
];

describe("content/glossary.yaml", () => {
  it("lists each avoided spelling once, never as another term's preferred word", () => {
    const preferred = new Set(glossary.terms.flatMap((term) => [term.ko, term.en.toLowerCase()]));
    const avoided = glossary.terms.flatMap((term) => [...term.avoid_ko, ...term.avoid_en.map((word) => word.toLowerCase())]);
    expect(avoided.filter((word) => preferred.has(word))).toEqual([]);
    // A term the notes themselves use beside the preferred one ("은닉 노드") is never to be avoided.
    expect(avoided.filter((word) => glossary.terms.some((term) => term.also_ko.includes(word)))).toEqual([]);
    expect(avoided.length).toBe(new Set(avoided).size);
  });

  it("finds a variant, and lets the glossed form and cloze alternatives pass", () => {
    const text = ["합성곱 층의 특성맵", "컨볼루션(합성곱) 층", "[[특징 맵|특성맵]]", "a mini-batch of 32", "one minibatch", "[[특성맵|특징 맵]]"].join("\n");
    expect(findTermVariants(text, glossary, "ko").map((v) => `${v.line}:${v.found}→${v.preferred}`)).toEqual([
      "1:합성곱→컨볼루션",
      "1:특성맵→특징 맵",
      "6:특성맵→특징 맵",
    ]);
    expect(findTermVariants(text, glossary, "en").map((v) => `${v.line}:${v.found}`)).toEqual(["4:mini-batch"]);
  });

  it("knows the words of the CNN and LSTM simulations: 최대 풀링, 단어 주머니, 임베딩 층", () => {
    const text = ["맥스 풀링 뒤에", "단어 가방 모형", "임베딩층의 모수", "최대 풀링, 단어 주머니, 임베딩 층"].join("\n");
    expect(findTermVariants(text, glossary, "ko").map((v) => `${v.line}:${v.found}→${v.preferred}`)).toEqual(["1:맥스 풀링→최대 풀링", "2:단어 가방→단어 주머니", "3:임베딩층→임베딩 층"]);
  });

  it.each(SOURCES)("%s writes the course's terms", (file, languages) => {
    const text = readFileSync(path.join(ROOT, file), "utf8");
    const variants = languages.flatMap((language) => findTermVariants(text, glossary, language));
    expect(variants.map((v) => `${file}:${v.line}: "${v.found}" → "${v.preferred}" (${v.termId})`)).toEqual([]);
  });

  it("cloze answers that use a glossary term also accept its other spellings", async () => {
    const { decks } = await loadDecksFromDir(path.join(ROOT, "content/decks"));
    const missing: string[] = [];
    let checked = 0;
    for (const card of decks.flatMap((deck) => deck.cards)) {
      if (card.type !== "cloze") continue;
      const blanks = [...clozeBlanks(card.text.ko), ...clozeBlanks(card.text.en)].flat();
      const accepted = new Set(blanks.map(normalizeText));
      for (const spelling of variantSpellings(clozeBlanks(card.text.ko)[0]?.[0] ?? "", glossary)) {
        checked += 1;
        if (!accepted.has(normalizeText(spelling))) missing.push(`${card.id}: ${spelling}`);
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });
});

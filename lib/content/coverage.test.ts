/**
 * Every teachable point of the course notes is asked by at least one item of the deck, and
 * content/decks/<deck>/COVERAGE.md is exactly what content/coverage/<deck>.yaml and the deck give.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { coverageProblems, parseCoverage, renderCoverage, type Coverage } from "./coverage";
import type { Deck } from "./deck-schema";
import { loadDecksFromDir } from "./load-decks";

const ROOT = path.resolve(__dirname, "../..");
const FILES = readdirSync(path.join(ROOT, "content/coverage")).filter((file) => file.endsWith(".yaml"));
let decks: Deck[];

beforeAll(async () => {
  decks = (await loadDecksFromDir(path.join(ROOT, "content/decks"))).decks;
});

function load(file: string): { coverage: Coverage; deck: Deck } {
  const coverage = parseCoverage(readFileSync(path.join(ROOT, "content/coverage", file), "utf8"));
  const deck = decks.find((d) => d.id === coverage.deck);
  if (!deck) throw new Error(`${file}: no deck ${coverage.deck}`);
  return { coverage, deck };
}

describe("coverage of the course notes", () => {
  it("has a coverage file for the course deck", () => {
    expect(FILES).toContain("islp-ch10.yaml");
  });

  it.each(FILES)("%s: every point is asked, by items the deck has", (file) => {
    const { coverage, deck } = load(file);
    expect(coverageProblems(coverage, deck)).toEqual([]);
    expect(coverage.sections.flatMap((s) => s.points).length).toBeGreaterThan(50);
  });

  it.each(FILES)("%s: COVERAGE.md is up to date (npx tsx lib/content/write-coverage.ts)", (file) => {
    const { coverage, deck } = load(file);
    const written = readFileSync(path.join(ROOT, "content/decks", deck.id, "COVERAGE.md"), "utf8");
    expect(written).toBe(renderCoverage(coverage, deck));
  });

  it("names a point no item asks, and an id the deck lacks", () => {
    const { deck } = load("islp-ch10.yaml");
    const broken: Coverage = {
      deck: deck.id,
      sections: [{ title: "T", points: [{ ko: "가", en: "a", items: [] }, { ko: "나", en: "b", items: ["relu-definition", "no-such-item"] }] }],
    };
    expect(coverageProblems(broken, deck)).toEqual(["T / 가: no item asks it", `T / 나: no item no-such-item in deck ${deck.id}`]);
  });
});

import { describe, expect, it } from "vitest";
import {
  conceptKey,
  conceptWeight,
  examVariantSeeds,
  rankExamCandidates,
  shuffleForExam,
  smoothedRetention,
  type ConceptHistory,
  type ExamCandidate,
} from "./exam-draw";

const cards = (deckId: string, concept: string, n: number): ExamCandidate[] =>
  Array.from({ length: n }, (_, i) => ({ cardId: `${deckId}/${concept}-${i}`, deckId, concept }));

const pool: ExamCandidate[] = [...cards("d", "weak", 6), ...cards("d", "strong", 6), ...cards("d", "unseen", 6), ...cards("e", "weak", 6)];
const history = new Map<string, ConceptHistory>([
  [conceptKey("d", "weak"), { reviews: 10, retained: 1 }],
  [conceptKey("d", "strong"), { reviews: 10, retained: 10 }],
]);

describe("concept weights", () => {
  it.each([
    ["never reviewed: the prior", undefined, 0.8],
    ["one lapse of one review is not yet weak", { reviews: 1, retained: 0 }, (0 + 1.6) / 3],
    ["many retained: close to 1", { reviews: 98, retained: 98 }, (98 + 1.6) / 100],
    ["many lapses: close to 0", { reviews: 98, retained: 0 }, 1.6 / 100],
    ["retained above reviews is clamped", { reviews: 2, retained: 5 }, (2 + 1.6) / 4],
  ])("%s", (_why, h, expected) => {
    expect(smoothedRetention(h)).toBeCloseTo(expected, 12);
  });

  it("weighs a weak concept more than an unseen one, and an unseen one more than a strong one", () => {
    expect(conceptWeight({ reviews: 10, retained: 1 })).toBeGreaterThan(conceptWeight(undefined));
    expect(conceptWeight(undefined)).toBeGreaterThan(conceptWeight({ reviews: 10, retained: 10 }));
    expect(conceptWeight({ reviews: 1000, retained: 0 })).toBeLessThanOrEqual(5);
    expect(conceptWeight({ reviews: 1000, retained: 1000 })).toBeGreaterThanOrEqual(1);
  });
});

describe("rankExamCandidates", () => {
  it("ranks every card exactly once", () => {
    const ranked = rankExamCandidates(pool, history, 7);
    expect(ranked).toHaveLength(pool.length);
    expect(new Set(ranked.map((c) => c.cardId)).size).toBe(pool.length);
  });

  it("is a pure function of its inputs and seed, whatever the input order", () => {
    const a = rankExamCandidates(pool, history, 42).map((c) => c.cardId);
    const b = rankExamCandidates([...pool].reverse(), history, 42).map((c) => c.cardId);
    expect(b).toEqual(a);
    expect(rankExamCandidates(pool, history, 43).map((c) => c.cardId)).not.toEqual(a);
  });

  it("drops duplicate card ids", () => {
    expect(rankExamCandidates([...pool, ...pool.slice(0, 3)], history, 1)).toHaveLength(pool.length);
  });

  it("puts the weak concept into a 6-question exam more often than the strong one (500 seeds)", () => {
    const counts = new Map<string, number>();
    for (let seed = 0; seed < 500; seed += 1) {
      for (const card of rankExamCandidates(pool, history, seed).slice(0, 6)) {
        const key = conceptKey(card.deckId, card.concept);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    const weak = counts.get(conceptKey("d", "weak")) ?? 0;
    const unseen = counts.get(conceptKey("d", "unseen")) ?? 0;
    const strong = counts.get(conceptKey("d", "strong")) ?? 0;
    expect(weak).toBeGreaterThan(unseen);
    expect(unseen).toBeGreaterThan(strong);
    // Concept ids are per deck: "weak" of deck e has no history. It is deck e's only concept, and
    // every deck weighs the same, so it is drawn more than d's unseen concept, which shares d's half.
    expect(counts.get(conceptKey("e", "weak")) ?? 0).toBeGreaterThan(unseen);
    // Still an exam over several concepts: the strong one is not left out altogether.
    expect(strong).toBeGreaterThan(100);
  });

  it("spreads a short exam over concepts rather than filling it from one", () => {
    let covered = 0;
    for (let seed = 0; seed < 200; seed += 1) {
      covered += new Set(rankExamCandidates(pool, history, seed).slice(0, 4).map((c) => conceptKey(c.deckId, c.concept))).size;
    }
    expect(covered / 200).toBeGreaterThan(2.5);
  });

  it("draws a small ticked class deck as often as the course deck (500 seeds, 5 questions)", () => {
    // The course deck: 22 concepts of 4 cards; the class deck: one concept of 5 cards.
    const course = Array.from({ length: 22 }, (_, i) => cards("islp-ch10", `concept-${i}`, 4)).flat();
    const pool = [...course, ...cards("class-deck", "only", 5)];
    let fromClass = 0;
    let examsWithout = 0;
    for (let seed = 0; seed < 500; seed += 1) {
      const taken = rankExamCandidates(pool, new Map(), seed).slice(0, 5).filter((c) => c.deckId === "class-deck").length;
      fromClass += taken;
      if (taken === 0) examsWithout += 1;
    }
    // Half of the first draw goes to each deck; the class deck's one concept decays by 1/2 per
    // card drawn, so its share of 5 questions sits well above 1/5 and far above 5/93 (by card count).
    expect(fromClass / (500 * 5)).toBeGreaterThan(0.25);
    expect(examsWithout / 500).toBeLessThan(0.1);
  });

  it("handles an empty pool", () => {
    expect(rankExamCandidates([], history, 1)).toEqual([]);
  });
});

describe("order and variant seeds", () => {
  it("shuffles deterministically without losing items", () => {
    const items = Array.from({ length: 10 }, (_, i) => i);
    const once = shuffleForExam(items, 9);
    expect(shuffleForExam(items, 9)).toEqual(once);
    expect([...once].sort((a, b) => a - b)).toEqual(items);
  });

  it("gives distinct uint32 seeds", () => {
    const seeds = examVariantSeeds(123, 50);
    expect(seeds).toHaveLength(50);
    expect(new Set(seeds).size).toBe(50);
    for (const seed of seeds) expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32).toBe(true);
    expect(examVariantSeeds(123, 50)).toEqual(seeds);
    expect(examVariantSeeds(124, 5)).not.toEqual(seeds.slice(0, 5));
  });
});

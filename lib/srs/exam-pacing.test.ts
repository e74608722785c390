import { describe, expect, it } from "vitest";
import { conceptSharesOf, levelledNewCards, paceToExam, prioritiseByConceptWeight, type PacingInput } from "./exam-pacing";

const TODAY = 20_000;
const deck = (daysLeft: number, extra: Partial<PacingInput> = {}): PacingInput => ({
  today: TODAY,
  examDay: TODAY + daysLeft,
  unintroduced: 105,
  scheduledReviews: 0,
  dailyLoadCap: 200,
  ...extra,
});

describe("paceToExam", () => {
  // Rows: days left, the pace, and why (L = D − 1 − min(5, ⌊(D − 1)/2⌋), n = ⌈U / L⌉, load 2n + ⌈R/D⌉).
  it("1 day left: nothing can be seen twice; what fits today is seen once", () => {
    expect(paceToExam(deck(1))).toEqual({ kind: "too-close", daysLeft: 1, newPerDay: 100, introductionDays: 0, coverable: 0, onceOnly: 105, uncovered: 0 });
    // Cap 60 with 20 reviews already due: room 40 → 40 seen once, 65 not at all.
    expect(paceToExam(deck(1, { dailyLoadCap: 60, scheduledReviews: 20 }))).toMatchObject({ kind: "too-close", coverable: 0, onceOnly: 40, uncovered: 65 });
  });

  it("3 days left: one introduction day (F = 1); 105 new and 105 second looks need a cap of 210", () => {
    expect(paceToExam(deck(3, { dailyLoadCap: 210 }))).toEqual({ kind: "on-pace", daysLeft: 3, newPerDay: 105, introductionDays: 1, expectedDailyLoad: 210 });
    // Cap 100: n_max = ⌊100/2⌋ = 50 seen twice, the last day's room minus its 50 second looks shows 50 once.
    expect(paceToExam(deck(3, { dailyLoadCap: 100 }))).toEqual({ kind: "too-close", daysLeft: 3, newPerDay: 50, introductionDays: 1, coverable: 50, onceOnly: 50, uncovered: 5 });
  });

  it("14 days left: 8 introduction days, ⌈105/8⌉ = 14 new a day", () => {
    expect(paceToExam(deck(14))).toEqual({ kind: "on-pace", daysLeft: 14, newPerDay: 14, introductionDays: 8, expectedDailyLoad: 28 });
    // Reviews already scheduled share the cap: ⌈140/14⌉ = 10 a day.
    expect(paceToExam(deck(14, { scheduledReviews: 140 }))).toMatchObject({ newPerDay: 14, expectedDailyLoad: 38 });
  });

  it("60 days left: 54 introduction days, 2 new a day", () => {
    expect(paceToExam(deck(60))).toEqual({ kind: "on-pace", daysLeft: 60, newPerDay: 2, introductionDays: 54, expectedDailyLoad: 4 });
  });

  it("every card introduced on pace is seen again before the exam", () => {
    for (const daysLeft of [2, 3, 5, 14, 21, 60]) {
      const pace = paceToExam(deck(daysLeft, { dailyLoadCap: 10_000 }));
      if (pace.kind !== "on-pace") throw new Error(`expected on-pace for ${daysLeft} days`);
      expect(pace.newPerDay * pace.introductionDays).toBeGreaterThanOrEqual(105);
      // The last introduction day is at least one day before the exam (its second look fits).
      expect(TODAY + pace.introductionDays - 1).toBeLessThanOrEqual(TODAY + daysLeft - 2);
    }
  });

  it("an exam today or past is over; nothing left to introduce says so", () => {
    expect(paceToExam(deck(0))).toEqual({ kind: "exam-over" });
    expect(paceToExam(deck(-3))).toEqual({ kind: "exam-over" });
    expect(paceToExam(deck(10, { unintroduced: 0 }))).toEqual({ kind: "all-introduced", daysLeft: 10 });
  });

  it("refuses counts that are not non-negative integers", () => {
    expect(() => paceToExam(deck(5, { unintroduced: -1 }))).toThrow(RangeError);
    expect(() => paceToExam(deck(5, { dailyLoadCap: 1.5 }))).toThrow(RangeError);
  });
});

describe("levelledNewCards", () => {
  it("introduces more on a light day (up to twice the pace), the pace's floor on a heavy one, never past the cap", () => {
    const input = deck(21, { dailyLoadCap: 100 });
    const pace = paceToExam(input);
    if (pace.kind !== "on-pace") throw new Error("expected on-pace");
    // n = ⌈105/15⌉ = 7. A plan of 630 views over 21 days: T = 30.
    expect(pace.newPerDay).toBe(7);
    expect(levelledNewCards(pace, input, 0, 630)).toBe(14);
    expect(levelledNewCards(pace, input, 20, 630)).toBe(10);
    expect(levelledNewCards(pace, input, 30, 630)).toBe(7);
    expect(levelledNewCards(pace, input, 98, 630)).toBe(2);
    expect(levelledNewCards({ kind: "exam-over" }, input, 0, 630)).toBe(0);
    expect(() => levelledNewCards(pace, input, 0, Number.NaN)).toThrow(RangeError);
  });
});

describe("prioritiseByConceptWeight", () => {
  it("heavier concepts first, then authoring order", () => {
    const cards = [
      { id: "a1", concept: "activation", position: 0 },
      { id: "p1", concept: "parameter-count", position: 1 },
      { id: "a2", concept: "activation", position: 2 },
      { id: "p2", concept: "parameter-count", position: 3 },
      { id: "p3", concept: "parameter-count", position: 4 },
      { id: "m1", concept: "mnist", position: 5 },
    ];
    const weights = conceptSharesOf(cards);
    expect(weights.get("parameter-count")).toBeCloseTo(3 / 6);
    expect(prioritiseByConceptWeight(cards, weights).map((card) => card.id)).toEqual(["p1", "p2", "p3", "a1", "a2", "m1"]);
  });
});

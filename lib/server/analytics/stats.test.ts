import { beforeAll, describe, expect, it } from "vitest";
import { MILLISECONDS_PER_DAY, dayNumber } from "@/lib/srs";
import { syncContentDecks } from "../decks/deck-store";
import { answerReview } from "../review/review-answer";
import { gradeReview, undoGrade } from "../review/review-grade";
import { nextReview } from "../review/review-issue";
import { testDeck, testUser } from "../testing/review-fixtures";
import { studentStats } from "./stats";
import { heatmapStart, streaks, weekStart, weekdayOf, weeklyRetention } from "./stats-series";

const deck = testDeck();
const DAY0 = new Date("2026-03-02T09:00:00Z"); // a Monday
const at = (day: number) => new Date(DAY0.getTime() + day * MILLISECONDS_PER_DAY);
const d0 = dayNumber(DAY0, "UTC");

beforeAll(async () => {
  await syncContentDecks([deck], { retireMissingDecks: false });
});

describe("stats arithmetic", () => {
  const cases: [days: number[], current: number, longest: number, reviewedToday: boolean, why: string][] = [
    [[], 0, 0, false, "nothing yet"],
    [[0], 1, 1, true, "today only"],
    [[-1], 1, 1, false, "yesterday keeps the streak alive until today ends"],
    [[-2], 0, 1, false, "a missed day breaks it"],
    [[0, -1, -2, -4, -5, -6, -7], 3, 4, true, "the longest run may lie in the past"],
  ];
  it.each(cases)("streaks of %j → current %i, longest %i, today %s (%s)", (days, current, longest, reviewedToday) => {
    expect(streaks(days.map((d) => d0 + d), d0)).toEqual({ current, longest, reviewedToday });
  });

  it("weeks start on Monday and the heatmap covers 53 week columns", () => {
    expect(weekdayOf(d0)).toBe(0);
    expect(weekStart(d0 + 6)).toBe(d0);
    expect(weekStart(d0 - 1)).toBe(d0 - 7);
    expect(heatmapStart(d0 + 3)).toBe(d0 - 364);
  });

  it("weekly retention keeps empty weeks", () => {
    const perDay = new Map([
      [d0, { reviews: 4, retained: 3 }],
      [d0 + 15, { reviews: 2, retained: 2 }],
    ]);
    expect(weeklyRetention(perDay, d0, d0 + 15)).toEqual([
      { weekStart: d0, reviews: 4, retained: 3 },
      { weekStart: d0 + 7, reviews: 0, retained: 0 },
      { weekStart: d0 + 14, reviews: 2, retained: 2 },
    ]);
  });
});

describe("studentStats", () => {
  it("reports the reviews just made: heatmap, retention, concepts, forecast, streak, time", async () => {
    const userId = await testUser();
    const empty = await studentStats(userId, DAY0);
    expect(empty.totals.reviews).toBe(0);
    expect(empty.retention.overall.rate).toBeNull();
    expect(empty.forecast).toHaveLength(30);

    // Day 0: three new cards: the parametric one wrong (1), the others 5 and 3; the 1 and the 3 are re-drilled (4).
    const grades: Record<string, number[]> = { "single-params": [1, 4], "what-is-relu": [5], "relu-linear": [3, 4] };
    for (;;) {
      const { item } = await nextReview(userId, { deckId: deck.id }, DAY0);
      if (!item) break;
      await answerReview(userId, item.reviewId, { response: item.selfGraded ? "" : "1", durationMs: 10_000 }, DAY0);
      const grade = grades[item.itemId]!.shift()!;
      await gradeReview(userId, item.reviewId, grade as 0 | 1 | 2 | 3 | 4 | 5, DAY0);
    }
    // Day 1: one due card graded, then that grade undone (it must not count).
    const { item } = await nextReview(userId, { deckId: deck.id }, at(1));
    await gradeReview(userId, item!.reviewId, 5, at(1));
    await undoGrade(userId, item!.reviewId, at(1));

    const stats = await studentStats(userId, at(1));
    expect(stats.today).toBe("2026-03-03");
    expect(stats.totals).toMatchObject({ reviews: 5, counted: 3, reviewsToday: 0, cardsStudied: 3, timeStudiedMs: 50_000, timeTodayMs: 0, timeLast7DaysMs: 50_000 });
    expect(stats.heatmap.days).toEqual([{ date: "2026-03-02", count: 5 }]);
    expect(stats.heatmap.to).toBe("2026-03-03");
    expect(stats.retention.overall).toEqual({ reviews: 3, retained: 2, rate: 2 / 3 });
    expect(stats.retention.weekly.at(-1)).toEqual({ weekStart: "2026-03-02", reviews: 3, retained: 2, rate: 2 / 3 });
    expect(stats.retention.weekly).toHaveLength(53);
    const counting = stats.concepts.find((c) => c.concept === "counting");
    expect(counting).toMatchObject({ deckId: deck.id, reviews: 1, retained: 0, rate: 0, name: { ko: "모수 세기", en: "Counting parameters" }, templates: [{ itemId: "single-params", title: { ko: "단일층 모수", en: "Single-layer parameters" } }] });
    expect(counting?.drillHref).toBe(`/review?deck=${deck.id}&concept=counting`);
    expect(stats.concepts.find((c) => c.concept === "facts")).toMatchObject({ reviews: 2, retained: 2, rate: 1 });
    // One review, not retained: 0% is weak already ("facts", all retained, is not).
    expect(stats.weakest.map((c) => c.concept)).toEqual(["counting"]);
    // All three cards are due on day 1 (interval 1), none suspended.
    expect(stats.forecast[0]).toEqual({ date: "2026-03-03", due: 3 });
    expect(stats.forecast.slice(1).every((day) => day.due === 0)).toBe(true);
    expect(stats.streak).toEqual({ current: 1, longest: 1, reviewedToday: false });
  });

  it("lists the weakest concepts with a drill link", async () => {
    const userId = await testUser();
    for (let day = 0; day < 3; day += 1) {
      for (;;) {
        const { item } = await nextReview(userId, { deckId: deck.id }, at(day));
        if (!item) break;
        await gradeReview(userId, item.reviewId, item.itemId === "single-params" ? (day === 0 ? 4 : 2) : 5, at(day));
        if (item.kind === "redrill") break;
      }
    }
    const stats = await studentStats(userId, at(2));
    expect(stats.weakest[0]).toMatchObject({ concept: "counting", reviews: 3 });
    expect(stats.weakest[0]!.rate).toBeCloseTo(1 / 3);
    expect(stats.streak).toMatchObject({ current: 3, longest: 3, reviewedToday: true });
  });
});

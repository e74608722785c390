import { describe, expect, it } from "vitest";
import { examDayRoom, type ExamDayCounts } from "./exam-pacing";
import { ExamViewForecast, PLANNING_RECALL_PRIOR } from "./exam-views";

const TODAY = 20_000;
const day = (daysLeft: number, extra: Partial<ExamDayCounts> = {}): ExamDayCounts => ({
  today: TODAY,
  examDay: TODAY + daysLeft,
  decks: [{ deckId: "a", unintroduced: 105, introducedToday: 0 }],
  scheduled: [],
  recentReviews: { reviews: 0, passes: 0 },
  dueNow: 0,
  reviewedToday: 0,
  dailyLoadCap: 200,
  ownNewPerDeck: 20,
  ...extra,
});

describe("examDayRoom", () => {
  // The level T = ⌈V/D⌉ needs the forecast; each row states the bound on T its figures rest on,
  // checked first. Then P = min(U, C − due, max(n, min(2n, T − due))), limit = min(max(own, ⌈P · U_d / U⌉), C − due).
  const newCardViews = (daysLeft: number, fromOffset: number) => new ExamViewForecast(TODAY + daysLeft, PLANNING_RECALL_PRIOR.recall, 5).newCardViews(TODAY + fromOffset);
  it("a fresh student's plan is at least 4 views a card three weeks out, fewer on the eve (the bounds below rest on it)", () => {
    expect(newCardViews(14, 0)).toBeGreaterThan(4);
    expect(newCardViews(14, 7)).toBeGreaterThan(3);
    expect(newCardViews(60, 0)).toBeLessThan(8);
  });
  const rows: { name: string; counts: ExamDayCounts; paced: number; limits: Record<string, number>; newToday: number }[] = [
    { name: "14 days, fresh: n = ⌈105/8⌉ = 14, T > 28, so 2n = 28 beats the own 20", counts: day(14), paced: 28, limits: { a: 28 }, newToday: 28 },
    { name: "60 days: n = ⌈105/54⌉ = 2, T < 14 < own 20, the own limit stands", counts: day(60), paced: 4, limits: { a: 20 }, newToday: 20 },
    {
      name: "14 days, 10 introduced already today: judged as at the day's start, the same 28",
      counts: day(14, { decks: [{ deckId: "a", unintroduced: 95, introducedToday: 10 }], scheduled: [{ dueDay: TODAY + 1, repetition: 1, interval: 1, easinessHundredths: 250, count: 10 }] }),
      paced: 28,
      limits: { a: 28 },
      newToday: 28,
    },
    {
      name: "load cap 60 with 30 due and 20 reviewed: room 10 caps even the own limit",
      counts: day(14, { dailyLoadCap: 60, dueNow: 30, reviewedToday: 20 }),
      paced: 10,
      limits: { a: 10 },
      newToday: 10,
    },
    {
      name: "two decks share P by cards not yet introduced: ⌈28·70/105⌉ = 19 → own 20, ⌈28·35/105⌉ = 10 → own 20",
      counts: day(14, { decks: [{ deckId: "a", unintroduced: 70, introducedToday: 0 }, { deckId: "b", unintroduced: 35, introducedToday: 0 }] }),
      paced: 28,
      limits: { a: 20, b: 20 },
      newToday: 40,
    },
    {
      name: "all introduced: no pace, the own limit, nothing new today",
      counts: day(14, { decks: [{ deckId: "a", unintroduced: 0, introducedToday: 0 }], scheduled: [{ dueDay: TODAY + 2, repetition: 2, interval: 6, easinessHundredths: 250, count: 40 }] }),
      paced: 0,
      limits: { a: 20 },
      newToday: 0,
    },
    {
      name: "a deck with fewer cards than its limit introduces what it has",
      counts: day(3, { decks: [{ deckId: "a", unintroduced: 8, introducedToday: 0 }] }),
      paced: 8,
      limits: { a: 20 },
      newToday: 8,
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const room = examDayRoom(row.counts);
      expect(room).toEqual({ paced: row.paced, newLimitByDeck: row.limits, newToday: row.newToday });
    });
  }
});

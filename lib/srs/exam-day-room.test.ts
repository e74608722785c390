import { describe, expect, it } from "vitest";
import { examDayRoom, type ExamDayCounts } from "./exam-pacing";

const TODAY = 20_000;
const day = (daysLeft: number, extra: Partial<ExamDayCounts> = {}): ExamDayCounts => ({
  today: TODAY,
  examDay: TODAY + daysLeft,
  decks: [{ deckId: "a", unintroduced: 105, introducedToday: 0 }],
  scheduledReviews: 0,
  dueNow: 0,
  reviewedToday: 0,
  dailyLoadCap: 200,
  ownNewPerDeck: 20,
  ...extra,
});

describe("examDayRoom", () => {
  // Each row worked by hand: pace n = ⌈U/L⌉, level T = ⌈(R + 7U)/D⌉, P = min(U, C − due, max(n, T − due)),
  // limit = min(max(own, ⌈P · U_d / U⌉), C − due).
  const rows: { name: string; counts: ExamDayCounts; paced: number; limits: Record<string, number>; newToday: number }[] = [
    { name: "14 days, fresh: n 14, T ⌈735/14⌉ = 53 beats the own 20", counts: day(14), paced: 53, limits: { a: 53 }, newToday: 53 },
    { name: "60 days: T ⌈735/60⌉ = 13 < own 20, the own limit stands", counts: day(60), paced: 13, limits: { a: 20 }, newToday: 20 },
    {
      name: "14 days, 10 introduced already today: judged as at the day's start, the same 53",
      counts: day(14, { decks: [{ deckId: "a", unintroduced: 95, introducedToday: 10 }], scheduledReviews: 10 }),
      paced: 53,
      limits: { a: 53 },
      newToday: 53,
    },
    {
      name: "load cap 60 with 30 due and 20 reviewed: room 10 caps even the own limit",
      counts: day(14, { dailyLoadCap: 60, dueNow: 30, reviewedToday: 20 }),
      paced: 10,
      limits: { a: 10 },
      newToday: 10,
    },
    {
      name: "two decks share P by cards not yet introduced: ⌈53·70/105⌉ = 36, ⌈53·35/105⌉ = 18 → own 20",
      counts: day(14, { decks: [{ deckId: "a", unintroduced: 70, introducedToday: 0 }, { deckId: "b", unintroduced: 35, introducedToday: 0 }] }),
      paced: 53,
      limits: { a: 36, b: 20 },
      newToday: 56,
    },
    {
      name: "all introduced: no pace, the own limit, nothing new today",
      counts: day(14, { decks: [{ deckId: "a", unintroduced: 0, introducedToday: 0 }], scheduledReviews: 40 }),
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

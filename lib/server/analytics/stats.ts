import "server-only";
import { dayNumber, isValidTimeZone } from "@/lib/srs";
import { isTemplate, type Bilingual } from "@/lib/questions";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "../platform/db";
import { conceptNames, parseItem } from "../decks/deck-store";
import { heatmapStart, isoDate, rate, streaks, weeklyRetention, type RetentionPoint, type Streaks } from "./stats-series";

/**
 * A student's progress (`/stats` and `GET /api/stats/me`, the same figures), from the review log
 * and the card states. Undone grades are left out everywhere. Retention is SuperMemo's: the share of
 * first-of-day grades (the ones SM-2 counts) that were 3 or more.
 */

export interface ConceptStats {
  deckId: string;
  concept: string;
  name: Bilingual | null;
  /** Counted (first-of-day) reviews. */
  reviews: number;
  /** Of those, graded 3 or more. */
  retained: number;
  rate: number | null;
  /** Templates of the concept, for "practise these" links (`/practice/<itemId>`). */
  templates: { itemId: string; title: Bilingual }[];
  /** Where "drill these now" goes: today's queue narrowed to the concept. */
  drillHref: string;
}

export interface StudentStats {
  timezone: string;
  /** Today in the user's time zone. */
  today: string;
  totals: {
    /** Every grade, re-drills included. */
    reviews: number;
    /** First-of-day grades (SM-2 reviews). */
    counted: number;
    reviewsToday: number;
    /** Cards reviewed at least once. */
    cardsStudied: number;
    /** Time from prompt to check, summed over graded reviews. */
    timeStudiedMs: number;
    timeTodayMs: number;
    timeLast7DaysMs: number;
  };
  /** Reviews per day over the last year (days with none are left out), for the calendar heatmap. */
  heatmap: { from: string; to: string; days: { date: string; count: number }[] };
  retention: {
    overall: RetentionPoint & { rate: number | null };
    last30Days: RetentionPoint & { rate: number | null };
    /** Week by week over the last year (Monday first), empty weeks included. */
    weekly: { weekStart: string; reviews: number; retained: number; rate: number | null }[];
  };
  /** Per concept, most reviewed first. */
  concepts: ConceptStats[];
  /** Up to five concepts below 100% retention, lowest first: two counted reviews or more, or none retained yet. */
  weakest: ConceptStats[];
  /** Cards due on each of the next 30 days (today includes overdue cards). */
  forecast: { date: string; due: number }[];
  streak: Streaks;
}

interface LogGroup {
  day: unknown;
  deckId: string;
  concept: string;
  n: unknown;
  ms: unknown;
  counted: unknown;
  retained: unknown;
}

const WEAKEST_MIN_REVIEWS = 2;
const WEAKEST_COUNT = 5;
const FORECAST_DAYS = 30;

export async function studentStats(userId: string, now: Date = new Date()): Promise<StudentStats> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { timezone: true } });
  const timezone = user && isValidTimeZone(user.timezone) ? user.timezone : "UTC";
  const today = dayNumber(now, timezone);
  const from = heatmapStart(today);

  const [rows, undone, dueRows, overdue, cardsStudied, names] = await Promise.all([
    // One pass over the user's log, grouped by day and concept; undone grades are subtracted below
    // (they are few, and a per-row NOT EXISTS would cost a lookup for every one of a million rows).
    db.$queryRaw<LogGroup[]>(Prisma.sql`
      SELECT l."reviewDay" AS "day", l."deckId" AS "deckId", l."concept" AS "concept", COUNT(*) AS "n",
        COALESCE(SUM(l."durationMs"), 0) AS "ms",
        SUM(CASE WHEN l."counted" = true THEN 1 ELSE 0 END) AS "counted",
        SUM(CASE WHEN l."counted" = true AND l."grade" >= 3 THEN 1 ELSE 0 END) AS "retained"
      FROM "ReviewLog" l WHERE l."userId" = ${userId}
      GROUP BY l."reviewDay", l."deckId", l."concept"`),
    db.$queryRaw<LogGroup[]>(Prisma.sql`
      SELECT l."reviewDay" AS "day", l."deckId" AS "deckId", l."concept" AS "concept", 1 AS "n", COALESCE(l."durationMs", 0) AS "ms",
        CASE WHEN l."counted" = true THEN 1 ELSE 0 END AS "counted",
        CASE WHEN l."counted" = true AND l."grade" >= 3 THEN 1 ELSE 0 END AS "retained"
      FROM "ReviewUndo" u JOIN "ReviewLog" l ON l."reviewId" = u."reviewId" WHERE u."userId" = ${userId}`),
    db.cardState.groupBy({
      by: ["dueDay"],
      where: { userId, suspended: false, dueDay: { gte: today, lt: today + FORECAST_DAYS }, card: { retired: false } },
      _count: { _all: true },
    }),
    db.cardState.count({ where: { userId, suspended: false, dueDay: { lt: today }, card: { retired: false } } }),
    db.cardState.count({ where: { userId, lastReviewDay: { not: null } } }),
    conceptNames(),
  ]);

  interface Sums {
    n: number;
    ms: number;
    counted: number;
    retained: number;
  }
  const add = (map: Map<string | number, Sums>, key: string | number, row: LogGroup, sign: 1 | -1) => {
    const sums = map.get(key) ?? { n: 0, ms: 0, counted: 0, retained: 0 };
    sums.n += sign * Number(row.n);
    sums.ms += sign * Number(row.ms);
    sums.counted += sign * Number(row.counted);
    sums.retained += sign * Number(row.retained);
    map.set(key, sums);
  };
  const byDay = new Map<string | number, Sums>();
  const byConcept = new Map<string | number, Sums>();
  for (const [list, sign] of [
    [rows, 1],
    [undone, -1],
  ] as const) {
    for (const row of list) {
      add(byDay, Number(row.day), row, sign);
      add(byConcept, `${row.deckId}\u001f${row.concept}`, row, sign);
    }
  }
  const perDay = [...byDay]
    .map(([day, sums]) => ({ reviewDay: Number(day), ...sums }))
    .filter((row) => row.n > 0)
    .sort((a, b) => a.reviewDay - b.reviewDay);

  // Totals and the heatmap.
  let reviews = 0;
  let timeStudiedMs = 0;
  let timeTodayMs = 0;
  let timeLast7DaysMs = 0;
  let reviewsToday = 0;
  const heatDays: { date: string; count: number }[] = [];
  for (const row of perDay) {
    const count = row.n;
    const time = row.ms;
    reviews += count;
    timeStudiedMs += time;
    if (row.reviewDay === today) {
      reviewsToday = count;
      timeTodayMs = time;
    }
    if (row.reviewDay > today - 7 && row.reviewDay <= today) timeLast7DaysMs += time;
    if (row.reviewDay >= from && row.reviewDay <= today) heatDays.push({ date: isoDate(row.reviewDay), count });
  }

  // Retention over time.
  const retentionByDay = new Map<number, RetentionPoint>(perDay.filter((row) => row.reviewDay >= from).map((row) => [row.reviewDay, { reviews: row.counted, retained: row.retained }]));
  const sumSince = (start: number): RetentionPoint => {
    let sum = { reviews: 0, retained: 0 };
    for (const [day, point] of retentionByDay) if (day >= start && day <= today) sum = { reviews: sum.reviews + point.reviews, retained: sum.retained + point.retained };
    return sum;
  };
  const last30 = sumSince(today - 29);

  // Per concept (counted reviews only).
  const conceptRows = [...byConcept]
    .map(([key, sums]) => {
      const [deckId = "", concept = ""] = String(key).split("\u001f");
      return { deckId, concept, reviews: sums.counted, retained: sums.retained };
    })
    .filter((row) => row.reviews > 0);
  const overall = conceptRows.reduce((sum, row) => ({ reviews: sum.reviews + row.reviews, retained: sum.retained + row.retained }), { reviews: 0, retained: 0 });
  const templates = await db.card.findMany({
    where: { itemType: "parametric", retired: false, OR: conceptRows.length ? conceptRows.map((row) => ({ deckId: row.deckId, concept: row.concept })) : [{ id: "" }] },
    select: { id: true, version: true, deckId: true, concept: true, itemId: true, definition: true },
    orderBy: { position: "asc" },
  });
  // Parametric cards are templates; a static card here would have no title, and shows its id.
  const titleOf = (card: (typeof templates)[number]): Bilingual => {
    const item = parseItem(card.id, card.version, card.definition);
    return isTemplate(item) ? item.title : { ko: card.itemId, en: card.itemId };
  };
  const concepts: ConceptStats[] = conceptRows
    .map((row) => {
      const params = new URLSearchParams({ deck: row.deckId, concept: row.concept });
      return {
        ...row,
        name: names.get(row.deckId)?.get(row.concept) ?? null,
        rate: rate(row),
        templates: templates.filter((t) => t.deckId === row.deckId && t.concept === row.concept).map((t) => ({ itemId: t.itemId, title: titleOf(t) })),
        drillHref: `/review?${params.toString()}`,
      };
    })
    .sort((a, b) => b.reviews - a.reviews || a.concept.localeCompare(b.concept));
  const weakest = concepts
    // A concept never retained (0%) is weak after one review already: "none" beside a 0% misleads.
    .filter((c) => c.rate !== null && c.rate < 1 && (c.reviews >= WEAKEST_MIN_REVIEWS || c.rate === 0))
    .sort((a, b) => (a.rate ?? 0) - (b.rate ?? 0) || b.reviews - a.reviews)
    .slice(0, WEAKEST_COUNT);

  // Due forecast.
  const dueByDay = new Map(dueRows.map((row) => [row.dueDay, row._count._all]));
  const forecast = Array.from({ length: FORECAST_DAYS }, (_, i) => ({
    date: isoDate(today + i),
    due: (dueByDay.get(today + i) ?? 0) + (i === 0 ? overdue : 0),
  }));

  return {
    timezone,
    today: isoDate(today),
    totals: { reviews, counted: overall.reviews, reviewsToday, cardsStudied, timeStudiedMs, timeTodayMs, timeLast7DaysMs },
    heatmap: { from: isoDate(from), to: isoDate(today), days: heatDays },
    retention: {
      overall: { ...overall, rate: rate(overall) },
      last30Days: { ...last30, rate: rate(last30) },
      weekly: weeklyRetention(retentionByDay, from, today).map((week) => ({ ...week, weekStart: isoDate(week.weekStart), rate: rate(week) })),
    },
    concepts,
    weakest,
    forecast,
    streak: streaks(
      perDay.map((row) => row.reviewDay),
      today,
    ),
  };
}

import "server-only";
import { dayNumber, isValidTimeZone } from "@/lib/srs";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "../platform/db";

/**
 * A student's progress in each concept of one deck, for the deck page's concept headings: cards
 * seen (reviewed at least once), cards due today (overdue and same-day re-drills included, suspended
 * ones left out) and the share of counted reviews graded 3 or more (as /stats counts it; undone
 * grades left out). Three grouped reads, each on an index the queue or /stats already uses.
 */

export interface ConceptProgress {
  seen: number;
  due: number;
  /** Counted (first-of-day) reviews. */
  reviews: number;
  /** Of those, graded 3 or more. */
  retained: number;
  rate: number | null;
}

interface StateGroup {
  concept: string;
  seen: unknown;
  due: unknown;
}

interface LogGroup {
  concept: string;
  reviews: unknown;
  retained: unknown;
}

export async function deckConceptProgress(userId: string, deckId: string, now: Date = new Date()): Promise<Map<string, ConceptProgress>> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { timezone: true } });
  const today = dayNumber(now, user && isValidTimeZone(user.timezone) ? user.timezone : "UTC");
  const [states, logs, undone] = await Promise.all([
    db.$queryRaw<StateGroup[]>(Prisma.sql`
      SELECT c."concept" AS "concept", COUNT(*) AS "seen",
        SUM(CASE WHEN s."suspended" = false AND (s."dueDay" <= ${today} OR s."redrillDay" = ${today}) THEN 1 ELSE 0 END) AS "due"
      FROM "CardState" s JOIN "Card" c ON c."id" = s."cardId"
      WHERE s."userId" = ${userId} AND s."deckId" = ${deckId} AND s."lastReviewDay" IS NOT NULL AND c."retired" = false
      GROUP BY c."concept"`),
    db.$queryRaw<LogGroup[]>(Prisma.sql`
      SELECT l."concept" AS "concept", COUNT(*) AS "reviews", SUM(CASE WHEN l."grade" >= 3 THEN 1 ELSE 0 END) AS "retained"
      FROM "ReviewLog" l WHERE l."userId" = ${userId} AND l."deckId" = ${deckId} AND l."counted" = true
      GROUP BY l."concept"`),
    // Undone grades are few: subtracted, rather than a lookup for every row of the log.
    db.$queryRaw<LogGroup[]>(Prisma.sql`
      SELECT l."concept" AS "concept", COUNT(*) AS "reviews", SUM(CASE WHEN l."grade" >= 3 THEN 1 ELSE 0 END) AS "retained"
      FROM "ReviewUndo" u JOIN "ReviewLog" l ON l."reviewId" = u."reviewId"
      WHERE u."userId" = ${userId} AND l."deckId" = ${deckId} AND l."counted" = true
      GROUP BY l."concept"`),
  ]);
  const progress = new Map<string, ConceptProgress>();
  const entry = (concept: string) => progress.get(concept) ?? progress.set(concept, { seen: 0, due: 0, reviews: 0, retained: 0, rate: null }).get(concept)!;
  for (const row of states) Object.assign(entry(row.concept), { seen: Number(row.seen), due: Number(row.due ?? 0) });
  for (const [rows, sign] of [[logs, 1], [undone, -1]] as const) {
    for (const row of rows) {
      const sums = entry(row.concept);
      sums.reviews += sign * Number(row.reviews);
      sums.retained += sign * Number(row.retained ?? 0);
    }
  }
  for (const sums of progress.values()) sums.rate = sums.reviews > 0 ? sums.retained / sums.reviews : null;
  return progress;
}

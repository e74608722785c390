import "server-only";
import { examDayRoom, type ExamDayRoom } from "@/lib/srs/exam-pacing";
import { PLANNING_RECALL_DAYS, type ScheduledGroup } from "@/lib/srs/exam-views";
import { isFinalPassDay, nearestExam, recentAccuracyByConcept, RECENT_ACCURACY_DAYS } from "@/lib/srs/exam-schedule";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "../accounts/users";
import { readRows, sqlInt } from "../platform/direct-sql";
import { listExamDates, toSchedulerExams } from "./exam-dates";

/**
 * The nearest exam as the queue sees it (docs/architecture.md, "Exam-aware scheduling"): today's
 * new-card room in the decks it covers (lib/srs examDayRoom) and, on final-pass days, each covered
 * concept's recent accuracy. The home page's number and the queue's come from this one function.
 */
export interface ExamQueueDay {
  examDay: number;
  deckIds: string[];
  room: ExamDayRoom;
  /** On final-pass days: recent accuracy keyed "deckId\nconcept"; null on other days. */
  accuracy: Map<string, number> | null;
}

interface CountRow {
  deckId: string;
  unintroduced: unknown;
  due: unknown;
}

export async function examQueueDay(
  viewer: Viewer,
  today: number,
  limits: { newPerDeck: number; reviewsPerDay: number },
  done: { reviews: number; newByDeck: Readonly<Record<string, number>> },
): Promise<ExamQueueDay | null> {
  const exam = nearestExam(toSchedulerExams(await listExamDates(viewer)), today);
  if (!exam || exam.deckIds.length === 0) return null;
  const deckIds = [...exam.deckIds];
  // Driven by the covered decks' cards, so that a student not yet enrolled in a deck (enrolment
  // happens on the first queue) counts its cards as not introduced. One pass over those decks' cards.
  const [rows, scheduled, recentReviews] = await Promise.all([
    readRows<CountRow>(Prisma.sql`
      SELECT c."deckId" AS "deckId",
        SUM(CASE WHEN s."dueDay" IS NULL THEN 1 ELSE 0 END) AS "unintroduced",
        SUM(CASE WHEN s."dueDay" IS NOT NULL AND s."dueDay" <= ${today} THEN 1 ELSE 0 END) AS "due"
      FROM "Card" c LEFT JOIN "CardState" s ON s."cardId" = c."id" AND s."userId" = ${viewer.id}
      WHERE c."deckId" IN (${Prisma.join(deckIds)}) AND c."retired" = false AND (s."suspended" IS NULL OR s."suspended" = false)
      GROUP BY c."deckId"`),
    scheduledGroups(viewer.id, deckIds, exam.day),
    recentReviewCounts(viewer.id, deckIds, today),
  ]);
  const byDeck = new Map(rows.map((row) => [row.deckId, row]));
  const room = examDayRoom({
    today,
    examDay: exam.day,
    decks: deckIds.map((deckId) => ({ deckId, unintroduced: sqlInt(byDeck.get(deckId)?.unintroduced ?? 0), introducedToday: done.newByDeck[deckId] ?? 0 })),
    scheduled,
    recentReviews,
    dueNow: rows.reduce((sum, row) => sum + sqlInt(row.due ?? 0), 0),
    reviewedToday: done.reviews,
    dailyLoadCap: limits.reviewsPerDay,
    ownNewPerDeck: limits.newPerDeck,
  });
  const accuracy = isFinalPassDay(today, exam.day) ? await recentAccuracy(viewer.id, deckIds, today) : null;
  return { examDay: exam.day, deckIds, room, accuracy };
}

/** Recall (grade ≥ 3, SM-2's pass) per concept of the decks over the last RECENT_ACCURACY_DAYS, undone grades left out. */
async function recentAccuracy(userId: string, deckIds: readonly string[], today: number): Promise<Map<string, number>> {
  const rows = await readRows<{ deckId: string; concept: string; reviewDay: unknown; grade: unknown }>(Prisma.sql`
    SELECT l."deckId" AS "deckId", l."concept" AS "concept", l."reviewDay" AS "reviewDay", l."grade" AS "grade"
    FROM "ReviewLog" l
    WHERE l."userId" = ${userId} AND l."counted" = true AND l."deckId" IN (${Prisma.join([...deckIds])})
      AND l."reviewDay" > ${today - RECENT_ACCURACY_DAYS} AND l."reviewDay" <= ${today}
      AND NOT EXISTS (SELECT 1 FROM "ReviewUndo" u WHERE u."reviewId" = l."reviewId")`);
  return recentAccuracyByConcept(
    rows.map((row) => ({ concept: `${row.deckId}\n${row.concept}`, day: sqlInt(row.reviewDay), correct: sqlInt(row.grade) >= 3 })),
    today,
  );
}

/**
 * The covered decks' introduced cards due before the exam, grouped by due day and SM-2 state (what
 * the plan's forecast needs: lib/srs/exam-views.ts). One pass over the student's states of those decks.
 */
async function scheduledGroups(userId: string, deckIds: readonly string[], examDay: number): Promise<ScheduledGroup[]> {
  const rows = await readRows<{ dueDay: unknown; repetition: unknown; interval: unknown; easinessHundredths: unknown; count: unknown }>(Prisma.sql`
    SELECT s."dueDay" AS "dueDay", s."repetition" AS "repetition", s."interval" AS "interval", s."easinessHundredths" AS "easinessHundredths", COUNT(*) AS "count"
    FROM "CardState" s JOIN "Card" c ON c."id" = s."cardId"
    WHERE s."userId" = ${userId} AND s."deckId" IN (${Prisma.join([...deckIds])}) AND s."dueDay" IS NOT NULL AND s."dueDay" < ${examDay}
      AND s."interval" IS NOT NULL AND s."suspended" = false AND c."retired" = false
    GROUP BY s."dueDay", s."repetition", s."interval", s."easinessHundredths"`);
  return rows.map((row) => ({
    dueDay: sqlInt(row.dueDay),
    repetition: sqlInt(row.repetition),
    interval: sqlInt(row.interval),
    easinessHundredths: sqlInt(row.easinessHundredths),
    count: sqlInt(row.count),
  }));
}

/** Counted reviews of the decks over the last PLANNING_RECALL_DAYS and how many passed (grade ≥ 3), undone grades left out. */
async function recentReviewCounts(userId: string, deckIds: readonly string[], today: number): Promise<{ reviews: number; passes: number }> {
  const [row] = await readRows<{ reviews: unknown; passes: unknown }>(Prisma.sql`
    SELECT COUNT(*) AS "reviews", SUM(CASE WHEN l."grade" >= 3 THEN 1 ELSE 0 END) AS "passes"
    FROM "ReviewLog" l
    WHERE l."userId" = ${userId} AND l."counted" = true AND l."deckId" IN (${Prisma.join([...deckIds])})
      AND l."reviewDay" > ${today - PLANNING_RECALL_DAYS} AND l."reviewDay" <= ${today}
      AND NOT EXISTS (SELECT 1 FROM "ReviewUndo" u WHERE u."reviewId" = l."reviewId")`);
  return { reviews: sqlInt(row?.reviews ?? 0), passes: sqlInt(row?.passes ?? 0) };
}

import "server-only";
import { msg } from "@/lib/i18n/message";
import { dayNumber, isValidTimeZone, parseDayNumber } from "@/lib/srs/days";
import { examAwareDueDay, FINAL_WINDOW_DAYS, nearestExam, type ExamDate } from "@/lib/srs/exam-schedule";
import { Prisma } from "@/lib/generated/prisma/client";
import { requireOwnedClass } from "../classes/classes";
import { db } from "../platform/db";
import { visibleDeckIds } from "../decks/deck-visibility";
import type { Viewer } from "../accounts/users";
import { transactionRows } from "../platform/direct-sql";
import { badRequest, notFound } from "@/lib/server-shared/errors";
import { parseExamDateDeckIds } from "../platform/stored-json";
import { writeTransaction, type Tx } from "../platform/write-tx";

/**
 * Exam dates (docs/architecture.md, "Exam-aware scheduling"): a student's own, covering decks they
 * chose, and their classes' exams, set by the instructor and covering the class's decks. Every
 * function takes the acting user; a student sees and deletes only their own rows, an instructor
 * sets only their own classes' dates (requireOwnedClass answers 404 otherwise).
 */

/** More than anyone plans for; keeps the per-grade lookup small. */
export const MAX_OWN_EXAM_DATES = 20;

export interface ExamDateView {
  id: string;
  /** "YYYY-MM-DD" */
  date: string;
  deckIds: string[];
  source: "own" | "class";
  className: string | null;
}

/** The student's own exams and the exams of every class they belong to, soonest first. */
export async function listExamDates(viewer: Viewer): Promise<ExamDateView[]> {
  const memberships = await db.classMember.findMany({ where: { userId: viewer.id }, select: { classId: true } });
  const classIds = memberships.map((row) => row.classId);
  const rows = await db.examDate.findMany({
    where: { OR: [{ userId: viewer.id }, ...(classIds.length > 0 ? [{ classId: { in: classIds } }] : [])] },
    select: { id: true, date: true, deckIds: true, classId: true, class: { select: { name: true, decks: { select: { deckId: true } } } } },
    orderBy: [{ date: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({
    id: row.id,
    date: row.date,
    deckIds: row.class ? row.class.decks.map((deck) => deck.deckId) : parseExamDateDeckIds(row.deckIds, row.id),
    source: row.classId ? "class" : "own",
    className: row.class?.name ?? null,
  }));
}

/** The exams as the scheduler reads them (day numbers; calendar dates are zone-free). */
export function toSchedulerExams(views: readonly ExamDateView[]): ExamDate[] {
  return views.map((view) => ({ day: parseDayNumber(view.date), deckIds: view.deckIds }));
}

export async function addOwnExamDate(viewer: Viewer, input: { date: string; deckIds: string[] }, now: Date = new Date()): Promise<ExamDateView> {
  const visible = new Set(await visibleDeckIds(viewer));
  const unknown = input.deckIds.filter((id) => !visible.has(id));
  if (unknown.length > 0) throw badRequest(msg("examDates.chooseDecks"), { deckIds: [msg("examDates.notYourDecks", { deckIds: unknown.join(", ") })] });
  const count = await db.examDate.count({ where: { userId: viewer.id } });
  if (count >= MAX_OWN_EXAM_DATES) throw badRequest(msg("examDates.tooMany", { max: MAX_OWN_EXAM_DATES }));
  const row = await db.examDate.create({ data: { userId: viewer.id, date: input.date, deckIds: JSON.stringify([...new Set(input.deckIds)]) } });
  await rescheduleForExams([viewer.id], now);
  return { id: row.id, date: row.date, deckIds: parseExamDateDeckIds(row.deckIds, row.id), source: "own", className: null };
}

export async function removeOwnExamDate(viewer: Viewer, id: string, now: Date = new Date()): Promise<void> {
  const { count } = await db.examDate.deleteMany({ where: { id, userId: viewer.id } });
  if (count === 0) throw notFound(msg("examDates.notFound"));
  await rescheduleForExams([viewer.id], now);
}

/** The class's exam date, or null. */
export async function getClassExamDate(viewer: Viewer, classId: string): Promise<string | null> {
  await requireOwnedClass(viewer, classId);
  const row = await db.examDate.findFirst({ where: { classId }, select: { date: true } });
  return row?.date ?? null;
}

/** Sets (or, with null, clears) the class's one exam date; members inherit it. */
export async function setClassExamDate(viewer: Viewer, classId: string, date: string | null, now: Date = new Date()): Promise<string | null> {
  await requireOwnedClass(viewer, classId);
  await db.$transaction([
    db.examDate.deleteMany({ where: { classId } }),
    ...(date === null ? [] : [db.examDate.create({ data: { classId, date } })]),
  ]);
  const members = await db.classMember.findMany({ where: { classId }, select: { userId: true } });
  await rescheduleForExams(members.map((member) => member.userId), now);
  return date;
}

interface ExamRow {
  date: string;
}

/**
 * The nearest exam day ahead of `today` covering `deckId`, for the grade transaction: the
 * student's own exams naming the deck and their classes' exams where the class has the deck.
 */
export async function nearestExamDayInTransaction(tx: Tx, userId: string, deckId: string, today: number): Promise<number | null> {
  const rows = await transactionRows<ExamRow & { id: string; deckIds: string | null }>(tx, Prisma.sql`
    SELECT e."id" AS "id", e."date" AS "date", e."deckIds" AS "deckIds" FROM "ExamDate" e WHERE e."userId" = ${userId}
    UNION ALL
    SELECT e."id" AS "id", e."date" AS "date", NULL AS "deckIds" FROM "ExamDate" e
      JOIN "ClassMember" m ON m."classId" = e."classId" AND m."userId" = ${userId}
      JOIN "ClassDeck" d ON d."classId" = e."classId" AND d."deckId" = ${deckId}`);
  const exams: ExamDate[] = rows.map((row) => ({
    day: parseDayNumber(row.date),
    deckIds: row.deckIds === null ? [deckId] : parseExamDateDeckIds(row.deckIds, row.id),
  }));
  return nearestExam(exams, today, deckId)?.day ?? null;
}

interface WindowLoadRow {
  dueDay: unknown;
  cards: unknown;
}

/**
 * Cards of the student (all decks) due on each day of the final window before `examDay`, index 0
 * being E − W: what `leastLoadedWindowDay` levels the final pass with. One grouped read on the
 * (userId, dueDay) index, made only when a grade brings a card forward.
 */
export async function finalWindowLoadInTransaction(tx: Tx, userId: string, examDay: number): Promise<number[]> {
  const first = examDay - FINAL_WINDOW_DAYS;
  const rows = await transactionRows<WindowLoadRow>(tx, Prisma.sql`
    SELECT "dueDay" AS "dueDay", COUNT(*) AS "cards" FROM "CardState"
    WHERE "userId" = ${userId} AND "dueDay" >= ${first} AND "dueDay" < ${examDay} GROUP BY "dueDay"`);
  const load = new Array<number>(FINAL_WINDOW_DAYS).fill(0);
  for (const row of rows) {
    const index = Number(row.dueDay) - first;
    if (index >= 0 && index < FINAL_WINDOW_DAYS) load[index] = Number(row.cards);
  }
  return load;
}

/**
 * Brings the stored due days of `userIds` in line with their exams as they are now: each reviewed
 * card's due day is what grading would have stored had these exams been known at its last review,
 * $$\text{due} = \text{examAwareDueDay}(\text{lastReviewDay},\ \text{lastReviewDay} + I,\ E)$$
 * with E the nearest exam after that review covering the card's deck (exams already over are left
 * out). A new exam pulls cards due
 * after it forward; a deleted one gives them back their SM-2 due day. The SM-2 state is not touched.
 */
export async function rescheduleForExams(userIds: readonly string[], now: Date = new Date()): Promise<number> {
  let changed = 0;
  for (const userId of userIds) {
    // An exam already over is ignored: it must not pull cards into days that have passed.
    const { today } = await userToday(userId, now);
    const exams = toSchedulerExams(await listExamDates({ id: userId, role: "student" })).filter((exam) => exam.day > today);
    changed += await writeTransaction(async (tx) => {
      const states = await tx.cardState.findMany({
        where: { userId, lastReviewDay: { not: null }, interval: { not: null } },
        select: { cardId: true, deckId: true, dueDay: true, lastReviewDay: true, interval: true },
      });
      let updates = 0;
      for (const state of states) {
        if (state.lastReviewDay === null || state.interval === null) continue;
        const examDay = nearestExam(exams, state.lastReviewDay, state.deckId)?.day ?? null;
        const dueDay = examAwareDueDay({ reviewDay: state.lastReviewDay, sm2DueDay: state.lastReviewDay + state.interval, examDay, cardId: state.cardId });
        if (dueDay === state.dueDay) continue;
        await tx.cardState.update({ where: { userId_cardId: { userId, cardId: state.cardId } }, data: { dueDay } });
        updates += 1;
      }
      return updates;
    });
  }
  return changed;
}

/** Today in the user's zone, for pages that show days left. */
export async function userToday(userId: string, now: Date): Promise<{ today: number; timezone: string }> {
  const row = await db.user.findUnique({ where: { id: userId }, select: { timezone: true } });
  const timezone = row && isValidTimeZone(row.timezone) ? row.timezone : "UTC";
  return { today: dayNumber(now, timezone), timezone };
}

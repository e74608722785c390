import "server-only";
import { msg } from "@/lib/i18n/message";
import { dayNumber, gradeCard, isValidTimeZone, type CardState, type Grade } from "@/lib/srs";
import { withExamDueDay } from "@/lib/srs/exam-schedule";
import { Prisma, type Review } from "@/lib/generated/prisma/client";
import { db } from "../platform/db";
import { listDecks } from "../decks/deck-store";
import { sqlBoolean, sqlIntOrNull, transactionRows, transactionWrite } from "../platform/direct-sql";
import { conflict, notFound } from "@/lib/server-shared/errors";
import { finalWindowLoadInTransaction, nearestExamDayInTransaction } from "../exams/exam-dates";
import { refuseHiddenReview } from "./review-guard";
import { parseReviewLogStateAfter, parseReviewLogStateBefore, parseReviewVariant } from "../platform/stored-json";
import { toReviewItem } from "./review-item";
import { loadUserSettings } from "./review-settings";
import { forUpdate, lockReview } from "../platform/row-locks";
import { isRetryableWriteConflict } from "@/lib/server-shared/platform/unique-violation";
import { writeTransaction, type Tx } from "../platform/write-tx";
import { cardStateRowFromSql, publicState, stateColumns, toSrsState, type GradeOutcome, type RawCardStateRow, type UndoOutcome } from "./review-types";

/**
 * `POST /api/review/{reviewId}/grade` and `/undo`.
 *
 * Grading is one transaction: insert the ReviewLog row (reviewId is unique) and save the card's new
 * state. The log row is looked up first inside the transaction, so a repeated request — or one of
 * twenty racing ones — finds it and returns the stored after-state without changing anything; the
 * unique index is the backstop when two processes race (the loser's insert fails, nothing of it is
 * kept, and it answers from the winner's row). On PostgreSQL the review's row and then the card
 * state's row are locked (row-locks.ts): racing grades of one review wait for each other, and an
 * exam-counted grade and a review grade of the same card apply one after the other, the second to
 * the first one's result, so neither update is lost.
 *
 * Undo restores the logged before-state exactly (nothing is recomputed), records a ReviewUndo, and
 * issues the same question again (same variant, same answer) so that it can be graded anew.
 */

/** Today in the user's time zone (`known` when the caller already has it; else the settings, cached briefly). */
async function userDay(userId: string, now: Date, known?: string): Promise<{ timezone: string; today: number }> {
  const timezone = known !== undefined && isValidTimeZone(known) ? known : (await loadUserSettings(userId)).timezone;
  return { timezone, today: dayNumber(now, timezone) };
}

function fromLog(
  log: { reviewId: string; grade: number; counted: boolean; stateAfter: string; undo: unknown },
  timezone: string,
  today: number,
  repeated: boolean,
): GradeOutcome {
  return {
    state: publicState(parseReviewLogStateAfter(log.stateAfter, log.reviewId), timezone, today),
    grade: log.grade as Grade,
    counted: log.counted,
    repeated,
    undone: log.undo !== null,
  };
}

export type GradeTxOutcome = { done: GradeOutcome } | { missing: "review" } | { closed: true };

interface GradedReviewRow {
  cardId: string;
  deckId: string;
  variantSeed: unknown;
  templateVersion: string;
  variant: string;
  response: string | null;
  readAs: string | null;
  status: string | null;
  durationMs: unknown;
  closedAt: unknown;
}

interface LogRow {
  grade: unknown;
  counted: unknown;
  stateAfter: string;
  undoId: unknown;
}

type StateRow = RawCardStateRow & { introducedDay: unknown };

/**
 * The grading step inside a transaction the caller holds (the review loop's own one below; a mock
 * exam creates its review and grades it in one, exam-reviews.ts). Returns an outcome, never throws
 * on purpose (write-tx.ts). Plain SQL through direct-sql.ts: six statements that cost about 0.3 ms
 * together, where the same six ORM calls cost 5 ms (bench/seed-large-user.ts) and left garbage that
 * the next request paid for in collection pauses.
 */
export async function gradeReviewInTransaction(tx: Tx, userId: string, reviewId: string, grade: Grade, now: Date, zone: string, today: number): Promise<GradeTxOutcome> {
  const [review] = await transactionRows<GradedReviewRow>(tx, Prisma.sql`
    SELECT "cardId", "deckId", "variantSeed", "templateVersion", "variant", "response", "readAs", "status", "durationMs", "closedAt"
    FROM "Review" WHERE "id" = ${reviewId} AND "userId" = ${userId}${forUpdate()}`);
  if (!review) return { missing: "review" };
  const [logged] = await transactionRows<LogRow>(tx, Prisma.sql`
    SELECT l."grade" AS "grade", l."counted" AS "counted", l."stateAfter" AS "stateAfter", u."id" AS "undoId"
    FROM "ReviewLog" l LEFT JOIN "ReviewUndo" u ON u."reviewId" = l."reviewId" WHERE l."reviewId" = ${reviewId}`);
  if (logged) {
    return { done: fromLog({ reviewId, grade: Number(logged.grade), counted: sqlBoolean(logged.counted), stateAfter: logged.stateAfter, undo: logged.undoId ?? null }, zone, today, true) };
  }
  if (review.closedAt !== null) return { closed: true };

  const [stored] = await transactionRows<StateRow>(tx, Prisma.sql`
    SELECT "repetition", "easinessHundredths", "interval", "dueDay", "lastReviewDay", "redrillDay", "suspended", "buriedUntilDay", "introducedDay"
    FROM "CardState" WHERE "userId" = ${userId} AND "cardId" = ${review.cardId}${forUpdate()}`);
  const before: CardState = toSrsState(stored ? cardStateRowFromSql(stored) : null);
  // An exam ahead only moves the due day forward (docs/architecture.md, "Exam-aware scheduling").
  const examDay = await nearestExamDayInTransaction(tx, userId, review.deckId, today);
  // Graded once; a card brought forward is placed again with the final window's loads (one read).
  const plain = gradeCard(before, grade, today);
  let result = withExamDueDay(plain, today, { examDay, cardId: review.cardId });
  if (examDay !== null && result.next.dueDay !== plain.next.dueDay) {
    const windowLoad = await finalWindowLoadInTransaction(tx, userId, examDay);
    result = withExamDueDay(plain, today, { examDay, cardId: review.cardId, windowLoad });
  }
  const wasNew = result.counted && before.lastReviewDay === null;
  const variant = parseReviewVariant(review.variant, reviewId);
  await transactionWrite(tx, Prisma.sql`
    INSERT INTO "ReviewLog" ("reviewId", "userId", "cardId", "deckId", "concept", "variantSeed", "templateVersion", "response", "readAs", "status",
      "grade", "durationMs", "reviewDay", "counted", "wasNew", "stateBefore", "stateAfter", "createdAt")
    VALUES (${reviewId}, ${userId}, ${review.cardId}, ${review.deckId}, ${variant.concept}, ${BigInt(String(review.variantSeed))}, ${review.templateVersion},
      ${review.response}, ${review.readAs}, ${review.status}, ${grade}, ${sqlIntOrNull(review.durationMs)}, ${today}, ${result.counted}, ${wasNew},
      ${JSON.stringify(before)}, ${JSON.stringify(result.next)}, ${now})`);
  const introducedDay = sqlIntOrNull(stored?.introducedDay) ?? (wasNew ? today : null);
  const next = stateColumns(result.next);
  if (stored) {
    await transactionWrite(tx, Prisma.sql`
      UPDATE "CardState" SET "repetition" = ${next.repetition}, "easinessHundredths" = ${next.easinessHundredths}, "interval" = ${next.interval},
        "dueDay" = ${next.dueDay}, "lastReviewDay" = ${next.lastReviewDay}, "redrillDay" = ${next.redrillDay}, "suspended" = ${next.suspended},
        "buriedUntilDay" = ${next.buriedUntilDay}, "introducedDay" = ${introducedDay}, "updatedAt" = ${now}
      WHERE "userId" = ${userId} AND "cardId" = ${review.cardId}`);
  } else {
    await transactionWrite(tx, Prisma.sql`
      INSERT INTO "CardState" ("userId", "cardId", "deckId", "repetition", "easinessHundredths", "interval", "dueDay", "lastReviewDay", "redrillDay",
        "suspended", "buriedUntilDay", "introducedDay", "updatedAt")
      VALUES (${userId}, ${review.cardId}, ${review.deckId}, ${next.repetition}, ${next.easinessHundredths}, ${next.interval}, ${next.dueDay},
        ${next.lastReviewDay}, ${next.redrillDay}, ${next.suspended}, ${next.buriedUntilDay}, ${introducedDay}, ${now})`);
  }
  await transactionWrite(tx, Prisma.sql`UPDATE "Review" SET "gradedAt" = ${now} WHERE "id" = ${reviewId}`);
  return {
    done: { state: publicState(result.next, zone, today), grade, counted: result.counted, repeated: false, undone: false },
  };
}

export async function gradeReview(userId: string, reviewId: string, grade: Grade, now: Date = new Date(), timezone?: string): Promise<GradeOutcome> {
  const { timezone: zone, today } = await userDay(userId, now, timezone);
  for (let attempt = 0; ; attempt += 1) {
    let outcome: GradeTxOutcome;
    try {
      outcome = await writeTransaction<GradeTxOutcome>((tx) => gradeReviewInTransaction(tx, userId, reviewId, grade, now, zone, today));
    } catch (error) {
      // Two processes graded the same review at once and the other one won: answer from its row
      // (or PostgreSQL broke a lock cycle by aborting this one: run it again).
      if (isRetryableWriteConflict(error) && attempt < 3) continue;
      throw error;
    }
    if ("missing" in outcome) throw notFound(msg("review.notFound"));
    if ("closed" in outcome) throw conflict(msg("review.closedCannotGrade"));
    return outcome.done;
  }
}

type UndoTxOutcome =
  | { done: { state: CardState; review: Review | null; repeated: boolean } }
  | { missing: "review" }
  | { notGraded: true }
  | { later: true };

/** Runs an undo; one that lost an insert race to another process's undo runs again and finds it done. */
async function runUndo(attempt: () => Promise<UndoTxOutcome>): Promise<UndoTxOutcome> {
  for (let tries = 0; ; tries += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (isRetryableWriteConflict(error) && tries < 3) continue;
      throw error;
    }
  }
}

export async function undoGrade(userId: string, reviewId: string, now: Date = new Date()): Promise<UndoOutcome> {
  const { timezone, today } = await userDay(userId, now);
  // Undo hands the answered question back: not for a card of a running exam or a deck no longer open.
  const target = await db.review.findFirst({ where: { id: reviewId, userId }, select: { cardId: true, deckId: true } });
  if (!target) throw notFound(msg("review.notFound"));
  await refuseHiddenReview(userId, target, now);
  const outcome = await runUndo(() => writeTransaction<UndoTxOutcome>(async (tx) => {
    // Racing undos of one review run one after the other (row-locks.ts); the later ones find the undo.
    if (!(await lockReview(tx, userId, reviewId))) return { missing: "review" };
    const review = await tx.review.findFirst({ where: { id: reviewId, userId } });
    if (!review) return { missing: "review" };
    const log = await tx.reviewLog.findUnique({ where: { reviewId }, include: { undo: { select: { id: true } } } });
    if (!log) return { notGraded: true };
    const before = parseReviewLogStateBefore(log.stateBefore, reviewId);
    if (log.undo) return { done: { state: before, review: null, repeated: true } };
    // Only the card's latest standing grade can be undone: an older one's before-state is history.
    const latest = await tx.reviewLog.findFirst({
      where: { userId, cardId: log.cardId, undo: { is: null } },
      orderBy: { id: "desc" },
      select: { reviewId: true },
    });
    if (latest?.reviewId !== reviewId) return { later: true };

    await tx.cardState.update({
      where: { userId_cardId: { userId, cardId: log.cardId } },
      data: { ...stateColumns(before), ...(before.lastReviewDay === null ? { introducedDay: null } : {}) },
    });
    await tx.reviewUndo.create({ data: { reviewId, userId, createdAt: now } });
    await tx.review.updateMany({ where: { userId, gradedAt: null, closedAt: null }, data: { closedAt: now } });
    const again = await tx.review.create({
      data: {
        userId,
        cardId: review.cardId,
        deckId: review.deckId,
        kind: review.kind,
        variantSeed: review.variantSeed,
        templateVersion: review.templateVersion,
        variant: review.variant,
        issuedAt: now,
        issuedDay: today,
        answeredAt: review.answeredAt,
        response: review.response,
        readAs: review.readAs,
        status: review.status,
        durationMs: review.durationMs,
      },
    });
    return { done: { state: before, review: again, repeated: false } };
  }));
  if ("missing" in outcome) throw notFound(msg("review.notFound"));
  if ("notGraded" in outcome) throw conflict(msg("review.notGraded"));
  if ("later" in outcome) throw conflict(msg("review.gradedLater"));
  const { state, review, repeated } = outcome.done;
  const item = review ? toReviewItem(review, await listDecks()) : null;
  return { state: publicState(state, timezone, today), item, repeated };
}

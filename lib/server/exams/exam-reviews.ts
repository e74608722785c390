import "server-only";
import type { Variant } from "@/lib/questions";
import { dayNumber, isValidTimeZone } from "@/lib/srs";
import type { Exam, ExamQuestion } from "@/lib/generated/prisma/client";
import { db } from "../platform/db";
import { examGrade, scoreResponse } from "./exam-scoring";
import { gradeReviewInTransaction } from "../review/review-grade";
import { isUniqueViolation, writeTransaction } from "../platform/write-tx";
import { parseExamQuestionVariant } from "../platform/stored-json";

/**
 * "Count as reviews" for mock exams: every answered question of a submitted exam becomes a Review
 * of kind "exam", graded by the review loop's own grading step, so the SM-2 rules (first grade of
 * the day counts, once) hold for exam answers too.
 *
 * Closing an exam and counting its answers are separate commits, and a crash can fall between them
 * or between two questions. So counting is resumable and happens once per question:
 * - a question's review has an id derived from the question (`exam-<questionId>`) and is created and
 *   graded in one transaction: it exists exactly when that answer has been counted, and the key
 *   refuses a second one when two requests finish the same exam at once. Made and graded together,
 *   it is never a pending review the review loop could show or close half-way;
 * - Exam.reviewsCountedAt is set once every answer is counted. Until then each read of the exam
 *   (exams.ts: the result, submitting, the exam list, starting another) finishes what is missing.
 */

export const examReviewId = (questionId: string) => `exam-${questionId}`;

type ExamToCount = Pick<Exam, "id" | "userId" | "startedAt" | "submittedAt" | "countAsReviews" | "reviewsCountedAt">;
type ScoredAnswer = { row: ExamQuestion; variant: Variant } & ReturnType<typeof scoreResponse>;

/** A submitted exam whose answers should count as reviews and may not all have been counted yet. */
export function hasUncountedReviews(exam: ExamToCount): exam is ExamToCount & { submittedAt: Date } {
  return exam.countAsReviews && exam.submittedAt !== null && exam.reviewsCountedAt === null;
}

/**
 * Counts the answers of `exam` that are not counted yet, then marks the exam done. A question that
 * fails (logged) leaves the exam pending for the next read rather than failing this one: the
 * result stands either way.
 */
export async function finishExamReviews(exam: ExamToCount, now: Date): Promise<void> {
  if (!hasUncountedReviews(exam)) return;
  const rows = await db.examQuestion.findMany({ where: { examId: exam.id }, orderBy: { position: "asc" } });
  const answered: ScoredAnswer[] = rows
    .map((row) => {
      const variant = parseExamQuestionVariant(row.variant, row.id);
      return { row, variant, ...scoreResponse(variant, row.response) };
    })
    .filter((q) => q.status !== "unanswered");
  const ids = answered.map((q) => examReviewId(q.row.id));
  const counted = new Set((await db.review.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((review) => review.id));

  const user = await db.user.findUnique({ where: { id: exam.userId }, select: { timezone: true } });
  const zone = user && isValidTimeZone(user.timezone) ? user.timezone : "UTC";
  // No per-question timing in an exam: each answer is given an equal share of the time used.
  const durationMs = Math.max(0, Math.round((exam.submittedAt.getTime() - exam.startedAt.getTime()) / Math.max(1, answered.length)));
  let failed = 0;
  for (const q of answered) {
    if (counted.has(examReviewId(q.row.id))) continue;
    try {
      await countAnswer(exam, q, durationMs, now, zone);
    } catch (error) {
      failed += 1;
      console.error(`[deepdrill] exam ${exam.id}: could not count question ${q.row.position} as a review yet; the next read tries again`, error);
    }
  }
  if (failed > 0) return;
  await writeTransaction((tx) => tx.exam.updateMany({ where: { id: exam.id, reviewsCountedAt: null }, data: { reviewsCountedAt: now } }));
}

/** One answer as a review, created and graded in one transaction (a no-op when already counted). */
async function countAnswer(exam: ExamToCount & { submittedAt: Date }, answer: ScoredAnswer, durationMs: number, now: Date, zone: string): Promise<void> {
  const { row } = answer;
  const id = examReviewId(row.id);
  const grade = examGrade(answer.variant, answer.status, durationMs, answer.mistake);
  try {
    await writeTransaction(async (tx) => {
      if (await tx.review.findUnique({ where: { id }, select: { id: true } })) return;
      await tx.review.create({
        data: {
          id,
          userId: exam.userId,
          cardId: row.cardId,
          deckId: row.deckId,
          kind: "exam",
          variantSeed: row.variantSeed,
          templateVersion: row.templateVersion,
          variant: row.variant,
          issuedAt: exam.startedAt,
          issuedDay: dayNumber(exam.startedAt, zone),
          answeredAt: row.answeredAt ?? exam.submittedAt,
          response: row.response,
          readAs: answer.readAs,
          status: answer.status === "correct" ? "correct" : "wrong",
          durationMs,
        },
      });
      // Cannot come back "missing" or "closed": the review was made just above, in this transaction.
      await gradeReviewInTransaction(tx, exam.userId, id, grade, now, zone, dayNumber(now, zone));
    });
  } catch (error) {
    // Another request counted this answer at the same moment: its commit is the one count.
    if (!isUniqueViolation(error)) throw error;
  }
}

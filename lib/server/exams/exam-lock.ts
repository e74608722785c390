import "server-only";
import { msg } from "@/lib/i18n/message";
import { db } from "../platform/db";
import { AppError } from "@/lib/server-shared/errors";

/**
 * While a student's mock exam runs, its questions are out of reach everywhere else: practice and the
 * review loop neither show nor check the exam's cards (a static card's practice check would hand
 * over the exam's answer). The lock ends with the exam: at submission, or when its time (plus the
 * grace for answers on their way) runs out. docs/architecture.md "Access and exams".
 */

/** Answers sent just before the deadline are still accepted when they arrive this much later. */
export const ANSWER_GRACE_MS = 5_000;

export interface ExamLock {
  examId: string;
  deadlineAt: Date;
  /** Card ids ("<deckId>/<itemId>") of the exam's questions. */
  cardIds: ReadonlySet<string>;
}

/** The student's running exam and its cards, or null (one indexed read when there is none). */
export async function runningExamLock(userId: string, now: Date = new Date()): Promise<ExamLock | null> {
  const exam = await db.exam.findFirst({
    where: { userId, submittedAt: null, deadlineAt: { gt: new Date(now.getTime() - ANSWER_GRACE_MS) } },
    select: { id: true, deadlineAt: true },
    orderBy: { startedAt: "desc" },
  });
  if (!exam) return null;
  const rows = await db.examQuestion.findMany({ where: { examId: exam.id }, select: { cardId: true } });
  return { examId: exam.id, deadlineAt: exam.deadlineAt, cardIds: new Set(rows.map((row) => row.cardId)) };
}

/** 409 for a card of the running exam: says why and until when, and names the exam. */
export function examPausedError(lock: ExamLock): AppError {
  return new AppError(
    409,
    msg("exam.practicePaused", { deadline: lock.deadlineAt.toISOString() }),
    { examId: [lock.examId] },
  );
}

/** Throws {@link examPausedError} when `cardId` is one of the running exam's questions. */
export async function refuseExamCard(userId: string, cardId: string, now: Date = new Date()): Promise<void> {
  const lock = await runningExamLock(userId, now);
  if (lock?.cardIds.has(cardId)) throw examPausedError(lock);
}

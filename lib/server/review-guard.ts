import "server-only";
import { canSeeDeck } from "./deck-visibility";
import { conflict } from "./errors";
import { examPausedError, runningExamLock } from "./exam-lock";
import { loadUserSettings } from "./review-queue";

/**
 * Before an issued review reveals anything (its stored answer, a check, the question again after an
 * undo): the card must not be in the student's running exam (exam-lock.ts), and its deck must still
 * be open to them (deck-visibility.ts). docs/architecture.md "Access and exams".
 */
export async function refuseHiddenReview(userId: string, review: { cardId: string; deckId: string }, now: Date = new Date()): Promise<void> {
  const [settings, lock] = await Promise.all([loadUserSettings(userId), runningExamLock(userId, now)]);
  if (lock?.cardIds.has(review.cardId)) throw examPausedError(lock);
  if (!(await canSeeDeck({ id: userId, role: settings.role }, review.deckId))) {
    throw conflict("This review's deck is no longer open to you (you left its class, or its owner withdrew it), so its answer stays hidden. Ask for the next card.");
  }
}

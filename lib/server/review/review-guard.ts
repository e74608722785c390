import "server-only";
import { msg } from "@/lib/i18n/message";
import { canSeeDeck } from "../decks/deck-visibility";
import { conflict } from "@/lib/server-shared/errors";
import { examPausedError, runningExamLock } from "../exams/exam-lock";
import { loadUserSettings } from "./review-settings";

/**
 * Before an issued review reveals anything (its stored answer, a check, the question again after an
 * undo): the card must not be in the student's running exam (exam-lock.ts), and its deck must still
 * be open to them (deck-visibility.ts). docs/architecture.md "Access and exams".
 */
export async function refuseHiddenReview(userId: string, review: { cardId: string; deckId: string }, now: Date = new Date()): Promise<void> {
  const [settings, lock] = await Promise.all([loadUserSettings(userId), runningExamLock(userId, now)]);
  if (lock?.cardIds.has(review.cardId)) throw examPausedError(lock);
  if (!(await canSeeDeck({ id: userId, role: settings.role }, review.deckId))) {
    throw conflict(msg("review.deckClosed"));
  }
}

import "server-only";
import { db } from "../platform/db";
import { visibleDeckIds } from "../decks/deck-visibility";
import { writeTransaction } from "../platform/write-tx";

/**
 * When a user's access to a deck ends (they leave or are removed from a class, the deck is unassigned
 * or the class deleted, the deck's owner makes it private or unshares it), their pending reviews of
 * that deck are closed: a review issued before must not reveal its answer afterwards. The answer
 * endpoint checks access too (review-guard.ts), for another process whose visibility cache is still
 * warm. Call this after invalidateDeckVisibility, so that the rule is read afresh.
 */
export async function closeReviewsBeyondAccess(scope: { userIds: readonly string[] } | { deckIds: readonly string[] }, now: Date = new Date()): Promise<number> {
  const where = "userIds" in scope ? { userId: { in: [...scope.userIds] } } : { deckId: { in: [...scope.deckIds] } };
  const pending = await db.review.findMany({ where: { ...where, gradedAt: null, closedAt: null }, select: { id: true, userId: true, deckId: true } });
  if (pending.length === 0) return 0;
  const users = await db.user.findMany({ where: { id: { in: [...new Set(pending.map((review) => review.userId))] } }, select: { id: true, role: true } });
  const visible = new Map<string, Set<string>>();
  for (const user of users) {
    visible.set(user.id, new Set(await visibleDeckIds({ id: user.id, role: user.role === "instructor" ? "instructor" : "student" })));
  }
  const closing = pending.filter((review) => !visible.get(review.userId)?.has(review.deckId)).map((review) => review.id);
  if (closing.length === 0) return 0;
  const { count } = await writeTransaction((tx) => tx.review.updateMany({ where: { id: { in: closing }, gradedAt: null, closedAt: null }, data: { closedAt: now } }));
  return count;
}

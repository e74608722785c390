/**
 * What is left of today's limits (docs/architecture.md "Spaced repetition"): the limits are daily,
 * so the room is the limit minus what the review log says was already done today, never below 0.
 * Due reviews share one limit; each deck has its own new-card limit, which an exam's pace may raise
 * (exam-pacing.ts). The queue (queue.ts) fills this room, and the server counts what is left to
 * study against it without reading every card; both ask here.
 */
import { assertCount } from "./assert-count";

export interface DailyRoomInput {
  readonly limits: { readonly newPerDeck: number; readonly reviewsPerDay: number };
  /** A deck's own new-card limit for the day, in place of `limits.newPerDeck`. */
  readonly newLimitByDeck?: Readonly<Record<string, number>> | undefined;
  /** Due reviews graded and new cards introduced (per deck id) so far today. */
  readonly reviewedToday?: { readonly reviews?: number; readonly newByDeck?: Readonly<Record<string, number>> } | undefined;
}

export interface DailyRoom {
  /** Due reviews that may still be shown today. */
  readonly reviews: number;
  /** The deck's new-card limit for the whole day (its own, or the plain `newPerDeck`). */
  newLimit(deckId: string): number;
  /** New cards of the deck that may still be introduced today. */
  newCards(deckId: string): number;
}

/** Checks the limits and today's counts (a RangeError names the bad one), and says what room is left. */
export function dailyRoom(input: DailyRoomInput): DailyRoom {
  const { limits } = input;
  assertCount("limits.newPerDeck", limits.newPerDeck);
  assertCount("limits.reviewsPerDay", limits.reviewsPerDay);
  const reviewsDone = input.reviewedToday?.reviews ?? 0;
  assertCount("reviewedToday.reviews", reviewsDone);
  const newByDeck = input.reviewedToday?.newByDeck ?? {};
  const newLimit = (deckId: string): number => {
    const limit = input.newLimitByDeck?.[deckId] ?? limits.newPerDeck;
    assertCount(`newLimitByDeck[${JSON.stringify(deckId)}]`, limit);
    return limit;
  };
  return {
    reviews: Math.max(0, limits.reviewsPerDay - reviewsDone),
    newLimit,
    newCards(deckId) {
      const introduced = newByDeck[deckId] ?? 0;
      assertCount(`reviewedToday.newByDeck[${JSON.stringify(deckId)}]`, introduced);
      return Math.max(0, newLimit(deckId) - introduced);
    },
  };
}

/**
 * Today's review queue, as a pure function of the cards' states, the day, the limits and what was
 * already done today (docs/architecture.md "Spaced repetition"):
 *
 * 1. due reviews, most overdue first (earliest due day), ties by card id — at most
 *    `reviewsPerDay − reviewedToday.reviews`;
 * 2. new cards, in authoring order (position, then id), at most `newPerDeck − newByDeck[deck]` per deck;
 * 3. same-day re-drills (first grade today below 4, no 4 or 5 since), the longest-waiting first.
 *
 * Suspended cards and cards buried on `today` are left out. Re-drills are never limited: SM-2 repeats
 * them "until all of these items score at least four". The review limit counts due reviews only (new
 * cards have their own limit), as in Anki's v2 scheduler.
 *
 * The function reads every card it is given. For a large collection, pass only candidates (due on or
 * before today, new, or re-drill owed today), fetched most overdue first; the result is the same as
 * long as no due review beyond the first `reviewsPerDay` is left out.
 */
import { dailyRoom } from "./daily-room";
import { isBuried, isRedrillPending, type CardState } from "./review-state";

/** Default daily limit of new cards introduced per deck (per user, adjustable). */
export const DEFAULT_NEW_CARDS_PER_DECK = 20;
/** Default daily limit of due reviews (per user, adjustable). */
export const DEFAULT_REVIEWS_PER_DAY = 200;

export interface QueueCard {
  readonly id: string;
  readonly deckId: string;
  readonly state: CardState;
  /** Authoring order within the deck; new cards are introduced by (position, id). Defaults to 0. */
  readonly position?: number;
  /** When the card was last graded (any monotone clock, e.g. epoch ms); orders re-drills. */
  readonly lastGradedAt?: number;
}

export type QueueKind = "review" | "new" | "redrill";

export interface QueueEntry {
  readonly cardId: string;
  readonly deckId: string;
  readonly kind: QueueKind;
  /** Days past the due day (0 = due today) for reviews; null for new cards and re-drills. */
  readonly overdueDays: number | null;
}

export interface QueueLimits {
  readonly newPerDeck: number;
  readonly reviewsPerDay: number;
}

export const DEFAULT_QUEUE_LIMITS: QueueLimits = Object.freeze({
  newPerDeck: DEFAULT_NEW_CARDS_PER_DECK,
  reviewsPerDay: DEFAULT_REVIEWS_PER_DAY,
});

/** What the user already did today (from the review log): the limits are daily. */
export interface ReviewedToday {
  /** Due reviews graded today (first-of-day grades of cards that were not new). */
  readonly reviews: number;
  /** New cards introduced today, per deck id. */
  readonly newByDeck: Readonly<Record<string, number>>;
}

export interface QueueInput {
  readonly cards: readonly QueueCard[];
  /** Today's day number in the user's time zone (see `days.ts`). */
  readonly today: number;
  readonly limits?: Partial<QueueLimits>;
  /** A deck's own new-card limit, in place of `limits.newPerDeck` (an exam's pace, exam-pacing.ts). */
  readonly newLimitByDeck?: Readonly<Record<string, number>>;
  readonly reviewedToday?: Partial<ReviewedToday>;
}

export interface RemainingCounts {
  readonly due: number;
  readonly new: number;
  readonly redrill: number;
}

/** Which part of today's queue a card belongs to, or null when it has no place in it today. */
export function classifyCard(state: CardState, today: number): QueueKind | null {
  if (state.suspended || isBuried(state, today)) return null;
  if (isRedrillPending(state, today)) return "redrill";
  if (state.lastReviewDay !== null && state.lastReviewDay >= today) return null;
  if (state.dueDay === null) return "new";
  return state.dueDay <= today ? "review" : null;
}

/** Plain code-unit order: the same on every machine, unlike localeCompare. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function buildQueue(input: QueueInput): QueueEntry[] {
  const { cards, today } = input;
  if (!Number.isSafeInteger(today)) throw new RangeError(`today must be an integer day number, got ${today}`);
  const limits: QueueLimits = { ...DEFAULT_QUEUE_LIMITS, ...input.limits };
  const room = dailyRoom({ limits, newLimitByDeck: input.newLimitByDeck, reviewedToday: input.reviewedToday });

  const reviews: QueueCard[] = [];
  const fresh: QueueCard[] = [];
  const redrills: QueueCard[] = [];
  for (const card of cards) {
    const kind = classifyCard(card.state, today);
    if (kind === "review") reviews.push(card);
    else if (kind === "new") fresh.push(card);
    else if (kind === "redrill") redrills.push(card);
  }

  // dueDay is non-null for every review (classifyCard checked it).
  reviews.sort((a, b) => (a.state.dueDay ?? 0) - (b.state.dueDay ?? 0) || compareIds(a.id, b.id));
  fresh.sort((a, b) => (a.position ?? 0) - (b.position ?? 0) || compareIds(a.id, b.id));
  redrills.sort(
    (a, b) =>
      (a.lastGradedAt ?? Number.NEGATIVE_INFINITY) - (b.lastGradedAt ?? Number.NEGATIVE_INFINITY) ||
      compareIds(a.id, b.id),
  );

  const queue: QueueEntry[] = [];
  for (const card of reviews.slice(0, room.reviews)) {
    queue.push({ cardId: card.id, deckId: card.deckId, kind: "review", overdueDays: today - (card.state.dueDay ?? today) });
  }
  const newLeft = new Map<string, number>();
  for (const card of fresh) {
    const left = newLeft.get(card.deckId) ?? room.newCards(card.deckId);
    if (left > 0) queue.push({ cardId: card.id, deckId: card.deckId, kind: "new", overdueDays: null });
    newLeft.set(card.deckId, Math.max(0, left - 1));
  }
  for (const card of redrills) {
    queue.push({ cardId: card.id, deckId: card.deckId, kind: "redrill", overdueDays: null });
  }
  return queue;
}

/** How many of each kind are left in a queue: the `remaining` of `GET /api/review/next`. */
export function remainingCounts(queue: readonly QueueEntry[]): RemainingCounts {
  let due = 0;
  let fresh = 0;
  let redrill = 0;
  for (const entry of queue) {
    if (entry.kind === "review") due += 1;
    else if (entry.kind === "new") fresh += 1;
    else redrill += 1;
  }
  return { due, new: fresh, redrill };
}

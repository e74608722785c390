import "server-only";
import { chooseVariantRequest, makeVariant, type Variant } from "@/lib/questions";
import type { QueueEntry } from "@/lib/srs";
import { Prisma, type Review } from "@/lib/generated/prisma/client";
import { db } from "./db";
import { findStoredCardOfDeck, type OpenDeck } from "./deck-store";
import { storedAnswer } from "./review-answer";
import { todayQueue, type QueueFilter, type TodayQueue } from "./review-queue";
import { writeTransaction } from "./review-tx";
import { isQueueKind, parseVariant, type NextReviewResult, type ReviewItem } from "./review-types";

/**
 * `GET /api/review/next`: the user's pending review, or a freshly issued one.
 *
 * A user has at most one pending review (issued, not graded, not closed). Asking again without
 * answering returns the same one as long as its card is still in today's queue; otherwise it is
 * closed and the head of the queue is issued. Issuing makes a fresh variant from the seed
 * (card, user, issueCount) and stores it exactly as generated (PrairieLearn's makeAndInsertVariant),
 * so later edits of the template never change a question the student already has.
 */

const pendingWhere = (userId: string) => ({ userId, gradedAt: null, closedAt: null });

/** The columns of a Review that make its ReviewItem. */
export type ReviewRow = Pick<Review, "id" | "cardId" | "deckId" | "kind" | "variant" | "issuedAt" | "status" | "response" | "durationMs">;

export function toReviewItem(review: ReviewRow, decks: readonly OpenDeck[], variant: Variant = parseVariant(review.variant)): ReviewItem {
  const deck = decks.find((d) => d.id === review.deckId);
  const concept = deck?.concepts.find((c) => c.id === variant.concept);
  return {
    reviewId: review.id,
    cardId: review.cardId,
    deckId: review.deckId,
    itemId: variant.itemId,
    kind: isQueueKind(review.kind) ? review.kind : "review",
    itemType: variant.itemType,
    concept: variant.concept,
    conceptName: concept ? { ko: concept.ko, en: concept.en } : null,
    deckTitle: deck?.title ?? null,
    prompt: variant.prompt,
    answerFormat: variant.answerFormat,
    choices: variant.choices,
    selfGraded: variant.expectedAnswer.format === "self",
    anchor: variant.anchor?.label ?? null,
    simulation: variant.simulation,
    issuedAt: review.issuedAt.toISOString(),
    answer: storedAnswer(review, variant),
  };
}

interface Prepared {
  entry: QueueEntry;
  issueCount: number;
  variant: Variant;
}

/** Makes the variant for the first queue entry whose card can be issued (a broken card is skipped and logged). */
async function prepare(userId: string, queue: TodayQueue): Promise<Prepared | null> {
  for (const entry of queue.entries.slice(0, 5)) {
    const deckVersion = queue.decks.find((deck) => deck.id === entry.deckId)?.version ?? "";
    const card = await findStoredCardOfDeck(entry.cardId, deckVersion);
    const issueCount = queue.issueCounts.get(entry.cardId);
    if (!card || card.retired || issueCount === undefined) continue;
    try {
      const request = chooseVariantRequest(card.item, userId, issueCount);
      return { entry, issueCount, variant: makeVariant(card.item, request.seed, request.options) };
    } catch (error) {
      console.error(`[deepdrill] card ${card.id} could not make a variant; skipped`, error);
    }
  }
  return null;
}

type IssueOutcome = { review: ReviewRow | null } | { retry: true };

/**
 * The user's newest pending review, by the (userId, gradedAt, closedAt) index. Plain SQL: this runs
 * on every card shown, and a raw statement skips the query compiler.
 */
async function findPending(userId: string): Promise<ReviewRow | null> {
  const rows = await db.$queryRaw<{ [K in keyof ReviewRow]: unknown }[]>(Prisma.sql`
    SELECT r."id" AS "id", r."cardId" AS "cardId", r."deckId" AS "deckId", r."kind" AS "kind", r."variant" AS "variant",
      r."issuedAt" AS "issuedAt", r."status" AS "status", r."response" AS "response", r."durationMs" AS "durationMs"
    FROM "Review" r WHERE r."userId" = ${userId} AND r."gradedAt" IS NULL AND r."closedAt" IS NULL
    ORDER BY r."issuedAt" DESC LIMIT 1`);
  const row = rows[0];
  if (!row) return null;
  const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
  return {
    id: String(row.id),
    cardId: String(row.cardId),
    deckId: String(row.deckId),
    kind: String(row.kind),
    variant: String(row.variant),
    issuedAt: row.issuedAt instanceof Date ? row.issuedAt : new Date(String(row.issuedAt)),
    status: text(row.status),
    response: text(row.response),
    durationMs: row.durationMs === null || row.durationMs === undefined ? null : Number(row.durationMs),
  };
}

export async function nextReview(userId: string, filter: QueueFilter = {}, now: Date = new Date()): Promise<NextReviewResult> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const [pending, queue] = await Promise.all([findPending(userId), todayQueue(userId, now, filter)]);
    const inQueue = new Set(queue.entries.map((entry) => entry.cardId));
    if (pending && inQueue.has(pending.cardId)) return { item: toReviewItem(pending, queue.decks), remaining: queue.remaining };
    if (!pending && queue.entries.length === 0) return { item: null, remaining: queue.remaining };

    const prepared = await prepare(userId, queue);
    const outcome = await writeTransaction<IssueOutcome>(async (tx) => {
      const pendings = await tx.review.findMany({ where: pendingWhere(userId), orderBy: { issuedAt: "desc" }, select: { id: true, cardId: true } });
      // Another request of this user issued one meanwhile: that one is the pending review.
      const keep = pendings.find((review) => inQueue.has(review.cardId));
      if (keep) return { review: await tx.review.findUniqueOrThrow({ where: { id: keep.id } }) };
      if (pendings.length > 0) {
        await tx.review.updateMany({ where: { id: { in: pendings.map((review) => review.id) } }, data: { closedAt: now } });
      }
      if (!prepared) return { review: null };
      const { entry, issueCount, variant } = prepared;
      const bumped = await tx.cardState.updateMany({
        where: { userId, cardId: entry.cardId, issueCount },
        data: { issueCount: issueCount + 1 },
      });
      if (bumped.count !== 1) return { retry: true };
      const review = await tx.review.create({
        data: {
          userId,
          cardId: entry.cardId,
          deckId: entry.deckId,
          kind: entry.kind,
          variantSeed: BigInt(variant.seed),
          templateVersion: variant.templateVersion,
          variant: JSON.stringify(variant),
          issuedAt: now,
          issuedDay: queue.today,
        },
      });
      return { review };
    });
    if ("retry" in outcome) continue;
    // Nothing could be issued (a stale pending review was closed, and the queue is empty).
    if (!outcome.review) return { item: null, remaining: queue.remaining };
    return { item: toReviewItem(outcome.review, queue.decks), remaining: queue.remaining };
  }
  throw new Error("could not issue a review: the card state kept changing");
}

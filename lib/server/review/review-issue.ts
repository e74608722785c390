import "server-only";
import { randomUUID } from "node:crypto";
import { chooseVariantRequest, makeVariant, type Variant } from "@/lib/questions";
import type { QueueEntry } from "@/lib/srs";
import { Prisma } from "@/lib/generated/prisma/client";
import { readRows, sqlDate, sqlIntOrNull, transactionRows, transactionWrite } from "../platform/direct-sql";
import { findStoredCardOfDeck } from "../decks/deck-store";
import { toReviewItem, type ReviewRow } from "./review-item";
import { todayQueue, type QueueFilter, type TodayQueue } from "./review-queue";
import { writeTransaction } from "../platform/write-tx";
import type { NextReviewResult } from "./review-types";

/**
 * `GET /api/review/next`: the user's pending review, or a freshly issued one.
 *
 * A user has at most one pending review (issued, not graded, not closed). Asking again without
 * answering returns the same one as long as its card is still in today's queue; otherwise it is
 * closed and the head of the queue is issued. Issuing makes a fresh variant from the seed
 * (card, user, issueCount) and stores it exactly as generated (PrairieLearn's makeAndInsertVariant),
 * so later edits of the template never change a question the student already has.
 */

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

const REVIEW_ROW_COLUMNS = Prisma.sql`r."id" AS "id", r."cardId" AS "cardId", r."deckId" AS "deckId", r."kind" AS "kind",
  r."variant" AS "variant", r."issuedAt" AS "issuedAt", r."status" AS "status", r."response" AS "response", r."durationMs" AS "durationMs"`;

/** A ReviewRow from raw SQL (SQLite gives dates as text and integers as numbers or bigints). */
function toReviewRow(row: { [K in keyof ReviewRow]: unknown }): ReviewRow {
  const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
  return {
    id: String(row.id),
    cardId: String(row.cardId),
    deckId: String(row.deckId),
    kind: String(row.kind),
    variant: String(row.variant),
    issuedAt: sqlDate(row.issuedAt),
    status: text(row.status),
    response: text(row.response),
    durationMs: sqlIntOrNull(row.durationMs),
  };
}

/** The user's newest pending review, by the (userId, gradedAt, closedAt) index. */
async function findPending(userId: string): Promise<ReviewRow | null> {
  const rows = await readRows<{ [K in keyof ReviewRow]: unknown }>(Prisma.sql`
    SELECT ${REVIEW_ROW_COLUMNS} FROM "Review" r WHERE r."userId" = ${userId} AND r."gradedAt" IS NULL AND r."closedAt" IS NULL
    ORDER BY r."issuedAt" DESC LIMIT 1`);
  return rows[0] ? toReviewRow(rows[0]) : null;
}

/** A review id: opaque, URL-safe, unguessable (the API checks the owner anyway). */
function newReviewId(): string {
  return `r${randomUUID().replaceAll("-", "")}`;
}

/**
 * Issues `prepared` for the user in one transaction, or finds that another request of the same
 * user issued one meanwhile. Plain SQL on the transaction's connection: four statements instead of
 * five ORM calls, each of which costs about half a millisecond in Prisma's query compiler.
 */
function issueInTransaction(userId: string, inQueue: ReadonlySet<string>, prepared: Prepared | null, today: number, now: Date) {
  return writeTransaction<IssueOutcome>(async (tx) => {
    const pendings = await transactionRows<{ [K in keyof ReviewRow]: unknown }>(tx, Prisma.sql`
      SELECT ${REVIEW_ROW_COLUMNS} FROM "Review" r WHERE r."userId" = ${userId} AND r."gradedAt" IS NULL AND r."closedAt" IS NULL
      ORDER BY r."issuedAt" DESC`);
    // Another request of this user issued one meanwhile: that one is the pending review.
    const keep = pendings.find((review) => inQueue.has(String(review.cardId)));
    if (keep) return { review: toReviewRow(keep) };
    if (pendings.length > 0) {
      await transactionWrite(tx, Prisma.sql`UPDATE "Review" SET "closedAt" = ${now} WHERE "id" IN (${Prisma.join(pendings.map((review) => String(review.id)))})`);
    }
    if (!prepared) return { review: null };
    const { entry, issueCount, variant } = prepared;
    // The compare-and-set on issueCount makes two racing requests issue one variant per number.
    const bumped = await transactionWrite(tx, Prisma.sql`UPDATE "CardState" SET "issueCount" = ${issueCount + 1}, "updatedAt" = ${now}
      WHERE "userId" = ${userId} AND "cardId" = ${entry.cardId} AND "issueCount" = ${issueCount}`);
    if (bumped !== 1) return { retry: true };
    const review: ReviewRow = {
      id: newReviewId(),
      cardId: entry.cardId,
      deckId: entry.deckId,
      kind: entry.kind,
      variant: JSON.stringify(variant),
      issuedAt: now,
      status: null,
      response: null,
      durationMs: null,
    };
    await transactionWrite(tx, Prisma.sql`INSERT INTO "Review" ("id", "userId", "cardId", "deckId", "kind", "variantSeed", "templateVersion", "variant", "issuedAt", "issuedDay")
      VALUES (${review.id}, ${userId}, ${review.cardId}, ${review.deckId}, ${review.kind}, ${BigInt(variant.seed)}, ${variant.templateVersion},
        ${review.variant}, ${now}, ${today})`);
    return { review };
  });
}

export async function nextReview(userId: string, filter: QueueFilter = {}, now: Date = new Date()): Promise<NextReviewResult> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const [pending, queue] = await Promise.all([findPending(userId), todayQueue(userId, now, filter)]);
    const inQueue = new Set(queue.entries.map((entry) => entry.cardId));
    if (pending && inQueue.has(pending.cardId)) return { item: toReviewItem(pending, queue.decks), remaining: queue.remaining };
    if (!pending && queue.entries.length === 0) return { item: null, remaining: queue.remaining };

    const prepared = await prepare(userId, queue);
    const outcome = await issueInTransaction(userId, inQueue, prepared, queue.today, now);
    if ("retry" in outcome) continue;
    // Nothing could be issued (a stale pending review was closed, and the queue is empty).
    if (!outcome.review) return { item: null, remaining: queue.remaining };
    return { item: toReviewItem(outcome.review, queue.decks), remaining: queue.remaining };
  }
  throw new Error("could not issue a review: the card state kept changing");
}

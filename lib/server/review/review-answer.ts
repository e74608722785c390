import "server-only";
import { msg } from "@/lib/i18n/message";
import { Prisma } from "@/lib/generated/prisma/client";
import { readRows, sqlDate, sqlIntOrNull, transactionRows, transactionWrite } from "../platform/direct-sql";
import { conflict, notFound } from "@/lib/server-shared/errors";
import { refuseHiddenReview } from "./review-guard";
import type { AnswerResult } from "./review-types";
import { evaluateResponse, storedAnswer } from "./review-item";
import { parseReviewVariant } from "../platform/stored-json";
import { writeTransaction } from "../platform/write-tx";

/**
 * `POST /api/review/{reviewId}/answer`: checks a response against the variant exactly as it was
 * issued. An unreadable response ("invalid") is not stored and reveals nothing, so the student can
 * simply answer again; the first readable answer is stored, and asking again returns it unchanged.
 */

/** Longest duration stored for one answer: a card left open over lunch is not 3 hours of study. */
export const MAX_DURATION_MS = 30 * 60_000;

export interface AnswerInput {
  response?: string;
  durationMs?: number;
}

interface AnsweredReviewRow {
  cardId: string;
  deckId: string;
  variant: string;
  status: string | null;
  response: string | null;
  durationMs: unknown;
  issuedAt: unknown;
  gradedAt: unknown;
  closedAt: unknown;
}

/** The user's review by id, by the primary key (plain SQL: this runs on every answer, direct-sql.ts). */
async function findOwnReview(userId: string, reviewId: string, read: (query: Prisma.Sql) => Promise<AnsweredReviewRow[]>) {
  const [row] = await read(Prisma.sql`
    SELECT "cardId", "deckId", "variant", "status", "response", "durationMs", "issuedAt", "gradedAt", "closedAt" FROM "Review" WHERE "id" = ${reviewId} AND "userId" = ${userId}`);
  if (!row) return null;
  return {
    ...row,
    id: reviewId,
    durationMs: sqlIntOrNull(row.durationMs),
    issuedAt: sqlDate(row.issuedAt),
  };
}

export async function answerReview(userId: string, reviewId: string, input: AnswerInput, now: Date = new Date()): Promise<AnswerResult> {
  const review = await findOwnReview(userId, reviewId, (query) => readRows<AnsweredReviewRow>(query));
  if (!review) throw notFound(msg("review.notFound"));
  await refuseHiddenReview(userId, { cardId: String(review.cardId), deckId: String(review.deckId) }, now);
  const variant = parseReviewVariant(review.variant, review.id);
  const stored = storedAnswer(review, variant);
  if (stored) return stored;
  if (review.gradedAt !== null) throw conflict(msg("review.alreadyGraded"));
  if (review.closedAt !== null) throw conflict(msg("review.closed"));

  const elapsed = Math.max(0, now.getTime() - review.issuedAt.getTime());
  const durationMs = Math.round(Math.min(MAX_DURATION_MS, Math.max(0, input.durationMs ?? elapsed)));
  const result = evaluateResponse(variant, input.response ?? "", durationMs);
  if (result.status === "invalid") return result;

  const saved = await writeTransaction(async (tx) => {
    const count = await transactionWrite(
      tx,
      Prisma.sql`UPDATE "Review" SET "answeredAt" = ${now}, "response" = ${input.response ?? null}, "readAs" = ${result.readAs},
        "status" = ${result.status}, "durationMs" = ${durationMs}
      WHERE "id" = ${reviewId} AND "userId" = ${userId} AND "status" IS NULL AND "gradedAt" IS NULL AND "closedAt" IS NULL`,
    );
    return count === 1 ? null : findOwnReview(userId, reviewId, (query) => transactionRows<AnsweredReviewRow>(tx, query));
  });
  if (saved === null) return result;
  // Another request answered (or closed) it first: report what is stored.
  const winner = saved ? storedAnswer(saved, variant) : null;
  if (!winner) throw conflict(msg("review.closedBeforeAnswer"));
  return winner;
}

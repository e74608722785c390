import "server-only";
import { msg } from "@/lib/i18n/message";
import { buryCard, dayNumber, isValidTimeZone, suspendCard, unsuspendCard } from "@/lib/srs";
import { notFound } from "@/lib/server-shared/errors";
import { parseReviewVariant } from "../platform/stored-json";
import { writeTransaction, type Tx } from "../platform/write-tx";
import { cardStateFields, publicState, stateColumns, toSrsState, type PublicCardState } from "./review-types";

/**
 * Per-card actions taken from a review: suspend (out of every queue until unsuspended), bury (out
 * of today's queue, back tomorrow) and "report a problem" (the exact variant, seed and parameters,
 * for the instructor). Suspending or burying the card of a pending review closes that review.
 */

export interface CardActionOutcome {
  cardId: string;
  state: PublicCardState;
}

type Change = "suspend" | "unsuspend" | "bury";

async function changeCard(userId: string, reviewId: string, change: Change, now: Date): Promise<CardActionOutcome> {
  const outcome = await writeTransaction(async (tx: Tx) => {
    const review = await tx.review.findFirst({ where: { id: reviewId, userId }, select: { id: true, cardId: true, deckId: true, gradedAt: true, closedAt: true } });
    if (!review) return null;
    const user = await tx.user.findUnique({ where: { id: userId }, select: { timezone: true } });
    const timezone = user && isValidTimeZone(user.timezone) ? user.timezone : "UTC";
    const today = dayNumber(now, timezone);
    const row = await tx.cardState.findUnique({ where: { userId_cardId: { userId, cardId: review.cardId } }, select: cardStateFields });
    const before = toSrsState(row);
    const next = change === "suspend" ? suspendCard(before) : change === "unsuspend" ? unsuspendCard(before) : buryCard(before, today);
    await tx.cardState.upsert({
      where: { userId_cardId: { userId, cardId: review.cardId } },
      create: { userId, cardId: review.cardId, deckId: review.deckId, ...stateColumns(next) },
      update: stateColumns(next),
    });
    if (change !== "unsuspend" && review.gradedAt === null && review.closedAt === null) {
      await tx.review.update({ where: { id: review.id }, data: { closedAt: now } });
    }
    return { cardId: review.cardId, state: publicState(next, timezone, today) };
  });
  if (!outcome) throw notFound(msg("review.notFound"));
  return outcome;
}

export function suspendReviewCard(userId: string, reviewId: string, suspended: boolean, now: Date = new Date()): Promise<CardActionOutcome> {
  return changeCard(userId, reviewId, suspended ? "suspend" : "unsuspend", now);
}

export function buryReviewCard(userId: string, reviewId: string, now: Date = new Date()): Promise<CardActionOutcome> {
  return changeCard(userId, reviewId, "bury", now);
}

export interface ProblemReportOutcome {
  reportId: number;
}

export async function reportProblem(userId: string, reviewId: string, message: string, now: Date = new Date()): Promise<ProblemReportOutcome> {
  const report = await writeTransaction(async (tx) => {
    const review = await tx.review.findFirst({ where: { id: reviewId, userId } });
    if (!review) return null;
    const variant = parseReviewVariant(review.variant, review.id);
    return tx.problemReport.create({
      data: {
        reviewId,
        userId,
        cardId: review.cardId,
        deckId: review.deckId,
        variantSeed: review.variantSeed,
        templateVersion: review.templateVersion,
        params: JSON.stringify({ params: variant.params, anchor: variant.anchor?.id ?? null, response: review.response, readAs: review.readAs }),
        message,
        createdAt: now,
      },
      select: { id: true },
    });
  });
  if (!report) throw notFound(msg("review.notFound"));
  return { reportId: report.id };
}

import "server-only";
import { writeTransaction } from "./write-tx";
import { forgetUserSettings, loadUserSettings } from "./review-queue";
import type { SettingsInput } from "@/lib/schemas/review";

/** The user's daily limits of the review queue (SM-2 sessions). */
export interface ReviewSettings {
  newCardsPerDeck: number;
  reviewsPerDay: number;
  timezone: string;
}

export async function getReviewSettings(userId: string): Promise<ReviewSettings> {
  const settings = await loadUserSettings(userId);
  return { newCardsPerDeck: settings.limits.newPerDeck, reviewsPerDay: settings.limits.reviewsPerDay, timezone: settings.timezone };
}

export async function updateReviewSettings(userId: string, input: SettingsInput): Promise<ReviewSettings> {
  await writeTransaction((tx) => tx.user.update({ where: { id: userId }, data: input, select: { id: true } }));
  forgetUserSettings(userId);
  return getReviewSettings(userId);
}

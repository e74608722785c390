import "server-only";
import { BoundedCache } from "@/lib/bounded-cache";
import { DEFAULT_QUEUE_LIMITS, isValidTimeZone, type QueueLimits } from "@/lib/srs";
import { announceInvalidation, onInvalidation } from "@/lib/server-shared/platform/cache-invalidation";
import { processShared } from "@/lib/server-shared/platform/process-shared";
import { unauthorized } from "@/lib/server-shared/errors";
import { db } from "../platform/db";
import { writeTransaction } from "../platform/write-tx";
import type { SettingsInput } from "@/lib/schemas/review";

/**
 * A user's review settings: the time zone and daily limits every review request needs (with the
 * role, which decides the decks they study), cached briefly; the settings page reads and changes them.
 */

export interface UserSettings {
  timezone: string;
  limits: QueueLimits;
  role: "student" | "instructor";
}

// Settings by user, for a few seconds: every review request needs the time zone and limits, and
// they change only through updateReviewSettings (which clears the entry in this process).
const SETTINGS_TTL_MS = 10_000;
const settingsCache = processShared("user-settings", () => new BoundedCache<{ at: number; settings: UserSettings }>({ maxEntries: 50_000 }));

/** Forget a user's cached settings (role included) here and, on PostgreSQL, in every instance. */
export function forgetUserSettings(userId: string): void {
  settingsCache.delete(userId);
  void announceInvalidation("user-settings", [userId]);
}

onInvalidation("user-settings", (userIds) => {
  if (!userIds) settingsCache.clear();
  else for (const id of userIds) settingsCache.delete(id);
});

export async function loadUserSettings(userId: string, now: number = Date.now()): Promise<UserSettings> {
  const hit = settingsCache.get(userId);
  if (hit && now - hit.at <= SETTINGS_TTL_MS) return hit.settings;
  const row = await db.user.findUnique({ where: { id: userId }, select: { timezone: true, newCardsPerDeck: true, reviewsPerDay: true, role: true } });
  // A session for a user who no longer exists (the review routes read the id from the token alone).
  if (!row) throw unauthorized();
  const settings: UserSettings = {
    timezone: isValidTimeZone(row.timezone) ? row.timezone : "UTC",
    limits: { newPerDeck: row.newCardsPerDeck ?? DEFAULT_QUEUE_LIMITS.newPerDeck, reviewsPerDay: row.reviewsPerDay ?? DEFAULT_QUEUE_LIMITS.reviewsPerDay },
    role: row.role === "instructor" ? "instructor" : "student",
  };
  settingsCache.set(userId, { at: now, settings });
  return settings;
}

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

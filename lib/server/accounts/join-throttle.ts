import "server-only";
import { msg } from "@/lib/i18n/message";
import { tooManyRequests } from "@/lib/server-shared/errors";
import { claimAttempt, forgetAttempt, secondsUntilAllowed, type FailureLimit } from "./failure-throttle";

/**
 * Guessing join codes: 31⁸ codes are too many to guess blindly, but only if guessing is slow. After
 * 10 wrong codes from one user within 15 minutes, joining is refused (429 with Retry-After) until
 * the oldest of them leaves the window. Kept in the database with the sign-in failures
 * (failure-throttle.ts), so a restart does not reset it.
 *
 * A successful join does not clear the count: otherwise someone holding one valid code could
 * interleave it with their guesses and never be slowed down.
 */
export const JOIN_LIMIT: FailureLimit = { maxFailures: 10, windowMs: 15 * 60 * 1000 };

const keyOf = (userId: string) => `join:${userId}`;

function refusal(wait: number) {
  const minutes = Math.max(1, Math.ceil(wait / 60));
  return tooManyRequests(wait, msg("class.joinThrottled", { minutes }));
}

/** Throws 429 while `userId` has used up their wrong guesses (for input that is no guess at all). */
export async function refuseWhileThrottled(userId: string, now: Date): Promise<void> {
  const wait = await secondsUntilAllowed([keyOf(userId)], JOIN_LIMIT, now);
  if (wait > 0) throw refusal(wait);
}

/**
 * Claims one join-code lookup for `userId`, counted as a wrong code before the code is looked up,
 * in one write transaction (failure-throttle.ts), so that a burst of parallel guesses gets at most
 * `JOIN_LIMIT.maxFailures` lookups. Throws 429 when the limit is used up; returns the claim's rows,
 * which `joinCodeWasRight` forgets.
 */
export async function claimJoinAttempt(userId: string, now: Date): Promise<number[]> {
  const claim = await claimAttempt([keyOf(userId)], JOIN_LIMIT, now);
  if (claim.retryAfter > 0) throw refusal(claim.retryAfter);
  return claim.attemptIds;
}

/** The claimed code opened a class: this attempt was no guess. Earlier wrong codes still count. */
export function joinCodeWasRight(attemptIds: readonly number[]): Promise<void> {
  return forgetAttempt(attemptIds);
}

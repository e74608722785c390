import "server-only";
import { tooManyRequests } from "./errors";
import { recordFailures, secondsUntilAllowed, type FailureLimit } from "./failure-throttle";

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

/** Throws 429 while `userId` has used up their wrong guesses. */
export async function refuseWhileThrottled(userId: string, now: Date): Promise<void> {
  const wait = await secondsUntilAllowed([keyOf(userId)], JOIN_LIMIT, now);
  if (wait > 0) {
    const minutes = Math.max(1, Math.ceil(wait / 60));
    throw tooManyRequests(wait, `Too many wrong join codes. Check the code with your instructor and try again in ${minutes} minute(s).`);
  }
}

export function recordWrongJoinCode(userId: string, now: Date): Promise<void> {
  return recordFailures([keyOf(userId)], JOIN_LIMIT, now);
}

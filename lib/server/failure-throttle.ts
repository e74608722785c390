import "server-only";
import { db } from "./db";
import { writeTransaction } from "./write-tx";

/**
 * Failures counted per key in a sliding window, kept in the database (the LoginFailure table) so
 * that a limit survives restarts and holds across processes. A key names what it counts:
 * `email:<address>` and `ip:<address>` for sign-in (login-throttle.ts), `join:<userId>` for class
 * join codes (join-throttle.ts).
 */

export interface FailureLimit {
  /** Failures allowed within the window; the next attempt is refused. */
  maxFailures: number;
  windowMs: number;
}

/**
 * Seconds until the caller may try again, or 0 when it may try now: the longest wait of `keys`.
 * A key's wait ends when the oldest failure that keeps its count at the limit leaves the window.
 */
export async function secondsUntilAllowed(keys: readonly string[], limit: FailureLimit, now: Date): Promise<number> {
  const since = new Date(now.getTime() - limit.windowMs);
  let waitMs = 0;
  for (const key of keys) {
    const failures = await db.loginFailure.findMany({
      where: { key, createdAt: { gt: since } },
      orderBy: { createdAt: "desc" },
      take: limit.maxFailures,
      select: { createdAt: true },
    });
    const oldestCounted = failures[limit.maxFailures - 1];
    if (oldestCounted) waitMs = Math.max(waitMs, oldestCounted.createdAt.getTime() + limit.windowMs - now.getTime());
  }
  return Math.ceil(waitMs / 1000);
}

/** The kind a key counts ("email:", "ip:", "join:"): its text up to the first colon. */
const kindOf = (key: string) => key.slice(0, key.indexOf(":") + 1);

/** One failure for each of `keys`, trimming the rows of their kinds that `limit` no longer sees. */
export async function recordFailures(keys: readonly string[], limit: FailureLimit, now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - limit.windowMs);
  await writeTransaction(async (tx) => {
    await tx.loginFailure.createMany({ data: keys.map((key) => ({ key, createdAt: now })) });
    // Old rows are useless; trimming here keeps the table small without a scheduler. Only these
    // kinds: another kind's window may reach further back.
    for (const kind of new Set(keys.map(kindOf))) {
      await tx.loginFailure.deleteMany({ where: { key: { startsWith: kind }, createdAt: { lt: cutoff } } });
    }
  });
}

import "server-only";
import { db } from "../platform/db";
import { lockKeyForTransaction } from "../platform/row-locks";
import { writeTransaction, type Tx } from "../platform/write-tx";

/**
 * Failures counted per key in a sliding window, kept in the database (the LoginFailure table) so
 * that a limit survives restarts and holds across processes. A key names what it counts:
 * `email:<address>` and `ip:<address>` for sign-in (login-throttle.ts), `join:<userId>` for class
 * join codes (join-throttle.ts), `register:<address>` for new accounts (register-throttle.ts).
 */

export interface FailureLimit {
  /** Failures allowed within the window; the next attempt is refused. */
  maxFailures: number;
  windowMs: number;
}

type Reader = Pick<Tx, "loginFailure">;

/** The longest wait of `keys`, read through `client` (the database or an open transaction). */
async function waitSeconds(client: Reader, keys: readonly string[], limit: FailureLimit, now: Date): Promise<number> {
  const since = new Date(now.getTime() - limit.windowMs);
  let waitMs = 0;
  for (const key of keys) {
    const failures = await client.loginFailure.findMany({
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

/**
 * Seconds until the caller may try again, or 0 when it may try now: the longest wait of `keys`.
 * A key's wait ends when the oldest failure that keeps its count at the limit leaves the window.
 */
export function secondsUntilAllowed(keys: readonly string[], limit: FailureLimit, now: Date): Promise<number> {
  return waitSeconds(db, keys, limit, now);
}

/** The kind a key counts ("email:", "ip:", "join:"): its text up to the first colon. */
const kindOf = (key: string) => key.slice(0, key.indexOf(":") + 1);

/** Inserts one row per key and trims the rows of their kinds that `limit` no longer sees. */
async function insertRows(tx: Tx, keys: readonly string[], limit: FailureLimit, now: Date): Promise<number[]> {
  const rows = await tx.loginFailure.createManyAndReturn({ data: keys.map((key) => ({ key, createdAt: now })), select: { id: true } });
  // Old rows are useless; trimming here keeps the table small without a scheduler. Only these
  // kinds: another kind's window may reach further back.
  const cutoff = new Date(now.getTime() - limit.windowMs);
  for (const kind of new Set(keys.map(kindOf))) {
    await tx.loginFailure.deleteMany({ where: { key: { startsWith: kind }, createdAt: { lt: cutoff } } });
  }
  return rows.map((row) => row.id);
}

/** One failure for each of `keys`, trimming the rows of their kinds that `limit` no longer sees. */
export async function recordFailures(keys: readonly string[], limit: FailureLimit, now: Date): Promise<void> {
  await writeTransaction((tx) => insertRows(tx, keys, limit, now));
}

/** Either the attempt may go ahead (its rows are `attemptIds`) or it must wait `retryAfter` seconds. */
export type AttemptClaim = { retryAfter: 0; attemptIds: number[] } | { retryAfter: number; attemptIds: [] };

/**
 * Checks the limit and records the attempt as a failure in one write transaction, before the
 * caller does the expensive or secret-revealing work (a password check, a hash, a join-code
 * lookup). Claims on one key are serialised, so of any number of racing attempts at most
 * `maxFailures` per key within the window get through: checking first and recording after the work
 * would let every racer past the check. The caller forgets the rows of an attempt that succeeded
 * (`forgetAttempt`).
 *
 * On SQLite a write transaction already excludes every other writer. PostgreSQL runs READ
 * COMMITTED (docs/architecture.md, "Databases"): two claims could both count 4 and both insert, so
 * each key is locked (a transaction-scoped advisory lock) before it is counted. The keys are locked
 * in sorted order, so two claims sharing two keys (an e-mail and an address) cannot deadlock.
 */
export function claimAttempt(keys: readonly string[], limit: FailureLimit, now: Date): Promise<AttemptClaim> {
  return writeTransaction(async (tx): Promise<AttemptClaim> => {
    for (const key of [...new Set(keys)].sort()) await lockKeyForTransaction(tx, `failure-throttle:${key}`);
    const retryAfter = await waitSeconds(tx, keys, limit, now);
    if (retryAfter > 0) return { retryAfter, attemptIds: [] };
    return { retryAfter: 0, attemptIds: await insertRows(tx, keys, limit, now) };
  });
}

/** Removes the rows of a claimed attempt that did not fail, and every row of `alsoKeys`. */
export async function forgetAttempt(attemptIds: readonly number[], alsoKeys: readonly string[] = []): Promise<void> {
  await writeTransaction((tx) => tx.loginFailure.deleteMany({ where: { OR: [{ id: { in: [...attemptIds] } }, { key: { in: [...alsoKeys] } }] } }));
}

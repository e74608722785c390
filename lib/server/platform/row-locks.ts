import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { databaseKind } from "@/lib/server-shared/platform/database-url";
import { transactionRows } from "./direct-sql";
import type { Tx } from "./write-tx";

/**
 * Isolation (docs/architecture.md, "Databases"): transactions run at each database's default level,
 * READ COMMITTED on PostgreSQL, and the few read-then-write decisions of the app lock the row they
 * decide on, with `SELECT … FOR UPDATE`, before reading anything else.
 *
 * Why not SERIALIZABLE: every transaction could then fail with 40001 under load and would need a
 * retry loop around it, each retry repeating the work; the conflicts here are known and few (one
 * review graded or undone twice, one card state graded from two paths), and a row lock makes the
 * second request wait a millisecond and then see the first one's committed work, which is exactly
 * the answer it must give ("already graded", "already undone"). Inserts that may race use
 * `INSERT … ON CONFLICT`, which needs no lock at all.
 *
 * On SQLite a write transaction already excludes every other writer of the file, so the clause is
 * left out (SQLite has no FOR UPDATE).
 */
export function forUpdate(): Prisma.Sql {
  return databaseKind() === "postgresql" ? Prisma.sql` FOR UPDATE` : Prisma.empty;
}

/**
 * Locks the review `reviewId` of `userId` for the rest of the transaction (PostgreSQL), so that
 * grading and undoing one review run one after the other. Returns false when there is no such review.
 */
export async function lockReview(tx: Tx, userId: string, reviewId: string): Promise<boolean> {
  const rows = await transactionRows<{ id: string }>(tx, Prisma.sql`SELECT "id" FROM "Review" WHERE "id" = ${reviewId} AND "userId" = ${userId}${forUpdate()}`);
  return rows.length > 0;
}

/**
 * Serialises work on one key across processes for the rest of the transaction (PostgreSQL; SQLite
 * needs nothing, its write transactions already exclude each other): two instances starting at once
 * both load the content decks, and the second must find the first one's rows instead of inserting them
 * again. A transaction-scoped advisory lock, so a crash or a rollback releases it.
 */
export async function lockKeyForTransaction(tx: Pick<Tx, "$executeRaw">, key: string): Promise<void> {
  if (databaseKind() !== "postgresql") return;
  // $executeRaw: the function returns void, which a query's row decoding would not accept.
  await tx.$executeRaw(Prisma.sql`SELECT pg_advisory_xact_lock(hashtextextended(${`deepdrill:${key}`}, 0))`);
}

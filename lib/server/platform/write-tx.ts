import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { db } from "./db";

/** The client handed to an interactive transaction's callback. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/**
 * Every write of the app runs in a transaction, and the callbacks never throw on purpose: they
 * return an outcome and the caller throws after the commit.
 *
 * Why: with the better-sqlite3 driver adapter all queries share one connection and only
 * transactions take the adapter's lock. A plain write made while another request's transaction is
 * open becomes part of that transaction; a rollback there would silently undo a write this process
 * had already acknowledged. Writing only inside transactions, and never rolling back in normal
 * operation, keeps every acknowledged write committed.
 *
 * The waits are generous because transactions queue behind one another under load (50 students
 * grading at once), and queueing is not a failure.
 */
export function writeTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(fn, { maxWait: 30_000, timeout: 30_000 });
}

// Recognised from every driver and query path (unique-violation.ts).
export { isUniqueViolation } from "@/lib/server-shared/platform/unique-violation";

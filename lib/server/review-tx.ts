import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { db } from "./db";
import { databaseKind } from "./database-url";

/** The client handed to an interactive transaction's callback. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/**
 * SQLite durability of the app's connection. In WAL mode, `synchronous = NORMAL` makes a commit
 * durable against any crash of the server process (kill -9 included: the WAL is in the operating
 * system's hands the moment COMMIT returns) and against corruption; only a power failure or kernel
 * crash may roll back the last commits. `FULL` adds an fsync to every commit, which costs about 6 ms
 * on the machines measured (bench/review-load.ts) and so caps grading at some 170 commits a second.
 * Set DEEPDRILL_SQLITE_SYNCHRONOUS=FULL to pay that for power-loss durability. The setting belongs to
 * the connection, not the file, so it is applied once before the first write. Outside WAL mode (a
 * rollback journal) SQLite's default is kept.
 */
export const SQLITE_SYNCHRONOUS_LEVELS = ["NORMAL", "FULL", "EXTRA"] as const;

let pragmas: Promise<void> | null = null;

function connectionPragmas(): Promise<void> {
  pragmas ??= (async () => {
    if (databaseKind() !== "sqlite") return;
    const wanted = (process.env.DEEPDRILL_SQLITE_SYNCHRONOUS ?? "NORMAL").trim().toUpperCase();
    const level = SQLITE_SYNCHRONOUS_LEVELS.find((candidate) => candidate === wanted) ?? "NORMAL";
    const [mode] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    if (String(mode?.journal_mode).toLowerCase() !== "wal") return;
    await db.$executeRawUnsafe(`PRAGMA synchronous = ${level}`);
  })().catch((error: unknown) => {
    console.error("[deepdrill] could not set SQLite synchronous level", error);
  });
  return pragmas;
}

/**
 * Every write of the review loop runs in a transaction, and the callbacks never throw on purpose:
 * they return an outcome and the caller throws after the commit.
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
export async function writeTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  await connectionPragmas();
  return db.$transaction(fn, { maxWait: 30_000, timeout: 30_000 });
}

/** A unique-constraint violation (another request inserted the same key first). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

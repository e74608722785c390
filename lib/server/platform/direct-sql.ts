import "server-only";
import type BetterSqlite3 from "better-sqlite3";
import { BoundedCache } from "@/lib/bounded-cache";
import type { Prisma } from "@/lib/generated/prisma/client";
import { databaseKind } from "@/lib/server-shared/platform/database-url";
import { db } from "./db";
import type { Tx } from "./write-tx";
import { connectedSqliteDatabase } from "@/lib/server-shared/platform/sqlite-connection";

/**
 * Reads of the review loop's hot path (`GET /api/review/next` runs three to five per card) as
 * prepared statements kept between requests, on the app's own SQLite connection.
 *
 * Why: Prisma's better-sqlite3 adapter prepares every statement anew on every call, and the queue's
 * candidate query is a UNION of half a dozen index ranges: through `$queryRaw` it cost 0.9 ms, of
 * which SQLite's own work is 0.3 ms (bench/seed-large-user.ts, 100,000 card states), against an issue
 * budget of 10 ms at p95 for the whole request. A second connection is no way out: every commit
 * on Prisma's connection empties the other connection's page cache, and re-reading the pages cost
 * more than preparing did (0.15 → 0.77 ms for the due count).
 *
 * Same connection, same semantics as `$queryRaw` outside a transaction: better-sqlite3 is
 * synchronous, so a statement runs whole between the awaits of any open transaction. The SQL stays
 * portable (quoted identifiers, no dialect functions); without a SQLite handle (PostgreSQL, or an
 * adapter that no longer exposes it) the same query goes through `$queryRaw`. Values are bound as
 * the adapter binds them (booleans 0/1, dates as ISO text with "+00:00"), and rows come back as the
 * adapter's handle reads them (integers as bigint, booleans 0/1, dates as text), which the callers
 * accept for portability anyway.
 */

const STATEMENT_CACHE_LIMIT = 500;
const statementsByDatabase = new WeakMap<BetterSqlite3.Database, BoundedCache<BetterSqlite3.Statement>>();

/** A value as Prisma's SQLite adapter binds it. */
function bindable(value: unknown): unknown {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (value === undefined) return null;
  return value;
}

async function sqliteDatabase(): Promise<BetterSqlite3.Database | null> {
  if (databaseKind() !== "sqlite") return null;
  const open = connectedSqliteDatabase();
  if (open) return open;
  await db.$connect();
  return connectedSqliteDatabase();
}

function statementFor(database: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
  let statements = statementsByDatabase.get(database);
  if (!statements) statementsByDatabase.set(database, (statements = new BoundedCache({ maxEntries: STATEMENT_CACHE_LIMIT })));
  let statement = statements.get(sql);
  if (!statement) {
    statement = database.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}

/** Runs a read-only statement built with `Prisma.sql` and returns its rows. */
export async function readRows<Row>(query: Prisma.Sql): Promise<Row[]> {
  const database = await sqliteDatabase();
  if (!database) return db.$queryRaw<Row[]>(query);
  return statementFor(database, query.sql).all(...query.values.map(bindable)) as Row[];
}

/**
 * The same, inside a transaction the caller holds (writeTransaction's callback, and only there):
 * the adapter has run BEGIN on this very connection, so the statement is part of the transaction.
 */
export async function transactionRows<Row>(tx: Tx, query: Prisma.Sql): Promise<Row[]> {
  const database = await sqliteDatabase();
  if (!database) return tx.$queryRaw<Row[]>(query);
  return statementFor(database, query.sql).all(...query.values.map(bindable)) as Row[];
}

/** A write inside a transaction the caller holds (as transactionRows); returns the number of rows changed. */
export async function transactionWrite(tx: Tx, query: Prisma.Sql): Promise<number> {
  const database = await sqliteDatabase();
  if (!database) return tx.$executeRaw(query);
  return statementFor(database, query.sql).run(...query.values.map(bindable)).changes;
}

// Column values as raw SQL returns them on either database: SQLite gives booleans as 0/1 (number or
// bigint through the adapter's handle), integers as bigint, and dates as ISO text; PostgreSQL gives
// true/false, numbers and Date objects.

export function sqlBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === 1n || value === "1" || value === "true";
}

export function sqlInt(value: unknown): number {
  return Number(value);
}

export function sqlIntOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

export function sqlDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

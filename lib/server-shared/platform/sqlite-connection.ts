// Deliberately free of "server-only": bench/review-load.ts gives its raw connection the same level.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type BetterSqlite3 from "better-sqlite3";
import { processShared } from "./process-shared";

/**
 * SQLite durability of the app's connection. In WAL mode, `synchronous = NORMAL` makes a commit
 * durable against any crash of the server process (kill -9 included: the WAL is in the operating
 * system's hands the moment COMMIT returns) and against corruption; only a power failure or kernel
 * crash may roll back the last commits. `FULL` adds an fsync to every commit, which costs about 6 ms
 * on the machines measured (bench/review-load.ts) and so caps grading at some 170 commits a second.
 * Set DEEPDRILL_SQLITE_SYNCHRONOUS=FULL to pay that for power-loss durability. The setting belongs to
 * the connection, not the file, so it is applied as each connection opens, before any query runs on
 * it. Outside WAL mode (a rollback journal) SQLite's default is kept. (better-sqlite3 compiles SQLite
 * with SQLITE_DEFAULT_WAL_SYNCHRONOUS=1, so NORMAL is its WAL default too; setting it explicitly keeps
 * the level ours whatever the build says.)
 */
export const SQLITE_SYNCHRONOUS_LEVELS = ["NORMAL", "FULL", "EXTRA"] as const;

export type SqliteSynchronousLevel = (typeof SQLITE_SYNCHRONOUS_LEVELS)[number];

/** The part of the environment the level is read from. */
export type SynchronousEnv = Readonly<Record<string, string | undefined>>;

/** The level DEEPDRILL_SQLITE_SYNCHRONOUS asks for (any case); NORMAL when unset or unknown. */
export function sqliteSynchronousLevel(env: SynchronousEnv = process.env): SqliteSynchronousLevel {
  const wanted = (env.DEEPDRILL_SQLITE_SYNCHRONOUS ?? "NORMAL").trim().toUpperCase();
  return SQLITE_SYNCHRONOUS_LEVELS.find((candidate) => candidate === wanted) ?? "NORMAL";
}

/**
 * busy timeout: writers wait for each other instead of failing with SQLITE_BUSY under load. It
 * only helps because every transaction takes the write lock as it begins (beginImmediately below);
 * a waiting writer is another process (a CLI command, a second instance), which holds the lock for
 * milliseconds, so 10 s is a generous bound, not an expected wait.
 */
const BUSY_TIMEOUT_MS = 10_000;

/**
 * Makes every transaction on this connection start with `BEGIN IMMEDIATE` instead of the adapter's
 * plain (deferred) `BEGIN`.
 *
 * Why: a deferred transaction reads first and asks for the write lock at its first write. If another
 * process committed in between, SQLite cannot upgrade the stale read snapshot and fails at once with
 * SQLITE_BUSY_SNAPSHOT, which no busy timeout retries: `users promote` failed that way in 6 runs of 6
 * while the server was grading. `BEGIN IMMEDIATE` takes the write lock before the first read, waits
 * for it under the busy timeout, and so can never hold a stale snapshot. Within one process the
 * adapter already runs transactions one at a time, so nothing is lost in concurrency; readers
 * outside transactions are untouched (WAL readers never wait for a writer).
 *
 * The adapter (6.19.3, pinned) prepares the literal "BEGIN" in `startTransaction` and offers no
 * option for the mode; the handle's `prepare` is the one place to change it. sqlite-connection.test.ts
 * fails if the adapter stops going through it.
 */
function beginImmediately(database: BetterSqlite3.Database): void {
  const prepare = database.prepare.bind(database);
  const immediate = (source: string) => prepare(source.trim().toUpperCase() === "BEGIN" ? "BEGIN IMMEDIATE" : source);
  database.prepare = immediate as BetterSqlite3.Database["prepare"];
}

type Connection = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

async function applyPragmas(connection: Connection, level: SqliteSynchronousLevel): Promise<void> {
  const journal = await connection.queryRaw({ sql: "PRAGMA journal_mode", args: [], argTypes: [] });
  if (String(journal.rows[0]?.[0] ?? "").toLowerCase() !== "wal") return;
  await connection.executeScript(`PRAGMA synchronous = ${level}`);
}

/**
 * The better-sqlite3 adapter, with the pragmas applied inside `connect()`: Prisma opens the
 * connection there and runs every query (plain, raw or in a transaction) on it afterwards, so no
 * query path can run before the level is set, and a reconnect sets it again.
 */
class SQLiteAdapterWithPragmas extends PrismaBetterSQLite3 {
  constructor(
    url: string,
    private readonly level: SqliteSynchronousLevel,
  ) {
    super({ url, timeout: BUSY_TIMEOUT_MS });
  }

  override async connect(): Promise<Connection> {
    const connection = await super.connect();
    try {
      await applyPragmas(connection, this.level);
    } catch (error) {
      await connection.dispose();
      throw error;
    }
    const database = betterSqlite3Of(connection);
    if (database) beginImmediately(database);
    connected.database = database;
    return connection;
  }
}

// One per process (process-shared.ts), like the Prisma client whose connection it is.
const connected = processShared("sqlite-handle", (): { database: BetterSqlite3.Database | null } => ({ database: null }));

/**
 * The adapter keeps its better-sqlite3 handle in the undocumented `client` property (checked for
 * @prisma/adapter-better-sqlite3 6.19.3, which package.json pins exactly); anything else gives null
 * and the callers fall back to Prisma. direct-sql.test.ts fails if the handle goes missing.
 */
function betterSqlite3Of(connection: Connection): BetterSqlite3.Database | null {
  const client = (connection as unknown as { client?: unknown }).client;
  const looksRight = typeof client === "object" && client !== null && typeof (client as { prepare?: unknown }).prepare === "function";
  return looksRight ? (client as BetterSqlite3.Database) : null;
}

/** The better-sqlite3 handle of the app's open connection (null before Prisma connects, or on PostgreSQL). */
export function connectedSqliteDatabase(): BetterSqlite3.Database | null {
  return connected.database?.open ? connected.database : null;
}

/** The driver adapter for the SQLite database at `url` (`file:…`), its level read from `env`. */
export function sqliteAdapter(url: string, env: SynchronousEnv = process.env): PrismaBetterSQLite3 {
  return new SQLiteAdapterWithPragmas(url, sqliteSynchronousLevel(env));
}

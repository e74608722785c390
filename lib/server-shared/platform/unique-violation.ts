// Deliberately free of "server-only" and of the Prisma client: a pure check of an error's shape.

/** PostgreSQL's SQLSTATE for unique_violation, and SQLite's extended result codes for the same. */
const POSTGRESQL_UNIQUE_VIOLATION = "23505";
const SQLITE_UNIQUE_CODES = new Set(["2067", "1555", "SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY"]);

interface ErrorShape {
  code?: unknown;
  meta?: { code?: unknown; driverAdapterError?: { cause?: { kind?: unknown } } };
}

/**
 * A unique-constraint violation (another request inserted the same key first), from any path:
 * - Prisma's model queries: P2002, on either database;
 * - raw SQL (`$queryRaw`/`$executeRaw`): P2010 "raw query failed", carrying the database's own code
 *   (23505 on PostgreSQL; 2067 or 1555 on SQLite) — PostgreSQL runs racing transactions side by side,
 *   so this is where the loser of an insert race learns it lost;
 * - statements run directly on better-sqlite3's handle (direct-sql.ts): SQLite's code names.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta } = error as ErrorShape;
  if (code === "P2002") return true;
  if (typeof code === "string" && SQLITE_UNIQUE_CODES.has(code)) return true;
  if (code !== "P2010") return false;
  const databaseCode = String(meta?.code ?? "");
  return databaseCode === POSTGRESQL_UNIQUE_VIOLATION || SQLITE_UNIQUE_CODES.has(databaseCode) || meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation";
}

/** PostgreSQL's SQLSTATEs for a deadlock and a serialization failure: the transaction may simply be run again. */
const POSTGRESQL_RETRYABLE = new Set(["40P01", "40001"]);

/**
 * An error after which running the whole transaction again is right: a unique violation (the retry
 * finds the winner's row), or PostgreSQL aborting one of two transactions that waited on each other's
 * row locks (P2034 from model queries, P2010 with 40P01/40001 from raw SQL). Grading and undo retry on
 * it a few times (review-grade.ts); their second run sees the other transaction's committed work.
 */
export function isRetryableWriteConflict(error: unknown): boolean {
  if (isUniqueViolation(error)) return true;
  if (typeof error !== "object" || error === null) return false;
  const { code, meta } = error as ErrorShape;
  if (code === "P2034") return true;
  return code === "P2010" && POSTGRESQL_RETRYABLE.has(String(meta?.code ?? ""));
}

import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

/**
 * Which committed migrations a database has not applied yet, read straight from Prisma's own
 * bookkeeping table (`_prisma_migrations`), so that a start with nothing to do never runs Prisma's
 * migration engine (several seconds, and on PostgreSQL a wait on its advisory lock).
 */

/** Migration folder names in `dir`, in order (Prisma applies them by name). */
export function committedMigrations(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

/** The committed migrations missing from `applied` (finished, not rolled back), in order. */
export function pendingMigrations(committed: readonly string[], applied: ReadonlySet<string>): string[] {
  return committed.filter((name) => !applied.has(name));
}

const APPLIED_SQL = `SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`;

/** Applied migrations of a SQLite file (empty when the file or the table does not exist yet). */
export function appliedSqliteMigrations(file: string): Set<string> {
  if (!existsSync(file)) return new Set();
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get();
    if (!table) return new Set();
    return new Set((sqlite.prepare(APPLIED_SQL).all() as Array<{ migration_name: string }>).map((row) => row.migration_name));
  } finally {
    sqlite.close();
  }
}

/** Applied migrations of a PostgreSQL database, on a client the caller holds. */
export async function appliedPostgresqlMigrations(client: pg.Client): Promise<Set<string>> {
  const table = await client.query<{ present: boolean }>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS "present"`);
  if (!table.rows[0]?.present) return new Set();
  const rows = await client.query<{ migration_name: string }>(APPLIED_SQL);
  return new Set(rows.rows.map((row) => row.migration_name));
}

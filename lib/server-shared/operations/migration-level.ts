// Deliberately free of "server-only": `deepdrill restore` compares a backup's level with the code's.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../platform/database-url";

/**
 * The migration level of a database is the name of the last migration applied to it (Prisma
 * records each in `_prisma_migrations`); the code's level is the newest folder under
 * prisma/migrations. Names start with a UTC timestamp, so the newest is the greatest string.
 */

const MIGRATION_FOLDER = /^\d{14}_[A-Za-z0-9_]+$/;

/** The SQL that reads a database's level (the same on SQLite and PostgreSQL). */
export const APPLIED_LEVEL_SQL =
  'SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL ORDER BY "migration_name" DESC LIMIT 1';

/** The migrations the code ships, oldest first. */
export function codeMigrations(directory = path.join(projectRoot, "prisma", "migrations")): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && MIGRATION_FOLDER.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/** The newest migration the code ships (null when the folder is missing, e.g. a trimmed deployment). */
export function codeMigrationLevel(directory?: string): string | null {
  return codeMigrations(directory).at(-1) ?? null;
}

// Deliberately free of "server-only": `deepdrill backup` / `restore` and the automatic backups of
// `npm start` run outside Next.js.
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { APPLIED_LEVEL_SQL } from "./migration-level";

/**
 * SQLite backups (docs/architecture.md, "Operations").
 *
 * A backup is made with SQLite's online backup (better-sqlite3 `.backup()`), which copies a
 * consistent snapshot page by page while the server keeps reading and writing: every transaction
 * committed before the copy began is in it. The copy is written under a temporary name ending in
 * PARTIAL_SUFFIX, switched to a single-file rollback journal, checked (`PRAGMA integrity_check`),
 * fsynced, and only then renamed to its final name (and the directory fsynced). A process killed at
 * any point leaves either no file under the final name or a complete, checked one; `restore`
 * refuses PARTIAL_SUFFIX files outright and checks every file it is given anyway.
 */

export const PARTIAL_SUFFIX = ".partial";

/** What a database file holds, as `restore` reports it. */
export interface DatabaseSummary {
  integrity: "ok" | string;
  migration: string | null;
  users: number;
  decks: number;
  reviews: number;
  lastReviewAt: string | null;
}

/** fsync of a file or directory: its bytes (or entries) are on disk when this returns. */
export function fsyncPath(file: string): void {
  const descriptor = openSync(file, "r");
  try {
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Copies the live database at `sourceFile` into `targetFile` (replacing it only when complete).
 * Returns the size in bytes. Throws when the copy fails its integrity check.
 */
export async function backupSqliteFile(sourceFile: string, targetFile: string): Promise<number> {
  if (!existsSync(sourceFile)) throw new Error(`no database at ${sourceFile}`);
  const partial = `${targetFile}${PARTIAL_SUFFIX}`;
  rmSync(partial, { force: true });
  const source = new Database(sourceFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(partial);
  } finally {
    source.close();
  }
  const copy = new Database(partial, { fileMustExist: true });
  try {
    // The live file is in WAL mode, and so is the copy's header: make it one self-contained file.
    copy.pragma("journal_mode = DELETE");
    const integrity = copy.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new Error(`the copy failed its integrity check: ${String(integrity)}`);
  } catch (error) {
    copy.close();
    rmSync(partial, { force: true });
    throw error;
  }
  copy.close();
  fsyncPath(partial);
  renameSync(partial, targetFile);
  fsyncPath(path.dirname(path.resolve(targetFile)));
  return statSync(targetFile).size;
}

function count(database: Database.Database, table: string): number {
  const row = database.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number };
  return Number(row.n);
}

/** Opens a database file read-only and says what it holds; throws when it is not a SQLite file. */
export function summarizeSqliteFile(file: string): DatabaseSummary {
  const database = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = String(database.pragma("integrity_check", { simple: true }));
    if (integrity !== "ok") return { integrity, migration: null, users: 0, decks: 0, reviews: 0, lastReviewAt: null };
    const hasMigrations = database.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    const migrationRow = hasMigrations ? (database.prepare(APPLIED_LEVEL_SQL).get() as { migration_name: string } | undefined) : undefined;
    const last = database.prepare('SELECT MAX("createdAt") AS at FROM "ReviewLog"').get() as { at: string | number | null };
    return {
      integrity,
      migration: migrationRow?.migration_name ?? null,
      users: count(database, "User"),
      decks: count(database, "Deck"),
      reviews: count(database, "ReviewLog"),
      lastReviewAt: last.at === null ? null : new Date(typeof last.at === "number" ? last.at : String(last.at)).toISOString(),
    };
  } finally {
    database.close();
  }
}

/** Backup file name for a moment: deepdrill-2026-12-06T21-05-00Z.db (sorts by time). */
export function backupFileName(at: Date): string {
  return `deepdrill-${at.toISOString().replace(/\.\d{3}Z$/, "Z").replaceAll(":", "-")}.db`;
}

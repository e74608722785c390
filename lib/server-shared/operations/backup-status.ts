// Deliberately free of "server-only": the CLI writes the status, /api/health reads it.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { z } from "zod";

/**
 * The last good backup of a SQLite database, kept in a small file beside it
 * (`<db>.last-backup.json`) so that every process sees it: the CLI (`deepdrill backup`) and the
 * automatic backups of `npm start` write it, /api/health reads it. Only a backup that was
 * complete, checked and renamed into place is recorded.
 */

const statusFile = (databaseFile: string) => `${databaseFile}.last-backup.json`;

const backupStatusSchema = z.object({ file: z.string(), finishedAt: z.string(), bytes: z.number() });

export type BackupStatus = z.infer<typeof backupStatusSchema>;

export function recordGoodBackup(databaseFile: string, status: BackupStatus): void {
  const file = statusFile(databaseFile);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(status)}\n`);
  renameSync(temporary, file);
}

/** The last good backup, or null when none was recorded (or the record is unreadable). */
export function lastGoodBackup(databaseFile: string): BackupStatus | null {
  try {
    const parsed = backupStatusSchema.safeParse(JSON.parse(readFileSync(statusFile(databaseFile), "utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

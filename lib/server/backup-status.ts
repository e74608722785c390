// Deliberately free of "server-only": the CLI writes the status, /api/health reads it.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { dataDir } from "./database-url";

/**
 * The last good backup, kept in a small file under data/ so that every process sees it: the CLI
 * (`deepdrill backup`) and the automatic backups of `npm start` write it, /api/health reads it.
 * Only a backup that was complete, checked and renamed into place is recorded.
 */

const statusFile = () => path.join(process.env.DEEPDRILL_BACKUP_STATUS_DIR ?? dataDir, "last-backup.json");

const backupStatusSchema = z.object({ file: z.string(), finishedAt: z.string(), bytes: z.number() });

export type BackupStatus = z.infer<typeof backupStatusSchema>;

export function recordGoodBackup(status: BackupStatus): void {
  const file = statusFile();
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(status)}\n`);
  renameSync(temporary, file);
}

/** The last good backup, or null when none was recorded (or the record is unreadable). */
export function lastGoodBackup(): BackupStatus | null {
  try {
    const parsed = backupStatusSchema.safeParse(JSON.parse(readFileSync(statusFile(), "utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

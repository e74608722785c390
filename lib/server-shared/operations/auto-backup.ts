// Deliberately free of "server-only": `npm start` runs the automatic backups beside the server.
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { backupFileName, backupSqliteFile } from "./backup";
import { recordGoodBackup, type BackupStatus } from "./backup-status";

/**
 * Automatic backups: with DEEPDRILL_BACKUP_DIR set, `npm start` takes a backup as it starts and then
 * every DEEPDRILL_BACKUP_EVERY_HOURS hours (default 6: four a day, so a lost day of grading is at
 * worst six hours), keeping the newest DEEPDRILL_BACKUP_KEEP (default 14: three and a half days at
 * the default rate, enough to step back over a weekend). Older files of ours are deleted; files
 * that do not follow our naming are never touched.
 */

export interface AutoBackupSettings {
  directory: string;
  everyHours: number;
  keep: number;
}

export const DEFAULT_BACKUP_EVERY_HOURS = 6;
export const DEFAULT_BACKUP_KEEP = 14;

const OUR_BACKUP = /^deepdrill-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.db$/;

function positive(value: string | undefined, fallback: number): number {
  const number = Number(value);
  return value !== undefined && value.trim() !== "" && Number.isFinite(number) && number > 0 ? number : fallback;
}

/** The settings from the environment, or null when automatic backups are off. */
export function autoBackupSettings(env: NodeJS.ProcessEnv = process.env): AutoBackupSettings | null {
  const directory = env.DEEPDRILL_BACKUP_DIR?.trim();
  if (!directory) return null;
  return {
    directory: path.resolve(directory),
    everyHours: positive(env.DEEPDRILL_BACKUP_EVERY_HOURS, DEFAULT_BACKUP_EVERY_HOURS),
    keep: Math.floor(positive(env.DEEPDRILL_BACKUP_KEEP, DEFAULT_BACKUP_KEEP)),
  };
}

/** Deletes all but the newest `keep` of our backup files in `directory`; returns what it deleted. */
export function pruneBackups(directory: string, keep: number): string[] {
  const ours = readdirSync(directory).filter((name) => OUR_BACKUP.test(name)).sort();
  const doomed = ours.slice(0, Math.max(0, ours.length - keep));
  for (const name of doomed) rmSync(path.join(directory, name), { force: true });
  return doomed;
}

/** One backup into the directory, recorded as the last good one, then pruning. */
export async function takeScheduledBackup(databaseFile: string, settings: AutoBackupSettings, now: Date): Promise<BackupStatus & { pruned: string[] }> {
  mkdirSync(settings.directory, { recursive: true });
  const file = path.join(settings.directory, backupFileName(now));
  const bytes = await backupSqliteFile(databaseFile, file);
  const status = { file, finishedAt: new Date().toISOString(), bytes };
  recordGoodBackup(databaseFile, status);
  return { ...status, pruned: pruneBackups(settings.directory, settings.keep) };
}

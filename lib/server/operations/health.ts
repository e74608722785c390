import "server-only";
import packageJson from "@/package.json";
import { lastGoodBackup } from "@/lib/server-shared/operations/backup-status";
import { databaseKind, databaseUrl } from "@/lib/server-shared/platform/database-url";
import { db } from "../platform/db";
import { APPLIED_LEVEL_SQL, codeMigrationLevel } from "@/lib/server-shared/operations/migration-level";

export interface HealthReport {
  ok: boolean;
  db: "sqlite" | "postgresql";
  version: string;
  migration?: { applied: string | null; code: string | null };
  lastBackupAt?: string | null;
}

/**
 * What GET /api/health answers: ok is false when the database does not answer. `applied` behind
 * `code` means the database was not migrated (start runs the migrations; a restored backup from
 * older code is migrated by the next start). lastBackupAt is the time of the last good automatic or
 * CLI backup of this SQLite database (null: none yet, or PostgreSQL, whose backups pg_dump takes).
 */
export async function healthReport(): Promise<HealthReport> {
  const url = databaseUrl();
  const kind = databaseKind(url);
  const backup = kind === "sqlite" ? lastGoodBackup(url.replace(/^file:/, "")) : null;
  const base = { db: kind, version: packageJson.version };
  try {
    const [row] = await db.$queryRawUnsafe<{ migration_name: string }[]>(APPLIED_LEVEL_SQL);
    const migration = { applied: row?.migration_name ?? null, code: codeMigrationLevel() };
    return { ok: true, ...base, migration, lastBackupAt: backup?.finishedAt ?? null };
  } catch {
    return { ok: false, ...base };
  }
}

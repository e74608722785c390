import { db } from "@/lib/server/db";
import { databaseKind, databaseUrl } from "@/lib/server/database-url";
import { route } from "@/lib/server/http";
import { APPLIED_LEVEL_SQL, codeMigrationLevel } from "@/lib/server/migration-level";
import { lastGoodBackup } from "@/lib/server/backup-status";
import packageJson from "@/package.json";

export const dynamic = "force-dynamic";

/**
 * GET /api/health → {ok, db, version, migration: {applied, code}, lastBackupAt}; ok is false (503)
 * when the database does not answer. `applied` behind `code` means the database was not migrated
 * (start runs the migrations; a restored backup from older code is migrated by the next start).
 * lastBackupAt is the time of the last good automatic or CLI backup of this SQLite database (null:
 * none yet, or PostgreSQL, whose backups pg_dump takes).
 */
export const GET = route(async () => {
  const url = databaseUrl();
  const kind = databaseKind(url);
  const backup = kind === "sqlite" ? lastGoodBackup(url.replace(/^file:/, "")) : null;
  const base = { db: kind, version: packageJson.version };
  try {
    const [row] = await db.$queryRawUnsafe<{ migration_name: string }[]>(APPLIED_LEVEL_SQL);
    const migration = { applied: row?.migration_name ?? null, code: codeMigrationLevel() };
    return Response.json({ ok: true, ...base, migration, lastBackupAt: backup?.finishedAt ?? null });
  } catch {
    return Response.json({ ok: false, ...base }, { status: 503 });
  }
});

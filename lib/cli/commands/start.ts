import { spawn } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { autoBackupSettings, takeScheduledBackup, type AutoBackupSettings } from "../../server-shared/operations/auto-backup";
import { databaseKind, databaseUrl, projectRoot } from "../../server-shared/platform/database-url";
import { APPLIED_LEVEL_SQL, codeMigrationLevel } from "../../server-shared/operations/migration-level";
import { logLine } from "../../server-shared/operations/request-log";
import { nextAuthSecret } from "../../server-shared/platform/secret";
import { clearServingMark, writeServingMark } from "../../server-shared/operations/serving-mark";
import { sqliteSynchronousLevel } from "../../server-shared/platform/sqlite-connection";
import { buildIsStale } from "../build-fingerprint";
import { markServingBuild } from "../build-guard";
import { migrateDatabase } from "../database";
import { localBin, say } from "../process";
import { buildApp } from "./build";
import { warnAboutSharedSecret } from "../shared-secret-warning";
import { loadContentDecks } from "../load-content";
import packageJson from "../../../package.json";

/**
 * `npm start`: migrate (create) the database, load the decks in content/, build when the
 * sources changed, and serve the production app on PORT (3000) through lib/cli/serve.ts, which
 * logs each request as a JSON line. Safe to run again: migrations and deck loading are idempotent,
 * so every start keeps all data. With DEEPDRILL_BACKUP_DIR set it also takes automatic backups.
 */
export async function run(): Promise<number> {
  warnAboutSharedSecret(process.env);
  const port = process.env.PORT ?? "3000";
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    NEXTAUTH_SECRET: nextAuthSecret(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  };
  await migrateDatabase(env);
  await loadContentDecks(env);
  if (buildIsStale()) await buildApp();
  else say("production build is up to date");

  const url = databaseUrl(env);
  const sqliteFile = databaseKind(url) === "sqlite" ? path.resolve(url.replace(/^file:/, "")) : null;
  const backups = sqliteFile ? autoBackupSettings(env) : null;
  if (!sqliteFile && env.DEEPDRILL_BACKUP_DIR) say("automatic backups are for SQLite; on PostgreSQL schedule pg_dump (README, Running it)");
  process.stdout.write(logLine("startup", startupSummary(port, url, sqliteFile, backups)));

  say(`serving on http://localhost:${port}`);
  const server = spawn(localBin("tsx"), [path.join(projectRoot, "lib", "cli", "serve.ts"), port], { stdio: "inherit", env });
  if (sqliteFile) writeServingMark(sqliteFile, { pid: process.pid, port });
  const unmarkBuild = markServingBuild();
  const stopBackups = sqliteFile && backups ? scheduleBackups(sqliteFile, backups) : () => {};
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  return new Promise((resolve) =>
    server.on("exit", (code) => {
      stopBackups();
      unmarkBuild();
      if (sqliteFile) clearServingMark(sqliteFile);
      resolve(code ?? 0);
    }),
  );
}

/** The start-up summary, one JSON line: what an operator checks first when something is off. */
function startupSummary(port: string, url: string, sqliteFile: string | null, backups: AutoBackupSettings | null): object {
  let applied: string | null = null;
  if (sqliteFile) {
    const database = new Database(sqliteFile, { readonly: true });
    try {
      applied = (database.prepare(APPLIED_LEVEL_SQL).get() as { migration_name: string } | undefined)?.migration_name ?? null;
    } finally {
      database.close();
    }
  }
  return {
    version: packageJson.version,
    node: process.version,
    port: Number(port),
    db: databaseKind(url),
    database: sqliteFile,
    migration: { applied, code: codeMigrationLevel() },
    sqliteSynchronous: sqliteFile ? sqliteSynchronousLevel() : null,
    backups: backups ? { directory: backups.directory, everyHours: backups.everyHours, keep: backups.keep } : null,
  };
}

/** A backup now, then every `everyHours`; each outcome is one JSON line (errors on stderr). */
function scheduleBackups(databaseFile: string, settings: AutoBackupSettings): () => void {
  const once = async () => {
    try {
      const result = await takeScheduledBackup(databaseFile, settings, new Date());
      process.stdout.write(logLine("backup", result));
    } catch (error) {
      process.stderr.write(logLine("backup-failed", { error: error instanceof Error ? error.message : String(error) }));
    }
  };
  void once();
  const timer = setInterval(() => void once(), settings.everyHours * 3_600_000);
  return () => clearInterval(timer);
}

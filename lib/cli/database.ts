import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseKind, databaseUrl, projectRoot } from "../server-shared/platform/database-url";
import { appliedPostgresqlMigrations, appliedSqliteMigrations, committedMigrations, pendingMigrations } from "./migration-state";
import { localBin, runToCompletion, say } from "./process";

const SQLITE_MIGRATIONS = path.join(projectRoot, "prisma", "migrations");
const POSTGRESQL_MIGRATIONS = path.join(projectRoot, "prisma", "postgresql", "migrations");

/**
 * Our own advisory lock around migrating a PostgreSQL database (any fixed 64-bit key; Prisma's own is
 * 72707369). Instances starting together queue here: the first applies the pending migrations, the
 * others then find nothing pending and go on at once, without ever calling Prisma's engine, whose own
 * lock wait (10 s) made a second start fail with P1002.
 */
const MIGRATION_LOCK_KEY = 7_206_241_212;
/** Longer than any migration of this schema takes; a start that waits this long says so and fails. */
const MIGRATION_LOCK_WAIT_MS = 5 * 60_000;
const LOCK_POLL_MS = 250;

async function runPrismaDeploy(env: NodeJS.ProcessEnv, url: string): Promise<void> {
  await runToCompletion(localBin("prisma"), ["migrate", "deploy"], { env: { ...env, DATABASE_URL: url }, stdio: ["ignore", "ignore", "inherit"] });
}

function report(pending: readonly string[]): void {
  say(pending.length === 0 ? "migrations: up to date" : `migrations: applying ${pending.length} (${pending.join(", ")})`);
}

async function migratePostgresql(env: NodeJS.ProcessEnv, url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const deadline = Date.now() + MIGRATION_LOCK_WAIT_MS;
    let announced = false;
    for (;;) {
      const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [MIGRATION_LOCK_KEY]);
      if (rows[0]?.locked) break;
      if (Date.now() > deadline) throw new Error(`another instance has been migrating this database for ${MIGRATION_LOCK_WAIT_MS / 1000} s; check it, then start again`);
      if (!announced) say("migrations: another instance is migrating; waiting for it");
      announced = true;
      await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
    }
    try {
      const pending = pendingMigrations(committedMigrations(POSTGRESQL_MIGRATIONS), await appliedPostgresqlMigrations(client));
      report(pending);
      if (pending.length > 0) await runPrismaDeploy(env, url);
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

/**
 * Brings the database to the latest committed migration (creating the SQLite file if needed) and
 * switches SQLite to write-ahead logging, which is stored in the file and so persists. `deepdrill
 * migrate` runs this alone (once per deployment); `npm start` runs it before serving.
 */
export async function migrateDatabase(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const url = databaseUrl(env);
  if (databaseKind(url) === "postgresql") {
    say("database: PostgreSQL");
    await migratePostgresql(env, url);
    return;
  }
  const file = url.replace(/^file:/, "");
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  say(`database: SQLite at ${file}`);
  const pending = pendingMigrations(committedMigrations(SQLITE_MIGRATIONS), appliedSqliteMigrations(file));
  report(pending);
  if (pending.length > 0) await runPrismaDeploy(env, url);
  enableWal(file);
}

function enableWal(file: string): void {
  const sqlite = new Database(file);
  try {
    sqlite.pragma("journal_mode = WAL");
  } finally {
    sqlite.close();
  }
}

import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseKind, databaseUrl } from "../server/database-url";
import { localBin, runToCompletion, say } from "./process";

/**
 * Brings the database to the latest committed migration (creating the SQLite file if needed)
 * and switches SQLite to write-ahead logging, which is stored in the file and so persists.
 */
export async function migrateDatabase(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const url = databaseUrl(env);
  if (databaseKind(url) === "sqlite") {
    const file = url.replace(/^file:/, "");
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    say(`database: SQLite at ${file}`);
  } else {
    say("database: PostgreSQL");
  }
  await runToCompletion(localBin("prisma"), ["migrate", "deploy"], { env: { ...env, DATABASE_URL: url }, stdio: ["ignore", "ignore", "inherit"] });
  if (databaseKind(url) === "sqlite") enableWal(url.replace(/^file:/, ""));
}

function enableWal(file: string): void {
  const sqlite = new Database(file);
  try {
    sqlite.pragma("journal_mode = WAL");
  } finally {
    sqlite.close();
  }
}

import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/**
 * Throwaway databases for the tests: the unit tests' global setup and the end-to-end runner each
 * make one, on the database the environment asks for, and remove it afterwards.
 *
 * DEEPDRILL_TEST_DB=postgresql runs them on PostgreSQL (the server at DEEPDRILL_TEST_PG_URL,
 * default postgresql://postgres@127.0.0.1:5432/postgres, which must allow CREATE DATABASE);
 * anything else, or unset, on SQLite in a scratch folder.
 */
export type TestDatabaseKind = "sqlite" | "postgresql";

export function testDatabaseKind(env: Readonly<Record<string, string | undefined>> = process.env): TestDatabaseKind {
  const wanted = (env.DEEPDRILL_TEST_DB ?? "sqlite").trim().toLowerCase();
  if (wanted === "postgresql" || wanted === "postgres" || wanted === "pg") return "postgresql";
  if (wanted === "sqlite" || wanted === "") return "sqlite";
  throw new Error(`DEEPDRILL_TEST_DB must be "sqlite" or "postgresql", not "${env.DEEPDRILL_TEST_DB}"`);
}

export const DEFAULT_TEST_PG_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export function testPostgresqlServerUrl(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return env.DEEPDRILL_TEST_PG_URL?.trim() || DEFAULT_TEST_PG_URL;
}

export interface ScratchDatabase {
  kind: TestDatabaseKind;
  url: string;
  /** Removes the database (and its folder, for SQLite). */
  drop(): Promise<void>;
}

/** The URL of database `name` on the server of `serverUrl`. */
export function withDatabaseName(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Answers whether the PostgreSQL server at `serverUrl` accepts a connection within `timeoutMs`. */
export async function postgresqlReachable(serverUrl: string, timeoutMs = 2_000): Promise<boolean> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function onServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new empty database of `kind`, named after `purpose` (e.g. "unit", "e2e") and a random suffix. */
export async function createScratchDatabase(kind: TestDatabaseKind, purpose: string, env: Readonly<Record<string, string | undefined>> = process.env): Promise<ScratchDatabase> {
  if (kind === "sqlite") {
    const folder = mkdtempSync(path.join(os.tmpdir(), `deepdrill-${purpose}-`));
    return { kind, url: `file:${path.join(folder, `${purpose}.db`)}`, drop: async () => rmSync(folder, { recursive: true, force: true }) };
  }
  const serverUrl = testPostgresqlServerUrl(env);
  // Lower case letters, digits and underscores only: the name is spliced into CREATE DATABASE.
  const name = `deepdrill_${purpose.replace(/[^a-z0-9]/g, "_")}_${randomBytes(6).toString("hex")}`;
  await onServer(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  return {
    kind,
    url: withDatabaseName(serverUrl, name),
    drop: () => onServer(serverUrl, async (client) => void (await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))),
  };
}

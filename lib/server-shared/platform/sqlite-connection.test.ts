import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, expect, it, vi } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { describeSqliteOnly } from "@/tests/unit/test-database";
import { sqliteAdapter, sqliteSynchronousLevel, type SynchronousEnv } from "./sqlite-connection";

/**
 * The durability level is set by the connection itself, so every query path sees it: read back
 * here with `PRAGMA synchronous` (0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA) on fresh connections to
 * scratch databases, in WAL mode as `deepdrill migrate` leaves the file, and with a rollback journal.
 * NORMAL in WAL mode is also better-sqlite3's compiled-in default, so the FULL and EXTRA cases are the
 * ones that show the setting being applied; the NORMAL cases pin what the server runs with.
 */

const scratch = mkdtempSync(path.join(os.tmpdir(), "deepdrill-pragmas-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function databaseFile(name: string, journalMode: "wal" | "delete"): string {
  const file = path.join(scratch, `${name}.db`);
  const sqlite = new Database(file);
  sqlite.pragma(`journal_mode = ${journalMode}`);
  sqlite.close();
  return file;
}

async function synchronousOf(client: PrismaClient): Promise<number> {
  const [row] = await client.$queryRawUnsafe<{ synchronous: bigint | number }[]>("PRAGMA synchronous");
  return Number(row?.synchronous);
}

async function levelReadBack(file: string, env: SynchronousEnv): Promise<number> {
  const client = new PrismaClient({ adapter: sqliteAdapter(`file:${file}`, env) });
  try {
    return await synchronousOf(client);
  } finally {
    await client.$disconnect();
  }
}

describeSqliteOnly("sqliteSynchronousLevel", () => {
  it.each([
    [undefined, "NORMAL", "unset: the default"],
    ["FULL", "FULL", "power-loss durability"],
    [" extra ", "EXTRA", "any case, spaces trimmed"],
    ["OFF", "NORMAL", "levels below NORMAL are not offered"],
    ["", "NORMAL", "empty"],
  ])("%j → %s (%s)", (value, level, _why) => {
    expect(sqliteSynchronousLevel({ DEEPDRILL_SQLITE_SYNCHRONOUS: value })).toBe(level);
  });
});

describeSqliteOnly("the connection's synchronous level", () => {
  it("is NORMAL (1) in WAL mode by default, before the first write", async () => {
    expect(await levelReadBack(databaseFile("default", "wal"), {})).toBe(1);
  });

  it("follows DEEPDRILL_SQLITE_SYNCHRONOUS: FULL (2), EXTRA (3)", async () => {
    const file = databaseFile("levels", "wal");
    expect(await levelReadBack(file, { DEEPDRILL_SQLITE_SYNCHRONOUS: "FULL" })).toBe(2);
    expect(await levelReadBack(file, { DEEPDRILL_SQLITE_SYNCHRONOUS: "extra" })).toBe(3);
  });

  it("keeps SQLite's own default (FULL, 2) outside WAL mode", async () => {
    expect(await levelReadBack(databaseFile("rollback", "delete"), {})).toBe(2);
  });

  it("is applied inside transactions too (one connection, set as it opens)", async () => {
    const client = new PrismaClient({ adapter: sqliteAdapter(`file:${databaseFile("tx", "wal")}`, {}) });
    try {
      expect(await client.$transaction((tx) => synchronousOf(tx as PrismaClient))).toBe(1);
    } finally {
      await client.$disconnect();
    }
  });
});

describeSqliteOnly("the app's client (db.ts)", () => {
  // The process-wide slots of process-shared.ts: the client, and the handle its connection set.
  const global = globalThis as unknown as Record<"deepdrill:prisma" | "deepdrill:sqlite-handle", unknown>;
  const cached = { client: global["deepdrill:prisma"], handle: global["deepdrill:sqlite-handle"] };
  afterEach(() => {
    global["deepdrill:prisma"] = cached.client;
    global["deepdrill:sqlite-handle"] = cached.handle;
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  // db.ts reads DATABASE_URL and the level when it is first imported: a fresh module graph each time.
  async function freshDb(env: Record<string, string>): Promise<PrismaClient> {
    delete global["deepdrill:prisma"];
    delete global["deepdrill:sqlite-handle"];
    vi.stubEnv("DEEPDRILL_SQLITE_SYNCHRONOUS", ""); // whatever the shell running the tests says
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    vi.resetModules();
    return (await import("../../server/platform/db")).db;
  }

  it.each([
    [{}, 1],
    [{ DEEPDRILL_SQLITE_SYNCHRONOUS: "FULL" }, 2],
  ])("with %j reads back %i on its first query", async (env, expected) => {
    const client = await freshDb({ DATABASE_URL: `file:${databaseFile(`app-${expected}`, "wal")}`, ...env });
    try {
      expect(await synchronousOf(client)).toBe(expected);
    } finally {
      await client.$disconnect();
    }
  });
});

describeSqliteOnly("write transactions take the write lock as they begin", () => {
  /**
   * A second connection (another process: a CLI command, a second instance) tries to write while a
   * transaction of ours has only read so far. With a deferred BEGIN that write would get in, and our
   * own first write would then fail with SQLITE_BUSY_SNAPSHOT; with BEGIN IMMEDIATE the other writer
   * is the one told to wait (busy timeout 0 here, so it says SQLITE_BUSY at once) and ours commits.
   */
  it("keeps another connection's write out until the transaction commits, which then succeeds", async () => {
    const file = databaseFile("immediate", "wal");
    const other = new Database(file, { timeout: 0 });
    other.exec("CREATE TABLE counter (n INTEGER NOT NULL)");
    other.exec("INSERT INTO counter (n) VALUES (0)");
    const client = new PrismaClient({ adapter: sqliteAdapter(`file:${file}`, {}) });
    let otherWrite: unknown = null;
    try {
      await client.$transaction(async (tx) => {
        await tx.$queryRawUnsafe("SELECT n FROM counter");
        try {
          other.exec("UPDATE counter SET n = n + 100");
        } catch (error) {
          otherWrite = error;
        }
        await tx.$executeRawUnsafe("UPDATE counter SET n = n + 1");
      });
      expect((otherWrite as { code?: string } | null)?.code).toBe("SQLITE_BUSY");
      other.exec("UPDATE counter SET n = n + 100"); // once we committed, it goes through
      expect(other.prepare("SELECT n FROM counter").get()).toEqual({ n: 101 });
    } finally {
      await client.$disconnect();
      other.close();
    }
  });
});

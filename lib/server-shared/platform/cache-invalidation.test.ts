import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { testDatabase } from "@/tests/unit/test-database";
import { announceInvalidation, onInvalidation, startCacheListener } from "./cache-invalidation";

/**
 * Two processes on one PostgreSQL database: this one listens, a second one (a separate Node process,
 * as a second app instance is) announces that a user's deck access changed, and this process's
 * cache handler runs within a second. On SQLite there is one process and nothing to announce.
 */

const announcer = path.resolve("tests/unit/announce-invalidation.ts");

/** Runs the announcer; resolves to its exit code and the time (ms since the epoch) it sent the announcement. */
function announceFromAnotherProcess(cache: string, keys: string[]): Promise<{ code: number; sentAt: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.resolve("node_modules/.bin/tsx"), announcer, cache, ...keys], { env: process.env, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    // "close", not "exit": only then has all of its output been read.
    child.on("close", (code) => resolve({ code: code ?? -1, sentAt: Number(out.trim()) }));
  });
}

afterAll(async () => {
  const client = await startCacheListener();
  await client?.end();
});

describe.skipIf(testDatabase !== "postgresql")("cache invalidation across instances [PostgreSQL only]", () => {
  it("another process's announcement clears this process's cache entry within 1 s", async () => {
    await startCacheListener();
    const received: Array<{ keys: readonly string[] | null; at: number }> = [];
    onInvalidation("test-cache", (keys) => received.push({ keys, at: Date.now() }));
    const exited = announceFromAnotherProcess("test-cache", ["user-a", "user-b"]);
    const deadline = Date.now() + 60_000; // the child's start-up (tsx) is not part of the delay measured
    while (received.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    const { code, sentAt } = await exited;
    expect(code).toBe(0);
    expect(sentAt).toBeGreaterThan(0);
    expect(received).toHaveLength(1);
    expect(received[0]!.keys).toEqual(["user-a", "user-b"]);
    // From the other process's NOTIFY to this process's handler (one machine, one clock).
    expect(received[0]!.at - sentAt).toBeLessThan(1_000);
  });

  it("an instance ignores its own announcements (it cleared the entry before announcing)", async () => {
    const received: unknown[] = [];
    onInvalidation("own-cache", (keys) => received.push(keys));
    await announceInvalidation("own-cache", ["x"]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received).toEqual([]);
  });
});

import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { ReviewClient } from "@/tests/reliability/review-client";
import { runDeepdrill, signedInStudents, startGrading } from "@/tests/reliability/grading-load";
import { freePort, startServer, type ServerHandle } from "@/tests/reliability/server-process";

/**
 * Backups that restore (docs/architecture.md, "Operations"), with real processes throughout:
 * `deepdrill backup` runs while the production server serves 20 students grading as fast as they
 * can; `deepdrill restore` puts the file into a fresh directory; every grade acknowledged before the
 * backup began must be in it, and a server started on it must serve a review. And a backup killed
 * with SIGKILL mid-copy must leave the live database intact and nothing `restore` would accept.
 */

const root = process.cwd();
const scratch = mkdtempSync(path.join(os.tmpdir(), "deepdrill-backup-"));
const servers: ServerHandle[] = [];

afterAll(async () => {
  for (const server of servers) await server.stop();
  rmSync(scratch, { recursive: true, force: true });
});

const secret = randomBytes(32).toString("base64url");

describe("a backup taken under grading load", () => {
  it("restores into a fresh directory with every acknowledged grade, and serves", { timeout: 30 * 60_000 }, async () => {
    const liveFile = path.join(scratch, "live", "deepdrill.db");
    mkdirSync(path.dirname(liveFile), { recursive: true });
    const live = await startServer({ root, port: await freePort(), databaseFile: liveFile, secret });
    servers.push(live);
    const clients = await signedInStudents(live.baseUrl, 20, "backup-load");
    const load = startGrading(clients);
    while (load.acks.length < 100) await new Promise((resolve) => setTimeout(resolve, 20));

    const backupFile = path.join(scratch, "copies", "under-load.db");
    const backupStarted = performance.now();
    const acknowledgedBefore = load.acks.filter((ack) => ack.at < backupStarted).map((ack) => ack.reviewId);
    const backup = await runDeepdrill(root, liveFile, ["backup", backupFile]);
    const gradedDuring = load.acks.filter((ack) => ack.at >= backupStarted).length;
    await load.stop();
    expect({ code: backup.code, stderr: backup.stderr }).toEqual({ code: 0, stderr: "" });
    expect(load.failures).toEqual([]);
    expect(gradedDuring).toBeGreaterThan(0); // the copy was taken while grades were being written

    // restore refuses to replace the database of a running server
    const refused = await runDeepdrill(root, liveFile, ["restore", backupFile]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/serving this database/);

    // /api/health names the backup
    const health = (await (await fetch(`${live.baseUrl}/api/health`)).json()) as { ok: boolean; lastBackupAt: string | null; migration: { applied: string; code: string } };
    expect(health.ok).toBe(true);
    expect(health.migration.applied).toBe(health.migration.code);
    expect(health.lastBackupAt).toBe((JSON.parse(backup.stdout) as { finishedAt: string }).finishedAt);

    const freshFile = path.join(scratch, "fresh", "deepdrill.db");
    const restore = await runDeepdrill(root, freshFile, ["restore", backupFile]);
    expect({ code: restore.code, stderr: restore.stderr }).toEqual({ code: 0, stderr: "" });
    const summary = JSON.parse(restore.stdout) as { restored: boolean; users: number; reviews: number; integrity: string };
    expect(summary).toMatchObject({ restored: true, integrity: "ok", users: 20 });

    const restored = new Database(freshFile, { readonly: true });
    try {
      const stored = new Set((restored.prepare('SELECT "reviewId" FROM "ReviewLog"').all() as { reviewId: string }[]).map((row) => row.reviewId));
      expect(summary.reviews).toBe(stored.size);
      expect(acknowledgedBefore.filter((reviewId) => !stored.has(reviewId))).toEqual([]);
      console.log(`[backup] ${acknowledgedBefore.length} grades acknowledged before the backup, ${gradedDuring} during it; the copy holds ${stored.size}`);
    } finally {
      restored.close();
    }

    // The restored installation serves: a student of the copy signs in and does a review.
    await live.stop();
    const copy = await startServer({ root, port: await freePort(), databaseFile: freshFile, secret, readyTimeoutMs: 180_000 });
    servers.push(copy);
    const student = new ReviewClient(copy.baseUrl, clients[0]!.email);
    await student.signIn();
    const next = await student.next();
    expect(next.status).toBe(200);
    const item = next.body?.item;
    expect(item).toBeTruthy();
    expect((await student.answer(item!.reviewId, "A", 2_000)).status).toBe(200);
    expect((await student.grade(item!.reviewId, 4)).status).toBe(200);
  });
});

describe("kill -9 during a backup", () => {
  it("leaves the live database intact and no file restore accepts", { timeout: 10 * 60_000 }, async () => {
    const liveFile = path.join(scratch, "kill", "deepdrill.db");
    mkdirSync(path.dirname(liveFile), { recursive: true });
    execFileSync(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: `file:${liveFile}` }, stdio: "ignore" });
    const live = new Database(liveFile);
    live.pragma("journal_mode = WAL");
    // Some 200 MB, so that the copy takes long enough to be caught in the middle.
    live.exec("CREATE TABLE filler (data BLOB NOT NULL)");
    live.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000) INSERT INTO filler SELECT randomblob(4000) FROM n");
    const before = live.prepare("SELECT COUNT(*) AS n, SUM(LENGTH(data)) AS bytes FROM filler").get();
    live.close();

    const target = path.join(scratch, "kill", "copy.db");
    const partial = `${target}.partial`;
    const tsx = path.join(root, "node_modules", ".bin", "tsx");
    const child = spawn(process.execPath, [tsx, "--conditions=react-server", path.join(root, "lib/cli/index.ts"), "backup", target], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: `file:${liveFile}` },
      stdio: "ignore",
      detached: true, // its own process group: tsx runs the command in a child process of its own
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
    const deadline = Date.now() + 120_000;
    while (!existsSync(partial) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2));
    expect(existsSync(partial)).toBe(true);
    process.kill(-child.pid!, "SIGKILL"); // the whole command, as kill -9 of `npm run deepdrill` would
    expect(await exited).toBe("SIGKILL"); // killed mid-copy, not finished first
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // nothing of it is still copying

    expect(existsSync(target)).toBe(false);
    const after = new Database(liveFile, { readonly: true });
    try {
      expect(after.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(after.prepare("SELECT COUNT(*) AS n, SUM(LENGTH(data)) AS bytes FROM filler").get()).toEqual(before);
    } finally {
      after.close();
    }
    const fresh = path.join(scratch, "kill-fresh", "deepdrill.db");
    for (const candidate of [partial, target]) {
      const attempt = await runDeepdrill(root, fresh, ["restore", candidate]);
      expect(attempt.code, attempt.stderr).not.toBe(0);
    }
    expect(existsSync(fresh)).toBe(false);
  });
});

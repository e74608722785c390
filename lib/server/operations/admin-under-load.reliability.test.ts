import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { ReviewClient } from "@/tests/reliability/review-client";
import { runDeepdrill, signedInStudents, startGrading, type CommandResult } from "@/tests/reliability/grading-load";
import { freePort, startServer, type ServerHandle } from "@/tests/reliability/server-process";

/**
 * Admin commands while the app is busy: the real production server (as `npm start` starts it, on a
 * throwaway database) serves 20 students grading as fast as they can, and meanwhile 10
 * `users promote` / `users demote` commands run as separate processes on the same SQLite file, two
 * at a time. Every command must exit 0 with nothing on stderr, and no request may fail. (Before write
 * transactions began IMMEDIATE, such a command failed with SQLITE_BUSY_SNAPSHOT under load.)
 */

const STUDENTS = 20;
const COMMANDS = 10;
const AT_ONCE = 2;

const scratch = mkdtempSync(path.join(os.tmpdir(), "deepdrill-admin-load-"));
const databaseFile = path.join(scratch, "admin.db");
let server: ServerHandle | null = null;

afterAll(async () => {
  await server?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

describe("users promote/demote while 20 students grade", () => {
  it("every command exits 0 and no request fails", { timeout: 30 * 60_000 }, async () => {
    const root = process.cwd();
    server = await startServer({ root, port: await freePort(), databaseFile, secret: randomBytes(32).toString("base64url") });
    const target = new ReviewClient(server.baseUrl, `promoted-${Date.now().toString(36)}@example.com`);
    await target.register("To be promoted");
    const clients = await signedInStudents(server.baseUrl, STUDENTS, "admin-load");

    const load = startGrading(clients);
    while (load.acks.length < 50) await new Promise((resolve) => setTimeout(resolve, 20));
    const commandsStarted = performance.now();
    const results: CommandResult[] = [];
    for (let first = 0; first < COMMANDS; first += AT_ONCE) {
      // Both commands of a batch do the same, so the final role does not depend on which commits last.
      const action = (first / AT_ONCE) % 2 === 0 ? "promote" : "demote";
      const batch = Array.from({ length: Math.min(AT_ONCE, COMMANDS - first) }, () => runDeepdrill(root, databaseFile, ["users", action, target.email]));
      results.push(...(await Promise.all(batch)));
    }
    const commandsEnded = performance.now();
    await load.stop();

    const gradedMeanwhile = load.acks.filter((ack) => ack.at >= commandsStarted && ack.at <= commandsEnded).length;
    console.log(`[admin-under-load] ${results.length} commands in ${Math.round(commandsEnded - commandsStarted)} ms, ${gradedMeanwhile} grades meanwhile, ${load.acks.length} in all, ${load.failures.length} failed requests`);
    expect(results.map((result) => ({ args: result.args.join(" "), code: result.code, stderr: result.stderr }))).toEqual(
      results.map((result) => ({ args: result.args.join(" "), code: 0, stderr: "" })),
    );
    for (const result of results) expect(JSON.parse(result.stdout)).toEqual({ email: target.email, role: result.args[1] === "promote" ? "instructor" : "student" });
    expect(load.failures).toEqual([]);
    expect(gradedMeanwhile).toBeGreaterThan(COMMANDS); // the commands really ran under load

    // The operator's log: one JSON line per request, with the student's id, never a password.
    const handle = server;
    const gradeLines = () =>
      handle
        .output()
        .split("\n")
        .filter((line) => line.includes('"kind":"request"'))
        .map((line) => JSON.parse(line) as { route: string; status: number; userId: string | null })
        .filter((line) => line.route === "/api/review/:id/grade" && line.status === 200 && typeof line.userId === "string").length;
    // A request's line is written when its response closes, which can come a moment after the client
    // has read the response: wait (boundedly) for the last lines to reach the log.
    for (let waited = 0; waited < 100 && gradeLines() < load.acks.length; waited += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(gradeLines()).toBe(load.acks.length);
    expect(server.output()).not.toContain(target.password);

    // The last batch (promote, promote) is the one that stands.
    const sqlite = new Database(databaseFile, { readonly: true });
    try {
      expect(sqlite.prepare('SELECT role FROM "User" WHERE email = ?').get(target.email)).toEqual({ role: "instructor" });
    } finally {
      sqlite.close();
    }
  });
});

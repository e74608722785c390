import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, expect, it } from "vitest";
import { plausibleResponse, ReviewClient, type GradeState } from "@/tests/reliability/review-client";
import { freePort, startServer, type ServerHandle } from "@/tests/reliability/server-process";
import { describeSqliteOnly } from "@/tests/unit/test-database";

/**
 * Acknowledged means stored: the real production server (started as `npm start` starts it, on a
 * throwaway database) serves students running next → answer → grade; mid-run it is killed with
 * SIGKILL (no shutdown code runs); it is restarted on the same database, and every grade the
 * server had acknowledged must be in the review log, exactly once, with the acknowledged state.
 *
 * The load phase takes about 10 s and each start a few seconds; a stale production build is
 * rebuilt first (as `npm start` does), which takes minutes on two cores.
 */

const STUDENTS = 12;
const KILL_AFTER_ACKS = 150;
const KILL_AFTER_MS = 10_000;

interface Ack {
  reviewId: string;
  grade: number;
  state: GradeState;
}

const scratch = mkdtempSync(path.join(os.tmpdir(), "deepdrill-reliability-"));
const databaseFile = path.join(scratch, "reliability.db");
const secret = randomBytes(32).toString("base64url");
let server: ServerHandle | null = null;

afterAll(async () => {
  await server?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

async function studentLoop(client: ReviewClient, acks: Ack[], stop: { now: boolean }): Promise<void> {
  for (let round = 0; !stop.now; round += 1) {
    try {
      const next = await client.next();
      const item = next.body?.item;
      if (!next.ok || !item) return;
      const answer = await client.answer(item.reviewId, plausibleResponse(item.answerFormat, round), 4_000);
      const grade = answer.body?.suggestedGrade ?? 3;
      const graded = await client.grade(item.reviewId, grade);
      // Only a complete 200 with its state counts as acknowledged.
      if (graded.ok && graded.body?.state) acks.push({ reviewId: item.reviewId, grade: graded.body.grade, state: graded.body.state });
    } catch {
      return; // the server is gone
    }
  }
}

// SQLite's durability setting is what this tests; PostgreSQL's commit is durable by its own design.
describeSqliteOnly("kill -9 during a load run", () => {
  it("loses no acknowledged grade", { timeout: 30 * 60_000 }, async () => {
    const port = await freePort();
    const root = process.cwd();
    server = await startServer({ root, port, databaseFile, secret });

    const clients = Array.from({ length: STUDENTS }, (_, i) => new ReviewClient(server!.baseUrl, `kill9-${i}-${randomUUID().slice(0, 8)}@example.com`));
    for (const client of clients) {
      await client.register();
      await client.signIn();
      await client.setLimits({ newCardsPerDeck: 1_000 });
    }

    const acks: Ack[] = [];
    const stop = { now: false };
    const started = Date.now();
    const loops = clients.map((client) => studentLoop(client, acks, stop));
    while (acks.length < KILL_AFTER_ACKS && Date.now() - started < KILL_AFTER_MS) await new Promise((resolve) => setTimeout(resolve, 20));
    const acknowledgedBeforeKill = acks.length;
    await server.kill9();
    stop.now = true;
    await Promise.all(loops);
    const acknowledged = [...acks];
    expect(acknowledgedBeforeKill).toBeGreaterThan(10);

    // Restart on the same database.
    server = await startServer({ root, port, databaseFile, secret, readyTimeoutMs: 120_000 });

    const sqlite = new Database(databaseFile, { readonly: true });
    try {
      expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
      const stored = sqlite.prepare("SELECT reviewId, grade, stateAfter FROM ReviewLog").all() as { reviewId: string; grade: number; stateAfter: string }[];
      const byReview = new Map(stored.map((row) => [row.reviewId, row]));
      const missing = acknowledged.filter((ack) => !byReview.has(ack.reviewId));
      const wrongGrade = acknowledged.filter((ack) => byReview.get(ack.reviewId)?.grade !== ack.grade);
      console.log(`[reliability] ${acknowledged.length} grades acknowledged before the kill, ${stored.length} log rows stored, ${missing.length} acknowledged but missing`);
      expect(missing).toEqual([]);
      expect(wrongGrade).toEqual([]);
      expect(stored.length).toBeGreaterThanOrEqual(acknowledged.length);
      expect(new Set(stored.map((row) => row.reviewId)).size).toBe(stored.length);
    } finally {
      sqlite.close();
    }

    // The restarted server still knows every acknowledged grade: repeating it returns the same state.
    const sample = acknowledged.filter((_, i) => i % Math.max(1, Math.floor(acknowledged.length / 20)) === 0);
    for (const ack of sample) {
      // Try each client: the review belongs to exactly one of them, the others get 404.
      const answers = await Promise.all(clients.map((client) => client.grade(ack.reviewId, (ack.grade + 1) % 6)));
      const mine = answers.filter((answer) => answer.status === 200);
      expect(mine).toHaveLength(1);
      expect(mine[0]?.body?.repeated).toBe(true);
      expect(mine[0]?.body?.state).toEqual(ack.state);
      expect(answers.filter((answer) => answer.status === 404)).toHaveLength(clients.length - 1);
    }

    // And the loop goes on after the restart.
    const again = await clients[0]!.next();
    expect(again.status).toBe(200);
    if (again.body?.item) expect((await clients[0]!.grade(again.body.item.reviewId, 4)).status).toBe(200);
  });
});

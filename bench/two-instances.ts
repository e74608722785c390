/**
 * Two app instances on one PostgreSQL database (a scratch database on DEEPDRILL_TEST_PG_URL), started
 * at the same moment (both migrate; neither may fail), then racing requests split between them:
 * 20 grades of one review, 20 first `next` calls of a new student, 50 undos of one grade. Prints the
 * status codes each race got (the goal: only 2xx and meaningful 4xx, never 5xx) and what was stored;
 * then how long a settings change made on one instance takes to be seen on the other (goal ≤ 1 s;
 * the settings cache alone would keep the old value for up to 10 s).
 *
 *   npx tsx bench/two-instances.ts
 */
import { randomBytes, randomUUID } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { mkdtempSync, rmSync } from "node:fs";
import { createScratchDatabase } from "../lib/cli/scratch-database";
import { plausibleResponse, ReviewClient } from "../tests/reliability/review-client";
import { freePort, startServer } from "../tests/reliability/server-process";
import { runBench, type BenchFigures } from "./run-bench";

interface NextBody {
  item?: { reviewId: string; answerFormat: string } | null;
}

const log = (message: string) => process.stderr.write(`[two-instances] ${message}\n`);

function tally(statuses: readonly number[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

/** The same student signed in on both instances (one NEXTAUTH_SECRET, so either would accept either cookie). */
async function studentOnBoth(a: string, b: string): Promise<[ReviewClient, ReviewClient]> {
  const email = `two-${randomUUID().slice(0, 8)}@example.com`;
  const onA = new ReviewClient(a, email);
  await onA.register();
  await onA.signIn();
  const onB = new ReviewClient(b, email);
  await onB.signIn();
  return [onA, onB];
}

async function main(): Promise<BenchFigures> {
  const database = await createScratchDatabase("postgresql", "two");
  const scratch = mkdtempSync(path.join(os.tmpdir(), "deepdrill-two-"));
  const secret = randomBytes(32).toString("base64url");
  log("starting two instances at once on one PostgreSQL database…");
  const started = performance.now();
  const [a, b] = await Promise.all([0, 1].map(async (i) => startServer({ root: process.cwd(), port: await freePort(), databaseFile: path.join(scratch, `${i}.db`), databaseUrl: database.url, secret })));
  const startSeconds = Math.round((performance.now() - started) / 100) / 10;
  try {
    const both = [a!.baseUrl, b!.baseUrl] as const;
    const results: Record<string, unknown> = { bothStartedIn: `${startSeconds} s` };

    {
      const [onA, onB] = await studentOnBoth(...both);
      const next = await onA.request<NextBody>("GET", "/api/review/next");
      const item = next.body?.item;
      if (!item) throw new Error(`no card issued: HTTP ${next.status}`);
      await onA.answer(item.reviewId, plausibleResponse(item.answerFormat, 0), 4_000);
      const grades = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? onB : onA).request<{ grade?: number }>("POST", `/api/review/${item.reviewId}/grade`, { grade: (i % 6) as number })));
      results.grades20 = { statuses: tally(grades.map((g) => g.status)), distinctGradesAnswered: new Set(grades.map((g) => g.body?.grade)).size };
      const undos = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? onB : onA).request<{ repeated?: boolean }>("POST", `/api/review/${item.reviewId}/undo`)));
      results.undos50 = { statuses: tally(undos.map((u) => u.status)), firstTimeUndos: undos.filter((u) => u.ok && u.body?.repeated === false).length };
    }
    {
      const [onA, onB] = await studentOnBoth(...both);
      const nexts = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? onB : onA).request<NextBody>("GET", "/api/review/next")));
      results.firstNext20 = { statuses: tally(nexts.map((n) => n.status)) };
    }
    {
      // A settings change on A, read back on B through B's cache (the same announcement path as deck
      // access: join, leave, removal, assignment, publish, privacy, role): the cross-instance delay.
      const [onA, onB] = await studentOnBoth(...both);
      const delays: number[] = [];
      for (let round = 1; round <= 5; round += 1) {
        await onB.request("GET", "/api/review/settings"); // B caches the current settings
        const wanted = 20 + round;
        const patched = await onA.request("PATCH", "/api/review/settings", { newCardsPerDeck: wanted });
        if (!patched.ok) throw new Error(`settings change refused: HTTP ${patched.status}`);
        const changedAt = performance.now();
        for (;;) {
          const seen = await onB.request<{ newCardsPerDeck?: number }>("GET", "/api/review/settings");
          if (seen.body?.newCardsPerDeck === wanted) break;
          if (performance.now() - changedAt > 30_000) throw new Error("instance B never saw the change");
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        delays.push(Math.round(performance.now() - changedAt));
      }
      results.settingsChangeSeenByOtherInstanceMs = { each: delays, max: Math.max(...delays) };
    }
    return { figures: results };
  } finally {
    await Promise.all([a!.stop(), b!.stop()]);
    rmSync(scratch, { recursive: true, force: true });
    await database.drop();
  }
}

runBench(main);

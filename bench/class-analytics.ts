/**
 * Class analytics on a class with real work: `--students` members of one class on the course deck
 * (content/decks), each having answered and graded `--reviews` reviews through the real review loop
 * over the last weeks, on a throwaway SQLite database. Prints how long `classAnalytics` takes on its
 * first call in a fresh process and on the next ones (wall and CPU time), and where the first call's time goes.
 *
 *   npx tsx --conditions=react-server bench/class-analytics.ts [--students 20] [--reviews 40] [--json]
 *
 * Seeding goes through the real review loop, so it takes minutes on a busy machine.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createScratchDatabase } from "../lib/cli/scratch-database";
import { numberOption, runBench, type BenchFigures } from "./run-bench";

const STUDENTS = numberOption("students", 20, { integer: true });
const REVIEWS = numberOption("reviews", 40, { integer: true });
const DAY_MS = 86_400_000;
const round = (ms: number) => Math.round(ms * 10) / 10;
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

async function main(): Promise<BenchFigures> {
  const scratch = await createScratchDatabase("sqlite", "bench-analytics");
  process.env.DATABASE_URL = scratch.url;
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], { env: process.env, stdio: "ignore" });
  try {
    // The data layer opens DATABASE_URL when first imported: only now.
    const { loadDecksFromDir } = await import("../lib/content/load-decks");
    const { syncContentDecks } = await import("../lib/server/decks/deck-store");
    const { db } = await import("../lib/server/platform/db");
    const { createClass, assignDeck, joinClass } = await import("../lib/server/classes/classes");
    const { nextReview } = await import("../lib/server/review/review-issue");
    const { answerReview } = await import("../lib/server/review/review-answer");
    const { gradeReview } = await import("../lib/server/review/review-grade");
    const { decks } = await loadDecksFromDir(path.resolve("content/decks"));
    await syncContentDecks(decks, { retireMissingDecks: false });
    const deckId = decks[0]!.id;

    const start = new Date(Date.now() - 30 * DAY_MS);
    const teacher = await db.user.create({ data: { email: "teacher@example.com", name: "Teacher", passwordHash: "x", role: "instructor" }, select: { id: true } });
    const instructor = { id: teacher.id, role: "instructor" as const };
    const created = await createClass(instructor, { name: "Bench class" }, start);
    await assignDeck(instructor, created.id, deckId, start);
    const seeding = performance.now();
    for (let s = 0; s < STUDENTS; s += 1) {
      const user = await db.user.create({ data: { email: `s${s}@example.com`, name: `Student ${s}`, passwordHash: "x" }, select: { id: true } });
      await joinClass({ id: user.id, role: "student" }, created.joinCode, start);
      for (let r = 0; r < REVIEWS; r += 1) {
        const now = new Date(start.getTime() + Math.floor((r / REVIEWS) * 28) * DAY_MS + r * 60_000);
        const { item } = await nextReview(user.id, {}, now);
        if (!item) break;
        // Every third answer wrong ("0"), the rest a number that is usually wrong too: realistic misses.
        await answerReview(user.id, item.reviewId, { response: item.selfGraded ? "" : r % 3 === 0 ? "0" : "1", durationMs: 8_000 }, now);
        await gradeReview(user.id, item.reviewId, r % 3 === 0 ? 1 : 4, now);
      }
    }
    const reviews = await db.review.count();
    log(`seeded ${STUDENTS} students, ${reviews} reviews in ${round((performance.now() - seeding) / 1000)} s`);

    const { classAnalytics } = await import("../lib/server/analytics/analytics");
    const runs: number[] = [];
    // CPU time too: on a machine shared with other work, wall times swing far more than the work does.
    const cpuRuns: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const began = performance.now();
      const cpuBefore = process.cpuUsage();
      const data = await classAnalytics(instructor, { classId: created.id });
      runs.push(round(performance.now() - began));
      const cpu = process.cpuUsage(cpuBefore);
      cpuRuns.push(round((cpu.user + cpu.system) / 1000));
      if (i === 0) log(`attempts ${data.totals.attempts}, templates ${data.templates.length}, concepts ${data.concepts.length}`);
    }
    // Where a call's time goes: the same reads and per-attempt work as analytics-queries.ts, one by one.
    const { checkAnswer } = await import("../lib/questions");
    const members = await db.classMember.findMany({ where: { classId: created.id }, select: { userId: true, joinedAt: true } });
    const phase = async <T>(work: () => Promise<T> | T): Promise<[T, number]> => {
      const began = performance.now();
      const value = await work();
      return [value, round(performance.now() - began)];
    };
    const userIds = members.map((m) => m.userId);
    const earliest = new Date(Math.min(...members.map((m) => m.joinedAt.getTime())));
    const [rows, readMs] = await phase(() =>
      db.review.findMany({
        where: { deckId: { in: [deckId] }, kind: { not: "exam" }, status: { in: ["correct", "wrong", "revealed"] }, userId: { in: userIds }, answeredAt: { gte: earliest } },
        select: { id: true, userId: true, cardId: true, deckId: true, variantSeed: true, variant: true, response: true, status: true, answeredAt: true },
      }),
    );
    const [variants, parseMs] = await phase(() => rows.map((row) => JSON.parse(row.variant) as Parameters<typeof checkAnswer>[0]));
    const [, checkMs] = await phase(() => rows.forEach((row, i) => (row.status === "wrong" ? checkAnswer(variants[i]!, row.response ?? "") : null)));
    const [, logMs] = await phase(() =>
      db.reviewLog.groupBy({ by: ["userId", "cardId"], where: { deckId: { in: [deckId] }, undo: { is: null }, userId: { in: userIds }, createdAt: { gte: earliest } }, _max: { createdAt: true } }),
    );
    const [, cardsMs] = await phase(() => db.card.findMany({ where: { deckId: { in: [deckId] } }, select: { id: true, definition: true } }));
    const phases = { reviewsReadMs: readMs, variantsParseMs: parseMs, wrongAnswersCheckMs: checkMs, cardsStudiedReadMs: logMs, cardDefinitionsReadMs: cardsMs, rows: rows.length };
    log(`phases ${JSON.stringify(phases)}`);
    const result = { students: STUDENTS, reviews, firstMs: runs[0], laterMs: runs.slice(1), firstCpuMs: cpuRuns[0], laterCpuMs: cpuRuns.slice(1), phases };
    await db.$disconnect();
    return {
      figures: result,
      jsonOnOneLine: true,
      lines: () => [`classAnalytics: first call ${runs[0]} ms (CPU ${cpuRuns[0]}), then ${runs.slice(1).join(" / ")} ms (CPU ${cpuRuns.slice(1).join(" / ")}) (${STUDENTS} students, ${reviews} reviews)`],
    };
  } finally {
    await scratch.drop();
  }
}

runBench(main);

/**
 * A heavy student: 100,000 card states and 1,000,000 review-log entries (seeded straight into a
 * throwaway SQLite database), then `GET /api/review/next` measured against the production server on
 * loopback (goal: p95 under 10 ms), and the query plan of every SQL statement the review loop
 * runs for that student (EXPLAIN QUERY PLAN: indexes, no full scans).
 *
 *   npx tsx bench/seed-large-user.ts [--cards 100000] [--logs 1000000] [--requests 500] [--json] [--keep]
 */
import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import Database from "better-sqlite3";
import { ReviewClient } from "../tests/reliability/review-client";
import { freePort, startServer } from "../tests/reliability/server-process";
import { numberOption, runBench, type BenchFigures } from "./run-bench";

const CARDS = numberOption("cards", 100_000, { integer: true });
const LOGS = numberOption("logs", 1_000_000, { integer: true });
const REQUESTS = numberOption("requests", 500, { integer: true });
const PASSWORD = "correct horse battery";
const DAY_MS = 86_400_000;
const DECK = "bulk-deck";
const CONCEPTS = 40;

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

function summary(samples: readonly number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { requests: sorted.length, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? Number.NaN) };
}

/** A small deterministic generator, so that every run seeds the same collection. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function seed(databaseFile: string, email: string): Promise<{ userId: string; today: number; seconds: number }> {
  const started = performance.now();
  const prisma = path.join(process.cwd(), "node_modules", ".bin", "prisma");
  execFileSync(prisma, ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: `file:${databaseFile}` }, stdio: "ignore" });
  const sqlite = new Database(databaseFile);
  sqlite.pragma("journal_mode = WAL");
  const random = generator(20260302);
  const now = Date.now();
  const today = Math.floor(now / DAY_MS); // the student's time zone is UTC
  const userId = `bulk${randomUUID().replaceAll("-", "").slice(0, 20)}`;
  const passwordHash = await hash(PASSWORD, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });

  const concepts = Array.from({ length: CONCEPTS }, (_, i) => ({ id: `bulk-concept-${i}`, ko: `개념 ${i}`, en: `Concept ${i}` }));
  const deckVersion = "bulk-v1";
  sqlite.transaction(() => {
    sqlite
      .prepare("INSERT INTO User (id, email, name, passwordHash, role, timezone, newCardsPerDeck, reviewsPerDay, createdAt, updatedAt) VALUES (?, ?, 'Bulk student', ?, 'student', 'UTC', 20, 200, ?, ?)")
      .run(userId, email, passwordHash, iso(now), iso(now));
    sqlite
      .prepare("INSERT INTO Deck (id, title, description, source, isPublic, version, definition, createdAt, updatedAt) VALUES (?, ?, NULL, 'app', 1, ?, ?, ?, ?)")
      .run(DECK, JSON.stringify({ ko: "대량 덱", en: "Bulk deck" }), deckVersion, JSON.stringify({ concepts, source: null, description: null }), iso(now), iso(now));
    sqlite.prepare("INSERT INTO UserDeck (userId, deckId, deckVersion, updatedAt) VALUES (?, ?, ?, ?)").run(userId, DECK, deckVersion, iso(now));
    // A public in-app deck is studied once the student chooses it (deck-choices.ts).
    sqlite.prepare("INSERT INTO DeckChoice (userId, deckId, addedAt) VALUES (?, ?, ?)").run(userId, DECK, iso(now));
  })();

  log(`seeding ${CARDS.toLocaleString("en-US")} cards and card states…`);
  const insertCard = sqlite.prepare("INSERT INTO Card (id, deckId, itemId, itemType, concept, position, version, definition, retired) VALUES (?, ?, ?, 'tf', ?, ?, ?, ?, 0)");
  const insertState = sqlite.prepare(
    `INSERT INTO CardState (userId, cardId, deckId, repetition, easinessHundredths, interval, dueDay, lastReviewDay, redrillDay, suspended, buriedUntilDay, introducedDay, issueCount, position, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)`,
  );
  const cardIds: string[] = [];
  const conceptOf: string[] = [];
  sqlite.transaction(() => {
    for (let i = 0; i < CARDS; i += 1) {
      const itemId = `bulk-${String(i).padStart(6, "0")}`;
      const cardId = `${DECK}/${itemId}`;
      const concept = concepts[i % CONCEPTS]!.id;
      cardIds.push(cardId);
      conceptOf.push(concept);
      const definition = JSON.stringify({
        id: itemId,
        concept,
        type: "tf",
        statement: { ko: `명제 ${i}는 참이다.`, en: `Statement ${i} is true.` },
        answer: i % 2 === 0,
        explanation: { ko: "설명", en: "Explanation" },
      });
      insertCard.run(cardId, DECK, itemId, concept, i, `v${i}`, definition);
      // The mix of a long-time student: most cards scheduled ahead, a backlog due, a few suspended,
      // some never reviewed, and a handful owed a re-drill today.
      const r = random();
      const repetition = 1 + Math.floor(random() * 8);
      const interval = 1 + Math.floor(random() * 300);
      const easiness = 130 + 2 * Math.floor(random() * 80);
      if (r < 0.05) {
        insertState.run(userId, cardId, DECK, 0, 250, null, null, null, null, 0, null, 0, i, iso(now));
      } else {
        const dueDay = r < 0.3 ? today - Math.floor(random() * 60) : today + 1 + Math.floor(random() * 365);
        const lastReviewDay = Math.min(today - 1, dueDay - interval);
        const redrill = r > 0.9999 ? today : null;
        insertState.run(userId, cardId, DECK, repetition, easiness, interval, dueDay, redrill ?? lastReviewDay, redrill, r > 0.95 && r < 0.99 ? 1 : 0, lastReviewDay - 30, 3, i, iso(now - Math.floor(random() * DAY_MS)));
      }
    }
  })();

  log(`seeding ${LOGS.toLocaleString("en-US")} review-log entries…`);
  const insertLog = sqlite.prepare(
    `INSERT INTO ReviewLog (reviewId, userId, cardId, deckId, concept, variantSeed, templateVersion, response, readAs, status, grade, durationMs, reviewDay, counted, wasNew, stateBefore, stateAfter, createdAt)
     VALUES (?, ?, ?, ?, ?, ?, 'v', 'T', 'true', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const before = JSON.stringify({ repetition: 2, easinessHundredths: 250, interval: 6, dueDay: today, lastReviewDay: today - 6, redrillDay: null, suspended: false, buriedUntilDay: null });
  const after = JSON.stringify({ repetition: 3, easinessHundredths: 250, interval: 15, dueDay: today + 15, lastReviewDay: today, redrillDay: null, suspended: false, buriedUntilDay: null });
  const batch = 50_000;
  for (let start = 0; start < LOGS; start += batch) {
    sqlite.transaction(() => {
      for (let i = start; i < Math.min(LOGS, start + batch); i += 1) {
        const card = Math.floor(random() * CARDS);
        // Two years of history; the last 20 entries are today's (a session already started).
        const day = i >= LOGS - 20 ? today : today - 1 - Math.floor(random() * 730);
        const grade = Math.floor(random() * 6);
        const counted = random() < 0.9 ? 1 : 0;
        insertLog.run(`log${i}`, userId, cardIds[card], DECK, conceptOf[card], i, grade >= 3 ? "correct" : "wrong", grade, 2_000 + Math.floor(random() * 20_000), day, counted, 0, before, after, iso(day * DAY_MS + 36_000_000));
      }
    })();
  }
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.exec("ANALYZE");
  sqlite.close();
  return { userId, today, seconds: round((performance.now() - started) / 1000, 1) };
}

interface CapturedQuery {
  sql: string;
  args: unknown[];
}

/**
 * The SQL the review loop runs for this student (next, then grade), captured at the driver: a child
 * process loads the real data layer with better-sqlite3's statements wrapped to record each run.
 */
function captureQueries(databaseFile: string, userId: string): CapturedQuery[] {
  const code = `
    const Database = require("better-sqlite3");
    const seen = [];
    const prepare = Database.prototype.prepare;
    Database.prototype.prepare = function (sql) {
      const statement = prepare.call(this, sql);
      // Recorded when run, not when prepared: the data layer keeps prepared statements between requests.
      const flatten = (args) => (args.length === 1 && Array.isArray(args[0]) ? args[0] : args).map((a) => (typeof a === "bigint" ? Number(a) : a));
      let bound = [];
      const bind = statement.bind.bind(statement);
      statement.bind = (...args) => {
        bound = flatten(args);
        return bind(...args);
      };
      for (const method of ["all", "get", "run", "iterate"]) {
        const original = statement[method].bind(statement);
        statement[method] = (...args) => {
          seen.push({ sql, args: args.length > 0 ? flatten(args) : bound });
          return original(...args);
        };
      }
      return statement;
    };
    (async () => {
      const { nextReview } = require(${JSON.stringify(path.join(process.cwd(), "lib/server/review/review-issue.ts"))});
      const { gradeReview } = require(${JSON.stringify(path.join(process.cwd(), "lib/server/review/review-grade.ts"))});
      await nextReview(${JSON.stringify(userId)});
      seen.length = 0;
      const { item } = await nextReview(${JSON.stringify(userId)});
      if (item) await gradeReview(${JSON.stringify(userId)}, item.reviewId, 4);
      await nextReview(${JSON.stringify(userId)});
      process.stdout.write(JSON.stringify(seen));
    })().catch((error) => { console.error(error); process.exit(1); });
  `;
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  const result = spawnSync(process.execPath, [tsx, "--conditions=react-server", "--eval", code], {
    env: { ...process.env, DATABASE_URL: `file:${databaseFile}`, NODE_ENV: "production" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`capturing queries failed:\n${result.stderr}`);
  return JSON.parse(result.stdout) as CapturedQuery[];
}

function explain(databaseFile: string, queries: readonly CapturedQuery[]) {
  const sqlite = new Database(databaseFile, { readonly: true });
  const unique = new Map<string, CapturedQuery>();
  for (const query of queries) if (/^\s*(SELECT|UPDATE|INSERT|DELETE|WITH)/i.test(query.sql) && !unique.has(query.sql)) unique.set(query.sql, query);
  const plans = [...unique.values()].map((query) => {
    let plan: string[];
    try {
      const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...(query.args as unknown[])) as { detail: string }[];
      plan = rows.map((row) => row.detail);
    } catch (error) {
      plan = [`(not explained: ${(error as Error).message})`];
    }
    // A full scan reads a whole table or index. "SEARCH" is an index range; scanning the rows of a
    // subquery the plan itself built (CO-ROUTINE / MATERIALIZE) or a constant row is not a scan of data.
    const built = new Set(plan.flatMap((line) => /^(?:CO-ROUTINE|MATERIALIZE) (\S+)/.exec(line)?.slice(1) ?? []));
    const fullScans = plan.filter((line) => {
      const scanned = /^SCAN (\S+)/.exec(line)?.[1];
      return scanned !== undefined && scanned !== "CONSTANT" && !built.has(scanned);
    });
    return { sql: query.sql.replace(/\s+/g, " ").slice(0, 400), plan, fullScans };
  });
  sqlite.close();
  return plans;
}

async function main(): Promise<BenchFigures> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "deepdrill-large-"));
  const databaseFile = path.join(scratch, "large.db");
  const email = `bulk-${randomUUID().slice(0, 8)}@example.com`;
  try {
    log(`seeding a throwaway database at ${databaseFile}…`);
    const seeded = await seed(databaseFile, email);
    const sqlite = new Database(databaseFile, { readonly: true });
    const counts = {
      cardStates: (sqlite.prepare("SELECT count(*) AS n FROM CardState WHERE userId = ?").get(seeded.userId) as { n: number }).n,
      logEntries: (sqlite.prepare("SELECT count(*) AS n FROM ReviewLog WHERE userId = ?").get(seeded.userId) as { n: number }).n,
    };
    sqlite.close();
    log(`seeded ${counts.cardStates.toLocaleString("en-US")} card states and ${counts.logEntries.toLocaleString("en-US")} log entries in ${seeded.seconds} s`);

    log("starting the production server…");
    const server = await startServer({ root: process.cwd(), port: await freePort(), databaseFile, secret: randomBytes(32).toString("base64url") });
    let pending: ReturnType<typeof summary>;
    let issuing: ReturnType<typeof summary>;
    let pendingServer: ReturnType<typeof summary>;
    let baseline: ReturnType<typeof summary>;
    let issuingServer: ReturnType<typeof summary>;
    try {
      const client = new ReviewClient(server.baseUrl, email, PASSWORD);
      await client.signIn();
      // Warm-up: the first call adds the content deck's new cards; then the server's code is compiled hot.
      for (let i = 0; i < 200; i += 1) await client.next();

      log(`GET /api/review/next × ${REQUESTS} (the pending review asked for again: the queue is computed each time)…`);
      const again: number[] = [];
      const againServer: number[] = [];
      for (let i = 0; i < REQUESTS; i += 1) {
        const result = await client.next();
        if (!result.ok) throw new Error(`next: HTTP ${result.status}`);
        again.push(result.ms);
        if (result.serverMs !== null) againServer.push(result.serverMs);
      }
      pending = summary(again);
      pendingServer = summary(againServer);

      // For scale: the same server answering a route that does almost nothing (one tiny query).
      const trivial: number[] = [];
      for (let i = 0; i < REQUESTS; i += 1) trivial.push((await client.request("GET", "/api/health")).ms);
      baseline = summary(trivial);

      // Within the day's limits (200 reviews, 20 new cards per deck): each next issues a fresh review.
      const issues = Math.min(150, REQUESTS);
      log(`next → grade × ${issues} (a fresh review issued on every next)…`);
      const issued: number[] = [];
      const issuedServer: number[] = [];
      for (let i = 0; i < issues; i += 1) {
        const result = await client.next();
        if (!result.ok || !result.body?.item) throw new Error(`next: HTTP ${result.status}`);
        issued.push(result.ms);
        if (result.serverMs !== null) issuedServer.push(result.serverMs);
        const graded = await client.grade(result.body.item.reviewId, 4);
        if (!graded.ok) throw new Error(`grade: HTTP ${graded.status}`);
      }
      issuing = summary(issued);
      issuingServer = summary(issuedServer);
      log(`next, pending asked again: ${JSON.stringify(pending)}; next, fresh review: ${JSON.stringify(issuing)}`);
    } finally {
      await server.stop();
    }

    log("capturing the review loop's SQL and its query plans…");
    const plans = explain(databaseFile, captureQueries(databaseFile, seeded.userId));
    const fullScans = plans.filter((plan) => plan.fullScans.length > 0);
    const loadAverage = os.loadavg().map((value) => round(value));
    const report = {
      ...counts,
      seedSeconds: seeded.seconds,
      nextPending: pending,
      nextIssuing: issuing,
      serverTime: { nextPending: pendingServer, nextIssuing: issuingServer },
      baselineHealth: baseline,
      target: { p95Ms: 10 },
      loadAverage,
      queries: plans.length,
      fullScans: fullScans.length,
      plans,
    };
    const line = (name: string, s: ReturnType<typeof summary>) =>
      `  ${name.padEnd(44)} n=${s.requests}  p50 ${s.p50} ms  p95 ${s.p95} ms  p99 ${s.p99} ms  max ${s.max} ms`;
    return {
      figures: report,
      lines: () => [
        `large student: ${counts.cardStates.toLocaleString("en-US")} card states, ${counts.logEntries.toLocaleString("en-US")} review-log entries (seeded in ${seeded.seconds} s)`,
        `GET /api/review/next on loopback, production server, one student (load average ${loadAverage.join(" / ")} on ${os.cpus().length} cores):`,
        "  round trip (client clock):",
        line("pending review asked again (queue computed)", pending),
        line("fresh review issued (after each grade)", issuing),
        "  in the handler (Server-Timing):",
        line("pending review asked again (queue computed)", pendingServer),
        line("fresh review issued (after each grade)", issuingServer),
        line("for scale: GET /api/health (one tiny query)", baseline),
        `  target p95 < 10 ms (round trip): ${pending.p95 < 10 && issuing.p95 < 10 ? "met" : "NOT met"}`,
        `query plans of the ${plans.length} distinct statements of next → grade → next: ${fullScans.length} with a full scan`,
        ...plans.map((plan) => `  ${plan.fullScans.length ? "FULL SCAN" : "ok       "} ${plan.sql.slice(0, 150)}\n             ${plan.plan.join(" | ")}`),
      ],
      failed: !(pending.p95 < 10 && issuing.p95 < 10 && fullScans.length === 0),
    };
  } finally {
    if (process.argv.includes("--keep")) log(`kept the database: ${databaseFile}`);
    else rmSync(scratch, { recursive: true, force: true });
  }
}

runBench(main);

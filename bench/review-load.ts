/**
 * Review-loop load benchmark: 50 simulated students run next → answer → grade for 60 s against the
 * production server (started as `npm start` starts it, on a throwaway database, on loopback), on
 * SQLite and then, when a server answers at DEEPDRILL_TEST_PG_URL, on PostgreSQL; after the SQLite
 * run, on the same file, the raw ceiling of the same writes done directly with better-sqlite3.
 *
 *   npx tsx bench/review-load.ts [--students 50] [--seconds 60] [--raw-seconds 10] [--revocation-runs 5] [--sqlite-only] [--json]
 *
 * Prints, per database, requests per second and p50/p95/p99 latency per endpoint, the error count
 * (the target is zero) and loops per second; SQLite's raw ceiling; PostgreSQL's loops per second
 * as a fraction of SQLite's; and, with PostgreSQL, the cross-instance revocation delay: two
 * instances on one database, a student removed from a class on A, how long until B refuses the
 * class's private deck (goal ≤ 1 s; --revocation-runs 5 repetitions).
 */
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { createScratchDatabase, postgresqlReachable, testPostgresqlServerUrl, type TestDatabaseKind } from "../lib/cli/scratch-database";
import { sqliteSynchronousLevel } from "../lib/server-shared/platform/sqlite-connection";
import { measureClassRevocation, newInstructor } from "../tests/reliability/class-revocation";
import { plausibleResponse, ReviewClient, type Timed } from "../tests/reliability/review-client";
import { freePort, startServer } from "../tests/reliability/server-process";
import { numberOption, runBench, type BenchFigures } from "./run-bench";

const STUDENTS = numberOption("students", 50);
const SECONDS = numberOption("seconds", 60);
const RAW_SECONDS = numberOption("raw-seconds", 10);
const REVOCATION_RUNS = numberOption("revocation-runs", 5);

type Endpoint = "next" | "answer" | "grade";

interface Recorder {
  latencies: Record<Endpoint, number[]>;
  serverTimes: Record<Endpoint, number[]>;
  errors: Record<Endpoint, number>;
  errorSamples: string[];
  loops: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

function record<T>(recorder: Recorder, endpoint: Endpoint, result: Timed<T>): boolean {
  recorder.latencies[endpoint].push(result.ms);
  if (result.serverMs !== null) recorder.serverTimes[endpoint].push(result.serverMs);
  if (!result.ok) {
    recorder.errors[endpoint] += 1;
    if (recorder.errorSamples.length < 5) recorder.errorSamples.push(`${endpoint}: HTTP ${result.status} ${JSON.stringify(result.body)}`);
  }
  return result.ok;
}

async function student(client: ReviewClient, recorder: Recorder, deadline: number): Promise<void> {
  for (let turn = 0; Date.now() < deadline; turn += 1) {
    try {
      const next = await client.next();
      if (!record(recorder, "next", next)) continue;
      const item = next.body?.item;
      if (!item) return;
      const answer = await client.answer(item.reviewId, plausibleResponse(item.answerFormat, turn), 3_000 + (turn % 7) * 1_000);
      if (!record(recorder, "answer", answer)) continue;
      const grade = await client.grade(item.reviewId, answer.body?.suggestedGrade ?? 4);
      if (record(recorder, "grade", grade)) recorder.loops += 1;
    } catch (error) {
      recorder.errors.next += 1;
      if (recorder.errorSamples.length < 5) recorder.errorSamples.push(String(error));
    }
  }
}

/**
 * The same writes as one review loop of the server, straight into SQLite: issue (bump the card's
 * issue count, insert the review with its variant), answer (store the response), grade (check the
 * log, insert the log row, save the card state, mark the review graded) — three transactions, as
 * the server does them.
 */
function rawCeiling(databaseFile: string, seconds: number): { loops: number; seconds: number; loopsPerSecond: number; journalMode: string; synchronous: number } {
  const sqlite = new Database(databaseFile);
  // The same durability as the server's connection (lib/server-shared/platform/sqlite-connection.ts): NORMAL in WAL
  // mode unless DEEPDRILL_SQLITE_SYNCHRONOUS says otherwise.
  sqlite.pragma(`synchronous = ${sqliteSynchronousLevel()}`);
  const journalMode = String(sqlite.pragma("journal_mode", { simple: true }));
  const synchronous = Number(sqlite.pragma("synchronous", { simple: true }));
  const users = (sqlite.prepare("SELECT DISTINCT userId FROM CardState").all() as { userId: string }[]).map((row) => row.userId);
  const cards = sqlite.prepare("SELECT userId, cardId, deckId FROM CardState").all() as { userId: string; cardId: string; deckId: string }[];
  const variant = (sqlite.prepare("SELECT variant FROM Review LIMIT 1").get() as { variant: string } | undefined)?.variant ?? "{}";
  if (users.length === 0 || cards.length === 0) throw new Error("no card states to write to");

  const now = () => new Date().toISOString().replace("Z", "+00:00");
  const findPending = sqlite.prepare('SELECT id FROM Review WHERE userId = ? AND gradedAt IS NULL AND closedAt IS NULL ORDER BY issuedAt DESC LIMIT 1');
  const bump = sqlite.prepare("UPDATE CardState SET issueCount = issueCount + 1, updatedAt = ? WHERE userId = ? AND cardId = ?");
  const insertReview = sqlite.prepare(
    "INSERT INTO Review (id, userId, cardId, deckId, kind, variantSeed, templateVersion, variant, issuedAt, issuedDay) VALUES (?, ?, ?, ?, 'review', ?, 'raw', ?, ?, ?)",
  );
  const answer = sqlite.prepare("UPDATE Review SET answeredAt = ?, response = '42', readAs = '42', status = 'wrong', durationMs = 4000 WHERE id = ? AND userId = ? AND status IS NULL");
  const findLog = sqlite.prepare("SELECT id FROM ReviewLog WHERE reviewId = ?");
  const insertLog = sqlite.prepare(
    `INSERT INTO ReviewLog (reviewId, userId, cardId, deckId, concept, variantSeed, templateVersion, response, readAs, status, grade, durationMs, reviewDay, counted, wasNew, stateBefore, stateAfter, createdAt)
     VALUES (?, ?, ?, ?, 'raw', 1, 'raw', '42', '42', 'wrong', 4, 4000, 20000, 1, 0, ?, ?, ?)`,
  );
  const saveState = sqlite.prepare(
    "UPDATE CardState SET repetition = 1, easinessHundredths = 250, interval = 1, dueDay = 20001, lastReviewDay = 20000, redrillDay = NULL, updatedAt = ? WHERE userId = ? AND cardId = ?",
  );
  const markGraded = sqlite.prepare("UPDATE Review SET gradedAt = ? WHERE id = ?");
  const state = JSON.stringify({ repetition: 1, easinessHundredths: 250, interval: 1, dueDay: 20001, lastReviewDay: 20000, redrillDay: null, suspended: false, buriedUntilDay: null });

  const issue = sqlite.transaction((card: (typeof cards)[number], id: string) => {
    findPending.get(card.userId);
    bump.run(now(), card.userId, card.cardId);
    insertReview.run(id, card.userId, card.cardId, card.deckId, 1, variant, now(), 20000);
  });
  const check = sqlite.transaction((card: (typeof cards)[number], id: string) => {
    answer.run(now(), id, card.userId);
  });
  const grade = sqlite.transaction((card: (typeof cards)[number], id: string) => {
    if (findLog.get(id)) return;
    insertLog.run(id, card.userId, card.cardId, card.deckId, state, state, now());
    saveState.run(now(), card.userId, card.cardId);
    markGraded.run(now(), id);
  });

  const started = performance.now();
  const deadline = started + seconds * 1000;
  let loops = 0;
  while (performance.now() < deadline) {
    for (let i = 0; i < 100; i += 1) {
      const card = cards[loops % cards.length]!;
      const id = `raw${randomUUID().replaceAll("-", "")}`;
      issue(card, id);
      check(card, id);
      grade(card, id);
      loops += 1;
    }
  }
  const elapsed = (performance.now() - started) / 1000;
  sqlite.close();
  return { loops, seconds: round(elapsed, 2), loopsPerSecond: round(loops / elapsed), journalMode, synchronous };
}

interface LoadReport {
  database: TestDatabaseKind;
  seconds: number;
  server: { requests: number; rps: number; loops: number; loopsPerSecond: number; errors: number; endpoints: EndpointFigures[]; errorSamples: string[] };
  raw: ReturnType<typeof rawCeiling> | null;
}

interface EndpointFigures {
  endpoint: Endpoint;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  serverP50: number;
  serverP95: number;
}

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

/** The load run on one database (a scratch SQLite file or a scratch PostgreSQL database). */
async function runOn(kind: TestDatabaseKind): Promise<LoadReport> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "deepdrill-bench-"));
  const databaseFile = path.join(scratch, "bench.db");
  const database = kind === "postgresql" ? await createScratchDatabase("postgresql", "bench") : null;
  log(`${kind}: starting the production server on a throwaway database…`);
  const server = await startServer({ root: process.cwd(), port: await freePort(), databaseFile, databaseUrl: database?.url, secret: randomBytes(32).toString("base64url") });
  try {
    log(`${kind}: signing in ${STUDENTS} students…`);
    const clients = Array.from({ length: STUDENTS }, (_, i) => new ReviewClient(server.baseUrl, `bench-${i}-${randomUUID().slice(0, 8)}@example.com`));
    for (let i = 0; i < clients.length; i += 5) {
      await Promise.all(
        clients.slice(i, i + 5).map(async (client) => {
          await client.register();
          await client.signIn();
          await client.setLimits({ newCardsPerDeck: 1_000, reviewsPerDay: 10_000 });
        }),
      );
    }
    // Warm-up: every route compiled and cached once, outside the measurement.
    await Promise.all(clients.slice(0, 5).map((client) => student(client, { latencies: { next: [], answer: [], grade: [] }, serverTimes: { next: [], answer: [], grade: [] }, errors: { next: 0, answer: 0, grade: 0 }, errorSamples: [], loops: 0 }, Date.now() + 2_000)));

    log(`${kind}: running ${STUDENTS} students for ${SECONDS} s…`);
    const recorder: Recorder = { latencies: { next: [], answer: [], grade: [] }, serverTimes: { next: [], answer: [], grade: [] }, errors: { next: 0, answer: 0, grade: 0 }, errorSamples: [], loops: 0 };
    const started = performance.now();
    await Promise.all(clients.map((client) => student(client, recorder, Date.now() + SECONDS * 1000)));
    const elapsed = (performance.now() - started) / 1000;

    const endpoints = (["next", "answer", "grade"] as const).map((endpoint) => {
      const sorted = [...recorder.latencies[endpoint]].sort((a, b) => a - b);
      const server = [...recorder.serverTimes[endpoint]].sort((a, b) => a - b);
      return {
        endpoint,
        requests: sorted.length,
        rps: round(sorted.length / elapsed),
        p50: round(percentile(sorted, 50)),
        p95: round(percentile(sorted, 95)),
        p99: round(percentile(sorted, 99)),
        errors: recorder.errors[endpoint],
        serverP50: round(percentile(server, 50)),
        serverP95: round(percentile(server, 95)),
      };
    });
    const totalRequests = endpoints.reduce((sum, e) => sum + e.requests, 0);
    const errors = endpoints.reduce((sum, e) => sum + e.errors, 0);
    const loopsPerSecond = round(recorder.loops / elapsed);
    await server.stop();

    let raw: ReturnType<typeof rawCeiling> | null = null;
    if (kind === "sqlite") {
      log(`raw ceiling: the same writes with better-sqlite3 in one process for ${RAW_SECONDS} s…`);
      raw = rawCeiling(databaseFile, RAW_SECONDS);
    }
    return {
      database: kind,
      seconds: round(elapsed, 1),
      server: { requests: totalRequests, rps: round(totalRequests / elapsed), loops: recorder.loops, loopsPerSecond, errors, endpoints, errorSamples: recorder.errorSamples },
      raw,
    };
  } finally {
    await server.stop();
    rmSync(scratch, { recursive: true, force: true });
    await database?.drop();
  }
}

interface RevocationReport {
  runs: number;
  /** Per run: from the removal's answer on A until B refused the deck (ms); null when B never did. */
  removalMs: (number | null)[];
  joinMs: (number | null)[];
}

/** Two instances started together on a scratch PostgreSQL database; the class revocation scenario, repeated. */
async function measureRevocation(runs: number): Promise<RevocationReport> {
  const database = await createScratchDatabase("postgresql", "bench-revocation");
  const secret = randomBytes(32).toString("base64url");
  log(`revocation: starting two instances on one PostgreSQL database…`);
  const [portA, portB] = [await freePort(), await freePort()];
  const servers = await Promise.all([portA, portB].map((port) => startServer({ root: process.cwd(), port, databaseFile: "", databaseUrl: database.url, secret })));
  try {
    const [a, b] = servers as [(typeof servers)[number], (typeof servers)[number]];
    const instructor = await newInstructor(a.baseUrl, database.url);
    const report: RevocationReport = { runs, removalMs: [], joinMs: [] };
    for (let run = 0; run < runs; run += 1) {
      const delays = await measureClassRevocation(instructor, b.baseUrl);
      report.removalMs.push(delays.removalMs === null ? null : round(delays.removalMs));
      report.joinMs.push(delays.joinMs === null ? null : round(delays.joinMs));
    }
    return report;
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await database.drop();
  }
}

function describeRevocation(report: RevocationReport): string[] {
  const figures = (values: (number | null)[]) => {
    const seen = values.filter((v): v is number => v !== null).sort((x, y) => x - y);
    const never = values.length - seen.length;
    return `median ${round(percentile(seen, 50))} ms, max ${seen.at(-1) ?? "–"} ms${never ? `, never within 10 s: ${never}` : ""} (runs: ${values.map((v) => v ?? "never").join(", ")})`;
  };
  return [
    `cross-instance access (two instances on one PostgreSQL database, ${report.runs} runs):`,
    `  removal on A refused on B after: ${figures(report.removalMs)} (goal ≤ 1000 ms)`,
    `  join on A served on B after:     ${figures(report.joinMs)}`,
  ];
}

function describeRun(report: LoadReport): string[] {
  const { server } = report;
  const lines = [
    `${report.database}: ${STUDENTS} students, ${report.seconds} s, production server on loopback (${os.cpus().length} cores)`,
    `  total: ${server.requests} requests, ${server.rps} req/s, ${server.loops} loops (${server.loopsPerSecond} loops/s), errors: ${server.errors}`,
    "  endpoint   requests   req/s    p50 ms   p95 ms   p99 ms   errors   in handler p50/p95 ms",
    ...server.endpoints.map(
      (e) =>
        `  ${e.endpoint.padEnd(9)} ${String(e.requests).padStart(9)} ${String(e.rps).padStart(7)} ${String(e.p50).padStart(9)} ${String(e.p95).padStart(8)} ${String(e.p99).padStart(8)} ${String(e.errors).padStart(8)}   ${e.serverP50} / ${e.serverP95}`,
    ),
  ];
  if (report.raw) {
    const raw = report.raw;
    lines.push(`  raw ceiling (better-sqlite3, one process, journal_mode=${raw.journalMode}, synchronous=${raw.synchronous}): ${raw.loops} loops in ${raw.seconds} s = ${raw.loopsPerSecond} loops/s`);
    lines.push(`  ratio server / raw: ${round(server.loopsPerSecond / raw.loopsPerSecond, 3)}`);
  }
  if (server.errorSamples.length) lines.push(`  error samples: ${server.errorSamples.join(" | ")}`);
  return lines;
}

/**
 * SQLite, then PostgreSQL when a server answers at DEEPDRILL_TEST_PG_URL (--sqlite-only skips it),
 * one after the other on the same machine, and PostgreSQL's loops/s as a fraction of SQLite's.
 */
async function main(): Promise<BenchFigures> {
  const kinds: TestDatabaseKind[] = ["sqlite"];
  if (!process.argv.includes("--sqlite-only")) {
    if (await postgresqlReachable(testPostgresqlServerUrl())) kinds.push("postgresql");
    else log(`no PostgreSQL at ${new URL(testPostgresqlServerUrl()).host}: SQLite only`);
  }
  const reports: LoadReport[] = [];
  for (const kind of kinds) reports.push(await runOn(kind));
  const [sqlite, postgresql] = reports;
  const revocation = postgresql ? await measureRevocation(REVOCATION_RUNS) : null;
  const ratio = sqlite && postgresql ? round(postgresql.server.loopsPerSecond / sqlite.server.loopsPerSecond, 3) : null;
  return {
    figures: { students: STUDENTS, runs: reports, postgresqlToSqlite: ratio, revocation, machine: { cpus: os.cpus().length, node: process.version } },
    lines: () => [
      "review loop under load",
      ...reports.flatMap(describeRun),
      ...(ratio !== null ? [`PostgreSQL / SQLite loops per second: ${ratio} (goal ≥ 0.7)`] : []),
      ...(revocation ? describeRevocation(revocation) : []),
    ],
    failed: reports.some((report) => report.server.errors !== 0),
  };
}

runBench(main);

/**
 * Grading throughput with and without admin commands running: 20 students grade as fast as they
 * can against the production server (started as `npm start` starts it, on a throwaway database, on
 * loopback) for a quiet phase, then for a phase in which `users promote` / `users demote` run one
 * after another as separate processes on the same SQLite file.
 *
 *   npx tsx bench/admin-under-load.ts [--students 20] [--seconds 20] [--json]
 *
 * Prints grades per second in each phase, the number of commands and their exit codes and
 * durations, and the failed requests (the target is zero).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ReviewClient } from "../tests/reliability/review-client";
import { runDeepdrill, signedInStudents, startGrading, type CommandResult, type GradeAck } from "../tests/reliability/grading-load";
import { freePort, startServer } from "../tests/reliability/server-process";
import { numberOption, runBench, type BenchFigures } from "./run-bench";

const STUDENTS = numberOption("students", 20);
const SECONDS = numberOption("seconds", 20);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const perSecond = (acks: readonly GradeAck[], from: number, to: number) => Math.round((acks.filter((ack) => ack.at >= from && ack.at < to).length / ((to - from) / 1000)) * 10) / 10;

async function main(): Promise<BenchFigures> {
  const root = process.cwd();
  const scratch = mkdtempSync(path.join(os.tmpdir(), "deepdrill-bench-admin-"));
  const databaseFile = path.join(scratch, "bench.db");
  const server = await startServer({ root, port: await freePort(), databaseFile, secret: randomBytes(32).toString("base64url") });
  try {
    const target = new ReviewClient(server.baseUrl, `bench-admin-${Date.now().toString(36)}@example.com`);
    await target.register("Promoted and demoted");
    const clients = await signedInStudents(server.baseUrl, STUDENTS, "bench-admin");
    const load = startGrading(clients);
    await sleep(3_000); // warm-up, not measured

    const quietFrom = performance.now();
    await sleep(SECONDS * 1000);
    const quietTo = performance.now();

    const commands: CommandResult[] = [];
    const busyFrom = performance.now();
    for (let i = 0; performance.now() - busyFrom < SECONDS * 1000; i += 1) {
      commands.push(await runDeepdrill(root, databaseFile, ["users", i % 2 === 0 ? "promote" : "demote", target.email]));
    }
    const busyTo = performance.now();
    await load.stop();

    const durations = commands.map((command) => command.ms).sort((a, b) => a - b);
    const result = {
      students: STUDENTS,
      secondsPerPhase: SECONDS,
      gradesPerSecondQuiet: perSecond(load.acks, quietFrom, quietTo),
      gradesPerSecondWithCommands: perSecond(load.acks, busyFrom, busyTo),
      commands: commands.length,
      commandsFailed: commands.filter((command) => command.code !== 0).length,
      commandMsMedian: Math.round(durations[Math.floor(durations.length / 2)] ?? Number.NaN),
      commandMsMax: Math.round(durations.at(-1) ?? Number.NaN),
      failedRequests: load.failures.length,
      failureSamples: load.failures.slice(0, 5),
    };
    return { figures: result, jsonOnOneLine: true, lines: () => Object.entries(result).map(([name, value]) => `${name.padEnd(28)} ${JSON.stringify(value)}`) };
  } finally {
    await server.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

runBench(main);

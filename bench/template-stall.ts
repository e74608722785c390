/**
 * Does one instructor's template stall the server for everyone? `/api/health` latency (p50/p99/max)
 * while the most expensive template the limits allow is previewed and imported, against a baseline
 * of the idle server (goal: p99 < 100 ms under load). docs/architecture.md "Template limits".
 *
 *   npx tsx bench/template-stall.ts [--previews 12] [--imports 2] [--json]
 *
 * Starts the production app as `npm start` does (throwaway database, loopback only), registers an
 * instructor over HTTP, then runs, side by side: a client asking `/api/health` every 25 ms, one
 * after the other; previews of the heavy template (`POST /api/author/preview`); and imports of a
 * deck holding them (`POST /api/author/decks/import`, which runs the harness: 100 variants of each).
 * Two templates at the edge of the size limits (lib/questions/template-limits.ts): heavy-dense, a
 * network of up to 4.1 million parameters built and counted by TensorFlow.js in every variant, and
 * heavy-fit, a 2,000-step model.fit in every variant. Only the worker pool stands between them and
 * the request thread; heavy-fit is expected to run past its time budget and be refused with a 422
 * that names the template and the limit.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { ReviewClient } from "../tests/reliability/review-client";
import { freePort, startServer } from "../tests/reliability/server-process";
import { JSON_OUTPUT, numberOption, runBench, type BenchFigures } from "./run-bench";

const PREVIEWS = numberOption("previews", 12, { zeroAllowed: true });
const IMPORTS = numberOption("imports", 2, { zeroAllowed: true });
const HEALTH_EVERY_MS = 25;
const BASELINE_MS = 5_000;
const root = path.resolve(import.meta.dirname, "..");

const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
};
const summary = (values: readonly number[]) => ({
  requests: values.length,
  p50: Math.round(percentile(values, 50) * 10) / 10,
  p99: Math.round(percentile(values, 99) * 10) / 10,
  max: Math.round(Math.max(...values) * 10) / 10,
});

function log(message: string): void {
  if (!JSON_OUTPUT) process.stderr.write(`${message}\n`);
}

const DECK_YAML = (id: string) => `id: ${id}
title: {ko: 무거운 템플릿, en: Heavy template}
concepts:
  - {id: counting, ko: 모수 세기, en: Counting parameters}
`;

/**
 * The heaviest network a template may state: three dense layers up to 2200 → 1400 → 700 → 10,
 * 4.1 million parameters (the limit is 5 million: TEMPLATE_LIMITS.networkParams), fresh sizes in every
 * variant so that no verification is cached.
 */
const HEAVY_TEMPLATE = `templates:
  - id: heavy-dense
    concept: counting
    title: {ko: 큰 다층 신경망, en: A large multilayer network}
    params: {p: 1800..2200, K: 1200..1400, M: 600..700}
    prompt:
      ko: "입력 {{p}}개, 은닉층 {{K}}개와 {{M}}개, 출력 10개인 신경망의 모수는 몇 개입니까?"
      en: "A network has {{p}} inputs, hidden layers of {{K}} and {{M}} units and 10 outputs. How many parameters?"
    answer:
      architecture:
        input: [=p]
        layers:
          - {type: dense, units: =K, activation: relu}
          - {type: dense, units: =M, activation: relu}
          - {type: dense, units: 10}
      ask: total
      formula: (p+1)*K + (K+1)*M + (M+1)*10
    solution:
      ko: "각 층의 가중치와 편향을 셉니다. {{@work}}"
      en: "Count each layer's weights and biases. {{@work}}"
    mistakes:
      - formula: p*K + K*M + M*10
        feedback: {ko: 편향을 빠뜨렸습니다., en: You left out the biases.}
`;

/**
 * The costliest calculator the limits allow: `steps-per-epoch` is verified by a real `model.fit`,
 * here of up to 64,000 rows in batches of 32 (2,000 steps, the limit), with fresh numbers in every
 * variant. Its five preview variants or hundred harness variants run past the time budget.
 */
const FIT_TEMPLATE = `
  - id: heavy-fit
    concept: counting
    title: {ko: 긴 학습, en: A long fit}
    params: {n: 60000..64000, batch: 32}
    prompt:
      ko: "훈련 데이터 {{n}}개를 배치 크기 {{batch}}로 한 에포크 학습하면 몇 번 갱신합니까?"
      en: "One epoch over {{n}} training rows in minibatches of {{batch}}: how many updates?"
    answer:
      calculator: steps-per-epoch
      n: =n
      batch: =batch
    solution:
      ko: "배치 수를 올림합니다. {{@work}}"
      en: "Round the number of batches up. {{@work}}"
`;

async function main(): Promise<BenchFigures> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "deepdrill-template-stall-"));
  const databaseFile = path.join(scratch, "bench.db");
  log("starting the production app (builds first when the sources changed)…");
  const server = await startServer({ root, port: await freePort(), databaseFile, secret: randomBytes(32).toString("base64url") });
  try {
    const instructor = new ReviewClient(server.baseUrl, `stall-${randomUUID().slice(0, 8)}@example.com`);
    await instructor.register("Bench Instructor");
    const db = new Database(databaseFile, { timeout: 10_000 });
    db.prepare(`UPDATE "User" SET role = 'instructor' WHERE email = ?`).run(instructor.email);
    db.close();
    await instructor.signIn();
    const deckId = `stall-${randomUUID().slice(0, 8)}`;
    const created = await instructor.request("POST", "/api/author/decks", { id: deckId, title: { ko: "벤치", en: "Bench" }, concepts: [{ id: "counting", ko: "모수 세기", en: "Counting parameters" }] });
    if (created.status !== 201) throw new Error(`creating the deck failed: ${created.status} ${JSON.stringify(created.body)}`);

    const health = new ReviewClient(server.baseUrl, "nobody@example.com");
    const probe = async (until: () => boolean): Promise<number[]> => {
      const latencies: number[] = [];
      while (!until()) {
        const result = await health.request("GET", "/api/health");
        if (result.status !== 200) throw new Error(`/api/health answered ${result.status}`);
        latencies.push(result.ms);
        await new Promise((resolve) => setTimeout(resolve, HEALTH_EVERY_MS));
      }
      return latencies;
    };

    log("baseline: /api/health on the idle server…");
    const baselineEnd = performance.now() + BASELINE_MS;
    const baseline = await probe(() => performance.now() >= baselineEnd);

    log(`load: ${PREVIEWS} previews and ${IMPORTS} imports of heavy-dense, /api/health every ${HEALTH_EVERY_MS} ms…`);
    let loadDone = false;
    const previews: { status: number; ms: number; serverMs: number | null; message: string }[] = [];
    const imports: { status: number; ms: number; message: string }[] = [];
    const previewLoop = (async () => {
      for (let i = 0; i < PREVIEWS; i += 1) {
        // Alternately the two templates, each a new text (a different range end), as typing would send.
        const text = i % 2 === 0 ? HEAVY_TEMPLATE.replace("p: 1800..2200", `p: 1800..${2200 - i}`) : `templates:${FIT_TEMPLATE.replace("n: 60000..64000", `n: 60000..${64000 - i}`)}`;
        const result = await instructor.request<{ variants?: unknown[]; ms?: number; error?: string }>("POST", "/api/author/preview", { deckId, path: "templates/heavy.yaml", text, line: 2 });
        previews.push({ status: result.status, ms: Math.round(result.ms), serverMs: result.body?.ms ?? null, message: result.body?.error ?? `${result.body?.variants?.length ?? 0} variants` });
        log(`  preview ${i + 1}: HTTP ${result.status} in ${Math.round(result.ms)} ms (${previews[previews.length - 1]!.message})`);
      }
    })();
    const importLoop = (async () => {
      for (let i = 0; i < IMPORTS; i += 1) {
        const id = `stall-import-${i}-${randomUUID().slice(0, 6)}`;
        const result = await instructor.request<{ error?: string; version?: string }>("POST", "/api/author/decks/import", {
          files: [
            { path: "deck.yaml", text: DECK_YAML(id) },
            { path: "templates/heavy.yaml", text: HEAVY_TEMPLATE + FIT_TEMPLATE },
          ],
        });
        imports.push({ status: result.status, ms: Math.round(result.ms), message: result.body?.error ?? `version ${result.body?.version ?? "?"}` });
        log(`  import ${i + 1}: HTTP ${result.status} in ${Math.round(result.ms)} ms (${imports[imports.length - 1]!.message})`);
      }
    })();
    const loadFinished = Promise.all([previewLoop, importLoop]).finally(() => (loadDone = true));
    const [underLoad] = await Promise.all([probe(() => loadDone), loadFinished]);

    const result = {
      template: "heavy-dense (dense 2200 → 1400 → 700 → 10, up to 4.1 M parameters per variant) and heavy-fit (a 2,000-step model.fit per variant)",
      healthEveryMs: HEALTH_EVERY_MS,
      baselineMs: summary(baseline),
      underLoadMs: summary(underLoad),
      goal: "p99 < 100 ms under load",
      meetsGoal: percentile(underLoad, 99) < 100,
      previews,
      imports,
      templateWorkers: process.env.DEEPDRILL_TEMPLATE_WORKERS ?? `default (min(2, cores − 1), ${os.availableParallelism()} cores)`,
    };
    return {
      figures: result,
      lines: () => [
        `/api/health while previewing and importing ${result.template}:`,
        `  idle:       p50 ${result.baselineMs.p50} ms, p99 ${result.baselineMs.p99} ms, max ${result.baselineMs.max} ms (${result.baselineMs.requests} requests)`,
        `  under load: p50 ${result.underLoadMs.p50} ms, p99 ${result.underLoadMs.p99} ms, max ${result.underLoadMs.max} ms (${result.underLoadMs.requests} requests); goal p99 < 100 ms: ${result.meetsGoal ? "met" : "NOT met"}`,
        `  previews: ${previews.map((p) => `${p.status}/${p.ms} ms`).join(", ")}`,
        `  imports:  ${imports.map((p) => `${p.status}/${p.ms} ms: ${p.message}`).join("; ")}`,
      ],
    };
  } finally {
    await server.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

runBench(main);

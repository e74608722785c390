/**
 * Simulation benchmark in headless Chromium: `npx tsx bench/sim-overhead.ts [epochs=3] [backends=webgl,wasm,cpu] [rounds=2]`.
 * Prints figures, asserts nothing. (bench/sim-node.ts measures the same in Node; bench/sim.ts compares the backends on every experiment.)
 *
 * Against the production app (BASE_URL, or one started here on a free port with a throwaway
 * database, as `npm run test:e2e` does), for each backend that runs in this browser:
 *  1. the engine: `/sim/mnist-mlp?backend=…&epochs=…` started from the page, so the ISLP MNIST MLP
 *     (784 → 256 → 128 → 10, 235,146 parameters, RMSprop, batches of 128) trains on the 8,000
 *     training digits in the app's Web Worker: seeded shuffle each epoch, `fit` with shuffle off,
 *     a step callback, progress messages to the page. Per-epoch times are read from the page
 *     ("run details"), warm-up excluded;
 *  2. in the same page, a bare tfjs `fit` of the same model on the same digits in a plain Web
 *     Worker (tf.min.js and the wasm backend from node_modules, nothing of the app's), tfjs
 *     shuffling, no callbacks beyond the epoch timer, after a one-batch warm-up;
 * and the ratio of the two (the engine's own overhead; goal ≤ 1.15×). The first epoch of either
 * can include compiling shaders for the last, smaller batch, so the steady-state figure is the
 * mean over epochs 2… when there are at least two. Rounds alternate which side runs first, and the
 * figure per side is the median over rounds: two cores shared with whatever else runs are noisy.
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "playwright-core";
import { CHROMIUM_ARGS, root, startApp } from "./browser-app";
import { runBench } from "./run-bench";

const epochs = Math.max(1, Number(process.argv[2] ?? 3) || 3);
const backends = (process.argv[3] ?? "webgl,wasm,cpu").split(",").filter(Boolean);
const rounds = Math.max(1, Number(process.argv[4] ?? 2) || 2);
const TRAIN_DIGITS = 8000;
const BATCH = 128;
const LEARNING_RATE = 0.001;

/** The bare-fit worker: runs after tf.min.js and tf-backend-wasm.min.js in the same blob. */
const BARE_WORKER = `
self.onmessage = async (event) => {
  const { backend, epochs, origin, batchSize, learningRate, trainDigits } = event.data;
  try {
    tf.wasm.setWasmPaths(origin + "/tfjs-wasm/");
    if (!(await tf.setBackend(backend))) throw new Error("backend " + backend + " did not start");
    await tf.ready();
    tf.enableProdMode();
    const manifest = await (await fetch(origin + "/datasets/mnist-10k.json")).json();
    const gz = await fetch(origin + "/datasets/" + manifest.file);
    const bytes = new Uint8Array(await new Response(gz.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
    const n = Math.min(trainDigits, manifest.train.count);
    const pixels = new Float32Array(n * 784);
    for (let i = 0; i < n * 784; i++) pixels[i] = bytes[manifest.train.pixelsOffset + i] / 255;
    const labels = new Int32Array(n);
    for (let i = 0; i < n; i++) labels[i] = bytes[manifest.train.labelsOffset + i];
    const x = tf.tensor2d(pixels, [n, 784]);
    const y = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, "int32"), 10).toFloat());
    const model = tf.sequential({ layers: [
      tf.layers.dense({ inputShape: [784], units: 256, activation: "relu" }),
      tf.layers.dropout({ rate: 0.4 }),
      tf.layers.dense({ units: 128, activation: "relu" }),
      tf.layers.dropout({ rate: 0.3 }),
      tf.layers.dense({ units: 10, activation: "softmax" }),
    ] });
    model.compile({ optimizer: tf.train.rmsprop(learningRate), loss: "categoricalCrossentropy" });
    const params = model.countParams();
    const wx = x.slice(0, batchSize), wy = y.slice(0, batchSize);
    await model.fit(wx, wy, { epochs: 1, batchSize, verbose: 0 });
    tf.dispose([wx, wy]);
    const epochMs = [];
    let startedAt = 0;
    await model.fit(x, y, { epochs, batchSize, shuffle: true, verbose: 0, callbacks: {
      onEpochBegin: async () => { startedAt = performance.now(); },
      onEpochEnd: async () => { epochMs.push(performance.now() - startedAt); },
    } });
    tf.dispose([x, y]);
    model.dispose();
    self.postMessage({ ok: true, backend: tf.getBackend(), epochMs, params, n });
  } catch (error) {
    self.postMessage({ ok: false, error: String(error && error.message || error) });
  }
};`;

interface EngineRun {
  backend: string;
  device: string;
  epochMs: number[];
  accuracy: number;
}

const simUrl = (baseUrl: string, backend: string) =>
  `${baseUrl}/sim/mnist-mlp?epochs=${epochs}&batchSize=${BATCH}&learningRate=${LEARNING_RATE}&trainSize=${TRAIN_DIGITS}&seed=1&backend=${backend}`;

/** Starts the run on the simulation page that is open (a fresh load ends any earlier worker). */
async function engineRun(page: Page): Promise<EngineRun> {
  await page.getByTestId("sim-start").click();
  // A page whose scripts did not load (the build replaced under a running server) never starts: fail early.
  await page.getByTestId("sim-backend").or(page.getByTestId("sim-run-error")).waitFor({ timeout: 3 * 60_000 });
  await page.getByTestId("sim-summary").or(page.getByTestId("sim-run-error")).waitFor({ timeout: 30 * 60_000 });
  const error = await page.getByTestId("sim-run-error").textContent().catch(() => null);
  if (error) throw new Error(error);
  const ran = page.getByTestId("sim-backend");
  const times = await page.locator('[data-testid="sim-epoch-times"][data-model-id="mlp"]').getAttribute("data-epoch-ms");
  return {
    backend: (await ran.getAttribute("data-backend")) ?? "?",
    device: ((await ran.textContent()) ?? "").replace(/^Ran on\s*/, ""),
    epochMs: (times ?? "").split(",").filter(Boolean).map(Number),
    accuracy: Number(await page.locator('[data-testid="sim-digit-scores"][data-model-id="mlp"]').getAttribute("data-accuracy")),
  };
}

async function bareRun(page: Page, baseUrl: string, backend: string): Promise<{ backend: string; epochMs: number[]; params: number; n: number }> {
  const source = [
    readFileSync(path.join(root, "node_modules/@tensorflow/tfjs/dist/tf.min.js"), "utf8"),
    readFileSync(path.join(root, "node_modules/@tensorflow/tfjs-backend-wasm/dist/tf-backend-wasm.min.js"), "utf8"),
    BARE_WORKER,
  ].join("\n;\n");
  const result = await page.evaluate(
    ({ source, message }) =>
      new Promise<{ ok: boolean; error?: string; backend?: string; epochMs?: number[]; params?: number; n?: number }>((resolve) => {
        const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
        const worker = new Worker(url);
        worker.onmessage = (event) => {
          resolve(event.data);
          worker.terminate();
          URL.revokeObjectURL(url);
        };
        worker.onerror = (event) => resolve({ ok: false, error: event.message });
        worker.postMessage(message);
      }),
    { source, message: { backend, epochs, origin: baseUrl, batchSize: BATCH, learningRate: LEARNING_RATE, trainDigits: TRAIN_DIGITS } },
  );
  if (!result.ok) throw new Error(`bare fit on ${backend}: ${result.error}`);
  return { backend: result.backend ?? "?", epochMs: result.epochMs ?? [], params: result.params ?? 0, n: result.n ?? 0 };
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
};
/** Steady state: epochs after the first when there are several (the first may compile shaders). */
const steady = (values: readonly number[]) => (values.length > 1 ? mean(values.slice(1)) : mean(values));
const pad = (text: string, width: number) => text.padEnd(width);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  const app = process.env.BASE_URL ? { baseUrl: process.env.BASE_URL.replace(/\/$/, ""), stop: async () => undefined } : await startApp();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const rows: string[][] = [];
  const figures: Record<string, unknown>[] = [];
  try {
    for (const backend of backends) {
      // tf.min.js evaluates a string once at load (its global lookup), which the app's CSP rightly
      // forbids; the bare worker is the bench's own code, so the page it runs in waives the CSP.
      const page = await browser.newPage({ bypassCSP: true });
      try {
        const engineRuns: EngineRun[] = [];
        const bareRuns: Awaited<ReturnType<typeof bareRun>>[] = [];
        for (let round = 0; round < rounds; round++) {
          // Alternate the order, so neither side always runs second (machines here are shared and noisy).
          await page.goto(simUrl(app.baseUrl, backend));
          if (round % 2 === 0) {
            console.error(`[bench/sim-overhead] ${backend} round ${round + 1}: bare fit, then the engine…`);
            bareRuns.push(await bareRun(page, app.baseUrl, backend));
            engineRuns.push(await engineRun(page));
          } else {
            console.error(`[bench/sim-overhead] ${backend} round ${round + 1}: the engine, then (page reloaded, worker gone) bare fit…`);
            engineRuns.push(await engineRun(page));
            await page.goto(simUrl(app.baseUrl, backend));
            bareRuns.push(await bareRun(page, app.baseUrl, backend));
          }
          if (engineRuns.at(-1)?.backend !== backend) break;
        }
        const engine = engineRuns.at(-1);
        if (!engine || engine.backend !== backend) {
          rows.push([backend, `did not run (the engine fell back to ${engine?.backend ?? "nothing"})`]);
          continue;
        }
        const engineSteady = median(engineRuns.map((r) => steady(r.epochMs)));
        const bareSteady = median(bareRuns.map((r) => steady(r.epochMs)));
        const ratio = engineSteady / bareSteady;
        const n = bareRuns[0]?.n ?? TRAIN_DIGITS;
        figures.push({
          backend,
          device: engine.device,
          epochs,
          rounds,
          digits: TRAIN_DIGITS,
          batch: BATCH,
          engineEpochMs: engineRuns.map((r) => r.epochMs.map(Math.round)),
          bareEpochMs: bareRuns.map((r) => r.epochMs.map(Math.round)),
          ratio: Number(ratio.toFixed(3)),
          testAccuracy: engineRuns.map((r) => r.accuracy),
          bareParams: bareRuns[0]?.params,
        });
        rows.push([
          backend,
          seconds(engineSteady),
          String(Math.round(TRAIN_DIGITS / (engineSteady / 1000))),
          seconds(bareSteady),
          String(Math.round(n / (bareSteady / 1000))),
          `${ratio.toFixed(2)}×`,
          engineRuns.map((r) => r.epochMs.map((ms) => (ms / 1000).toFixed(1)).join("/")).join(" | "),
          bareRuns.map((r) => r.epochMs.map((ms) => (ms / 1000).toFixed(1)).join("/")).join(" | "),
          (engine.accuracy * 100).toFixed(1) + "%",
          engine.device,
        ]);
      } catch (error) {
        rows.push([backend, `failed: ${(error as Error).message.split("\n")[0]}`]);
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await app.stop();
  }
  const header = ["backend", "engine s/epoch", "engine samples/s", "bare s/epoch", "bare samples/s", "ratio", "engine epochs (s), per round", "bare epochs (s), per round", "test acc.", "device"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r.length > 2 ? (r[i] ?? "").length : 0))));
  console.log(
    `MNIST MLP (235,146 parameters), ${TRAIN_DIGITS} digits per epoch, batches of ${BATCH}, ${epochs} epochs × ${rounds} rounds; ` +
      `s/epoch = median over rounds of the mean of epochs 2…${epochs} (epoch 1 alone when 1); load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`,
  );
  console.log(header.map((h, i) => pad(h, widths[i] ?? 0)).join("  "));
  for (const row of rows) console.log(row.length > 2 ? row.map((c, i) => pad(c, widths[i] ?? 0)).join("  ") : row.join("  "));
  console.log(JSON.stringify(figures));
}

runBench(main);

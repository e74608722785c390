/**
 * Backend choice benchmark in headless Chromium: `npx tsx bench/sim.ts [experiments=all] [backends=webgl,wasm,cpu]`.
 * Prints figures, asserts nothing.
 *
 * For every experiment, against the production app (BASE_URL, or one started here on a free port
 * with a throwaway database), each backend is run by hand (`?backend=…`, skipped where it cannot
 * train the experiment's layers) and then with the automatic choice, each in a fresh page (a fresh
 * worker, so nothing is remembered between runs). The figure per run is seconds per epoch of the
 * whole experiment: for each model its mean epoch time (epochs 2… when there are several: the first
 * may compile shaders for the last, smaller batch), summed over the models. The ratio is the
 * automatic run's figure over the best manual one (goal ≤ 1.15×). Time spent choosing (starting
 * backends, timing candidates) and warming up is not in the per-epoch figure; the automatic run's
 * warm-up and total time are printed beside it.
 */
import os from "node:os";
import { chromium, type Browser } from "playwright-core";
import { CHROMIUM_ARGS, startApp } from "./browser-app";
import { runBench } from "./run-bench";

/** Few epochs and small subsets: enough steps to time, short enough for software WebGL. */
const RUNS: Record<string, string> = {
  activation: "epochs=20",
  "hidden-units": "epochs=20",
  overfitting: "epochs=40",
  dropout: "epochs=40",
  hitters: "epochs=10",
  "minibatch-sgd": "epochs=4",
  "mnist-mlp": "epochs=2&trainSize=2000",
  convolution: "epochs=2&trainSize=1000",
  "max-pooling": "epochs=2&trainSize=1000",
  "cnn-vs-mlp": "epochs=2&trainSize=1000",
  "rnn-nyse": "epochs=3",
  "dl-vs-methods": "epochs=10",
  "weight-shapes": "epochs=2",
  "cnn-blocks": "epochs=2&trainSize=600",
  "lstm-embedding": "epochs=3",
};

const experiments = process.argv[2] && process.argv[2] !== "all" ? process.argv[2].split(",") : Object.keys(RUNS);
const backends = (process.argv[3] ?? "webgl,wasm,cpu").split(",").filter(Boolean);

interface RunFigure {
  backend: string;
  secondsPerEpoch: number;
  reason: string;
  warmupSeconds: number;
  totalSeconds: number;
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const steady = (values: readonly number[]) => (values.length > 1 ? mean(values.slice(1)) : mean(values));

async function runOnce(browser: Browser, url: string): Promise<RunFigure | { skipped: string }> {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    await page.getByTestId("sim-start").click();
    await page.getByTestId("sim-summary").or(page.getByTestId("sim-run-error")).waitFor({ timeout: 20 * 60_000 });
    const error = await page.getByTestId("sim-run-error").textContent().catch(() => null);
    if (error) return { skipped: error.replace(/\s+/g, " ").slice(0, 120) };
    const backend = (await page.getByTestId("sim-backend").getAttribute("data-backend")) ?? "?";
    const reason = ((await page.getByTestId("sim-backend-reason").textContent()) ?? "").replace(/^Chosen: /, "");
    const models = await page.locator('[data-testid="sim-epoch-times"]').evaluateAll((items) => items.map((item) => item.getAttribute("data-epoch-ms") ?? ""));
    const secondsPerEpoch = models.map((times) => steady(times.split(",").filter(Boolean).map(Number))).reduce((a, b) => a + b, 0) / 1000;
    const timings = await page.getByTestId("sim-timings").evaluate((node) => ({ warmup: Number(node.getAttribute("data-warmup-ms")), total: Number(node.getAttribute("data-total-ms")) }));
    return { backend, secondsPerEpoch, reason, warmupSeconds: timings.warmup / 1000, totalSeconds: timings.total / 1000 };
  } finally {
    await page.close();
  }
}

async function main() {
  const app = process.env.BASE_URL ? { baseUrl: process.env.BASE_URL.replace(/\/$/, ""), stop: async () => undefined } : await startApp();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const rows: string[][] = [];
  const figures: Record<string, unknown>[] = [];
  try {
    for (const id of experiments) {
      const query = RUNS[id] ?? "";
      const manual: Record<string, number | string> = {};
      for (const backend of backends) {
        console.error(`[bench/sim] ${id} on ${backend}…`);
        const result = await runOnce(browser, `${app.baseUrl}/sim/${id}?${query}&seed=1&backend=${backend}`);
        // A backend that cannot train the layers is passed over by the worker: that run is not this backend's.
        if ("skipped" in result) manual[backend] = `failed: ${result.skipped}`;
        else manual[backend] = result.backend === backend ? result.secondsPerEpoch : `cannot train (ran ${result.backend})`;
      }
      console.error(`[bench/sim] ${id}, automatic…`);
      const auto = await runOnce(browser, `${app.baseUrl}/sim/${id}?${query}&seed=1`);
      const timed = Object.entries(manual).filter((entry): entry is [string, number] => typeof entry[1] === "number");
      const best = timed.reduce<[string, number] | null>((a, b) => (a === null || b[1] < a[1] ? b : a), null);
      const ratio = "skipped" in auto || !best ? NaN : auto.secondsPerEpoch / best[1];
      figures.push({ experiment: id, query, manual, auto, best: best?.[0], ratio: Number(ratio.toFixed(3)) });
      // Each experiment's figures as soon as they exist: a long run cut short still leaves them.
      console.error(`[bench/sim] ${JSON.stringify(figures.at(-1))}`);
      rows.push([
        id,
        ...backends.map((backend) => {
          const value = manual[backend];
          return typeof value === "number" ? value.toFixed(3) : "—";
        }),
        "skipped" in auto ? `failed: ${auto.skipped}` : `${auto.backend} ${auto.secondsPerEpoch.toFixed(3)}`,
        best ? best[0] : "—",
        Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : "—",
        "skipped" in auto ? "" : `${auto.warmupSeconds.toFixed(1)} / ${auto.totalSeconds.toFixed(1)}`,
        "skipped" in auto ? "" : auto.reason,
      ]);
    }
  } finally {
    await browser.close();
    await app.stop();
  }
  const header = ["experiment", ...backends.map((b) => `${b} s/epoch`), "automatic: backend s/epoch", "best", "auto/best", "auto warm-up / total s", "why (run details)"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (i < header.length - 1 ? (r[i] ?? "").length : 0))));
  console.log(`seconds per epoch (all models of the experiment, epochs 2… where there are several); '—' = the backend cannot train the layers; load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  console.log(header.map((h, i) => h.padEnd(widths[i] ?? 0)).join("  "));
  for (const row of rows) console.log(row.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  "));
  console.log(JSON.stringify(figures));
}

runBench(main);

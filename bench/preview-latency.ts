/**
 * Live-preview latency of the deck editor (docs/architecture.md "Authoring"): from the last keystroke of an edit to five
 * verified variants rendered on screen, median over 20 edits of a dense template (goal: < 500 ms).
 *
 *   npx tsx bench/preview-latency.ts [--edits 20] [--json]
 *
 * Starts the production app as `npm start` does (throwaway database, loopback), signs an
 * instructor in through the real pages in Chromium, creates a deck with the course's concepts and
 * opens the editor on the densest template of the course (cifar-cnn-params: four conv blocks, a
 * 12-layer network verified by TensorFlow.js). Each edit retypes the output count `M: [n]` with a
 * value never seen before, so every one of the five variants is a network the verifier has not
 * built yet (no cache hits): the worst case of typing.
 *
 * The figure is measured in the page: the editor records `performance.now()` at the keystroke
 * (CodeMirror's update) and the preview records it again once the variants of that text are
 * committed to the DOM (data-latency-ms). The time Playwright sees from its last key press to the
 * DOM change, and the server's own time per preview, are printed alongside.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { chromium, type Page } from "@playwright/test";
import { parse } from "yaml";
import { itemsYaml } from "../lib/content/export-yaml";
import type { Template } from "../lib/questions";
import { ensureChromium } from "../lib/cli/chromium";
import { freePort, startServer } from "../tests/reliability/server-process";
import { JSON_OUTPUT, numberOption, runBench, type BenchFigures } from "./run-bench";

const EDITS = numberOption("edits", 20);
const root = path.resolve(import.meta.dirname, "..");
const DENSE_TEMPLATE = "cifar-cnn-params";
const FIRST_M = 101;

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
};

/** The dense template as its own file, with `params` last and `M` its last line, ending without a newline. */
function denseFile(m: number): string {
  const cnn = parse(readFileSync(path.join(root, "content/decks/islp-ch10/templates/cnn.yaml"), "utf8")) as { templates: Template[] };
  const template = cnn.templates.find((candidate) => candidate.id === DENSE_TEMPLATE);
  if (!template) throw new Error(`${DENSE_TEMPLATE} is not in templates/cnn.yaml`);
  const { params, ...rest } = template;
  const { M: _M, ...others } = params ?? {};
  return itemsYaml([{ ...rest, anchors: undefined, params: { ...others, M: [m] } } as Template]).trimEnd();
}

function log(message: string): void {
  if (!JSON_OUTPUT) process.stderr.write(`${message}\n`);
}

async function signUpInstructor(page: Page, databaseFile: string): Promise<void> {
  const email = `bench-${randomUUID().slice(0, 8)}@example.com`;
  await page.goto("/register");
  await page.getByLabel(/^(Name|이름)$/).fill("Bench Instructor");
  await page.getByLabel(/^(E-mail|이메일)$/).fill(email);
  await page.getByLabel(/^(Password|비밀번호)$/).fill("correct horse battery");
  await page.getByRole("button", { name: /Create account|계정 만들기/ }).click();
  await page.getByTestId("signed-in-as").waitFor({ timeout: 30_000 });
  const db = new Database(databaseFile, { timeout: 10_000 });
  db.prepare(`UPDATE "User" SET role = 'instructor' WHERE email = ?`).run(email);
  db.close();
}

async function main(): Promise<BenchFigures> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "deepdrill-preview-bench-"));
  const databaseFile = path.join(scratch, "bench.db");
  log("starting the production app (builds first when the sources changed)…");
  const server = await startServer({ root, port: await freePort(), databaseFile, secret: randomBytes(32).toString("base64url") });
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
  try {
    const context = await browser.newContext({ baseURL: server.baseUrl, locale: "en-US", viewport: { width: 1600, height: 1000 } });
    const page = await context.newPage();
    await signUpInstructor(page, databaseFile);

    const header = parse(readFileSync(path.join(root, "content/decks/islp-ch10/deck.yaml"), "utf8")) as { concepts: { id: string; ko: string; en: string }[] };
    const deckId = `bench-${randomUUID().slice(0, 8)}`;
    const created = await page.request.post("/api/author/decks", {
      data: { id: deckId, title: { ko: "벤치", en: "Bench" }, concepts: header.concepts.map(({ id, ko, en }) => ({ id, ko, en })) },
    });
    if (created.status() !== 201) throw new Error(`creating the deck failed: ${created.status()} ${await created.text()}`);

    const serverMs: number[] = [];
    page.on("response", (response) => {
      if (!response.url().endsWith("/api/author/preview") || !response.ok()) return;
      response
        .json()
        .then((body: { ms?: number }) => typeof body.ms === "number" && serverMs.push(body.ms))
        .catch(() => undefined);
    });

    await page.goto(`/author/decks/${deckId}/edit`);
    await page.getByLabel("New file name").fill("templates/dense.yaml");
    await page.getByTestId("add-file").click();
    const content = page.locator('[data-testid="yaml-editor"] .cm-content');
    await content.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.insertText(denseFile(FIRST_M));
    const preview = page.getByTestId("preview");
    const settled = async (afterSerial: number) => {
      await page.waitForFunction(
        (serial) => {
          const section = document.querySelector('[data-testid="preview"]');
          return (
            section instanceof HTMLElement &&
            section.dataset.pending === "false" &&
            Number(section.dataset.serial ?? "0") > serial &&
            document.querySelectorAll('[data-testid="preview-variant"][data-verified="true"]').length === 5
          );
        },
        afterSerial,
        { polling: "raf", timeout: 30_000 },
      );
    };
    await settled(0);
    log("editor open, first preview rendered; editing…");

    const inPage: number[] = [];
    const outside: number[] = [];
    serverMs.length = 0;
    for (let i = 1; i <= EDITS; i += 1) {
      await page.waitForTimeout(400);
      const serial = Number((await preview.getAttribute("data-serial")) ?? "0");
      const previous = String(FIRST_M + i - 1);
      const next = String(FIRST_M + i);
      await page.keyboard.press("ControlOrMeta+End");
      for (let k = 0; k < previous.length + 1; k += 1) await page.keyboard.press("Backspace", { delay: 15 });
      await page.keyboard.type(next, { delay: 35 });
      await page.waitForTimeout(35);
      const lastKey = performance.now();
      await page.keyboard.press("]");
      await settled(serial);
      outside.push(performance.now() - lastKey);
      const measured = Number(await preview.getAttribute("data-latency-ms"));
      inPage.push(measured);
      const text = await page.locator('[data-testid="preview-variant"]').first().innerText();
      if (!text.includes(`${next} outputs`)) throw new Error(`edit ${i}: the preview does not show M = ${next}`);
      log(`edit ${String(i).padStart(2)}: M = ${next} → ${measured} ms in the page, ${Math.round(outside[outside.length - 1] ?? 0)} ms seen by Playwright`);
    }

    const result = {
      template: DENSE_TEMPLATE,
      edits: EDITS,
      variantsPerPreview: 5,
      keystrokeToRenderedMs: { median: median(inPage), p90: percentile(inPage, 90), min: Math.min(...inPage), max: Math.max(...inPage), all: inPage },
      seenByPlaywrightMs: { median: Math.round(median(outside)), p90: Math.round(percentile(outside, 90)) },
      serverMs: { median: median(serverMs), p90: percentile(serverMs, 90) },
      debounceMs: 120,
      goalMs: 500,
      meetsGoal: median(inPage) < 500,
    };
    return {
      figures: result,
      lines: () => [
        `preview latency, ${DENSE_TEMPLATE} (12 layers), ${EDITS} edits, 5 verified variants each:`,
          `  last keystroke → rendered: median ${result.keystrokeToRenderedMs.median} ms, p90 ${result.keystrokeToRenderedMs.p90} ms (min ${result.keystrokeToRenderedMs.min}, max ${result.keystrokeToRenderedMs.max}); goal < 500 ms: ${result.meetsGoal ? "met" : "NOT met"}`,
        `  as Playwright sees it: median ${result.seenByPlaywrightMs.median} ms; server time per preview: median ${result.serverMs.median} ms; of which debounce ${result.debounceMs} ms`,
      ],
    };
  } finally {
    await browser.close();
    await server.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

runBench(main);

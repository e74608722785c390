/**
 * First-visit JavaScript per page: what a phone downloads the first time it opens each page (empty
 * cache), gzipped. The production server is started as `npm start` starts it, on a throwaway
 * database; real Chromium opens each page in a fresh context (signed in where the page needs it)
 * and every script response is counted once, its body gzipped here at level 9, so the figure does
 * not depend on whether the server compressed it. Last come a running mock exam's page and the
 * deck editor with its live preview (the student started an exam, then was made an instructor).
 *
 *   npx tsx bench/page-weight.ts [--json]
 *
 * Goal (docs/architecture.md): /review within 40 KiB of the sign-in page.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type APIRequestContext, type Browser, type BrowserContextOptions } from "@playwright/test";
import { ensureChromium } from "../lib/cli/chromium";
import { runDeepdrill } from "../tests/reliability/grading-load";
import { freePort, startServer } from "../tests/reliability/server-process";
import { runBench, type BenchFigures } from "./run-bench";

const GOAL_KIB = 40;
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: "en-US" };

const PAGES = [
  { path: "/login", signedIn: false },
  { path: "/", signedIn: true },
  { path: "/review", signedIn: true },
  { path: "/decks", signedIn: true },
  { path: "/practice/single-layer-params", signedIn: true },
  { path: "/stats", signedIn: true },
  { path: "/architect", signedIn: true },
  { path: "/sim", signedIn: true },
] as const;

interface PageWeight {
  page: string;
  scripts: number;
  rawKiB: number;
  gzipKiB: number;
}

const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

async function measure(browser: Browser, baseUrl: string, pagePath: string, storageState: BrowserContextOptions["storageState"]): Promise<PageWeight> {
  const context = await browser.newContext({ ...PHONE, storageState });
  const page = await context.newPage();
  const bodies = new Map<string, Promise<Buffer | null>>();
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script" || bodies.has(response.url())) return;
    bodies.set(response.url(), response.body().catch(() => null));
  });
  await page.goto(`${baseUrl}${pagePath}`, { waitUntil: "networkidle" });
  let raw = 0;
  let gzip = 0;
  let scripts = 0;
  for (const body of await Promise.all(bodies.values())) {
    if (!body) continue;
    scripts += 1;
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  await context.close();
  return { page: pagePath, scripts, rawKiB: kib(raw), gzipKiB: kib(gzip) };
}

/** A running exam's page and an in-app deck's editor, for the signed-in student of `request`. */
async function examAndEditorPages(request: APIRequestContext, baseUrl: string, databaseFile: string, email: string): Promise<string[]> {
  const exam = await request.post(`${baseUrl}/api/exams`, { data: { deckIds: ["islp-ch10"], questionCount: 10, timeLimitSeconds: 3600 } });
  if (!exam.ok()) throw new Error(`starting an exam: HTTP ${exam.status()}`);
  const { exam: started } = (await exam.json()) as { exam: { id: string } };
  const promoted = await runDeepdrill(process.cwd(), databaseFile, ["users", "promote", email]);
  if (promoted.code !== 0) throw new Error(`users promote: ${promoted.stderr}`);
  // The server keeps a user's role for up to 10 s (review-queue.ts, settings cache).
  await new Promise((resolve) => setTimeout(resolve, 11_000));
  const deck = await request.post(`${baseUrl}/api/author/decks`, { data: { id: "weight-deck", title: { ko: "무게", en: "Weight" }, concepts: [{ id: "counting", ko: "세기", en: "Counting" }] } });
  if (!deck.ok()) throw new Error(`creating a deck: HTTP ${deck.status()} ${await deck.text()}`);
  return [`/exam/${started.id}`, "/author/decks/weight-deck/edit"];
}

async function main(): Promise<BenchFigures> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "deepdrill-page-weight-"));
  const databaseFile = path.join(scratch, "bench.db");
  const server = await startServer({ root: process.cwd(), port: await freePort(), databaseFile, secret: randomBytes(32).toString("base64url") });
  const browser = await chromium.launch({
    executablePath: ensureChromium(),
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    // One signed-in student, whose cookies every fresh (empty-cache) context starts with.
    const setup = await browser.newContext(PHONE);
    const page = await setup.newPage();
    await page.goto(`${server.baseUrl}/register`);
    await page.getByLabel("Name").fill("Bench");
    const email = `weight-${randomUUID().slice(0, 8)}@example.com`;
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password").fill("correct horse battery");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByTestId("signed-in-as").waitFor({ state: "attached", timeout: 30_000 });
    const signedIn = await setup.storageState();

    const results: PageWeight[] = [];
    for (const entry of PAGES) results.push(await measure(browser, server.baseUrl, entry.path, entry.signedIn ? signedIn : undefined));
    // Then, so that neither changes the pages above: a running mock exam, and the deck editor with
    // its live preview (the student made an instructor, with an in-app deck).
    for (const entry of await examAndEditorPages(setup.request, server.baseUrl, databaseFile, email)) results.push(await measure(browser, server.baseUrl, entry, signedIn));
    await setup.close();
    const signInPage = results.find((result) => result.page === "/login");
    const review = results.find((result) => result.page === "/review");
    const difference = signInPage && review ? Math.round((review.gzipKiB - signInPage.gzipKiB) * 10) / 10 : null;
    return {
      figures: { pages: results, reviewMinusSignInKiB: difference, goalKiB: GOAL_KIB },
      lines: () => [
        "first visit on a phone, JavaScript (gzip -9 of each script body)",
        ...results.map((result) => `${result.page.padEnd(32)} ${String(result.scripts).padStart(3)} scripts ${String(result.rawKiB).padStart(8)} KiB raw ${String(result.gzipKiB).padStart(7)} KiB gzip`),
        ...(difference !== null ? [`/review − sign-in: ${difference} KiB gzip (goal: within ${GOAL_KIB} KiB)`] : []),
      ],
    };
  } finally {
    await browser.close();
    await server.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

runBench(main);

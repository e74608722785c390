import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { registerThroughForm, signOut, uniqueEmail } from "./helpers";

/**
 * Authoring in real Chromium (issue 7): an instructor creates a deck and a template with a
 * deliberate mistake, sees the error at its line, fixes it, sees five verified variants in both
 * languages, saves (the harness runs) and publishes; a student then gets the template in review.
 * Also: students never reach /author or its APIs, a broken CSV line is reported by number, and the
 * YAML export downloads as a ZIP of the deck folder.
 */

// Playwright runs from the project root (lib/cli/commands/e2e.ts).
const root = process.cwd();

/** Makes an instructor through the CLI, against the test server's database (DATABASE_URL is set for the e2e run). */
function promote(email: string): void {
  execFileSync(process.execPath, [path.join(root, "node_modules/.bin/tsx"), "--conditions=react-server", path.join(root, "lib/cli/index.ts"), "users", "promote", email], {
    cwd: root,
    env: process.env,
    stdio: "pipe",
  });
}

async function registerInstructor(page: Page, name: string): Promise<string> {
  const email = uniqueEmail("instructor");
  await registerThroughForm(page, name, email);
  promote(email);
  return email;
}

const editor = (page: Page) => page.locator('[data-testid="yaml-editor"] .cm-content');

/** Replaces the editor's whole text (typed as one insertion, as a paste would). */
async function replaceEditorText(page: Page, text: string): Promise<void> {
  await editor(page).click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(text);
}

function templateYaml(id: string, ask: string): string {
  return [
    "templates:",
    `  - id: ${id}`,
    "    concept: counting",
    "    title: {ko: 두 은닉층 신경망의 모수, en: Parameters of a two-hidden-layer network}",
    "    params: {p: 4..64, K1: 8..128 step 8, K2: 4..64 step 4}",
    "    prompt:",
    '      ko: "입력 {{p}}개, 은닉층 {{K1}}개와 {{K2}}개 유닛, 출력 1개인 신경망의 모수는 몇 개입니까?"',
    '      en: "A network has {{p}} inputs, hidden layers of {{K1}} and {{K2}} units, and one output. How many parameters?"',
    "    answer:",
    "      architecture:",
    "        input: [=p]",
    "        layers:",
    "          - {type: dense, units: =K1, activation: relu}",
    "          - {type: dense, units: =K2, activation: relu}",
    "          - {type: dense, units: 1}",
    `      ask: ${ask}`,
    "      formula: (p+1)*K1 + (K1+1)*K2 + (K2+1)*1",
    "    solution:",
    '      ko: "층마다 (앞 층의 유닛 수 + 1) × (이 층의 유닛 수)를 더합니다. +1은 편향입니다. {{@work}}"',
    '      en: "Add (units of the previous layer + 1) × (units of this layer) over the layers; the +1 is the bias. {{@work}}"',
    "",
  ].join("\n");
}
const MISTAKE_LINE = 16;

test("an instructor writes a template with a mistake, sees it at its line, fixes it, sees five verified variants, publishes; a student gets it", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const suffix = randomUUID().slice(0, 6);
  const deckId = `e2e-deck-${suffix}`;
  const templateId = `e2e-two-hidden-${suffix}`;
  await registerInstructor(page, "Instructor Kim");

  await page.goto("/author");
  await expect(page.getByRole("heading", { name: "Author", level: 1 })).toBeVisible();
  const sections = page.getByRole("navigation", { name: "Authoring sections" });
  await expect(sections.getByRole("link", { name: /^Classes/ })).toHaveAttribute("href", "/author/classes");
  await expect(sections.getByRole("link", { name: /^Analytics/ })).toHaveAttribute("href", "/author/analytics");
  await expect(page.getByText("You have no decks yet.")).toBeVisible();

  // A new deck.
  await sections.getByRole("link", { name: /^New deck/ }).click();
  await page.getByLabel("Title (English)").fill("E2E deck");
  await page.getByLabel("Title (Korean)").fill("E2E 덱");
  await page.getByLabel("Deck id").fill(deckId);
  await page.getByLabel("Concept 1 (English)").fill("Counting parameters");
  await page.getByLabel("Concept 1 (Korean)").fill("모수 세기");
  await page.getByLabel("Concept 1 id").fill("counting");
  await page.getByTestId("create-deck").click();
  await expect(page).toHaveURL(new RegExp(`/author/decks/${deckId}$`));
  await expect(page.getByRole("heading", { name: "E2E deck", level: 1 })).toBeVisible();

  // The editor: a new file, then a template with a deliberate mistake (ask: totl).
  await page.getByTestId("open-editor").click();
  await expect(page.getByTestId("yaml-editor")).toBeVisible();
  await page.getByLabel("New file name").fill(`templates/${templateId}.yaml`);
  await page.getByTestId("add-file").click();
  await expect(page.getByRole("button", { name: `templates/${templateId}.yaml` })).toHaveAttribute("aria-current", "page");
  await replaceEditorText(page, templateYaml(templateId, "totl"));

  const errors = page.getByTestId("preview-errors");
  await expect(errors).toContainText(`Line ${MISTAKE_LINE}:`, { timeout: 15_000 });
  await expect(errors).toContainText("ask is one of");
  // The same error is marked in the editor at that line (lint gutter and underline).
  await expect(page.locator(".cm-lint-marker-error")).toHaveCount(1);
  await expect(page.locator(".cm-lintRange-error")).toContainText("ask: totl");
  await expect(page.getByTestId("preview-variant")).toHaveCount(0);
  await expect(page.getByTestId("save")).toBeEnabled();

  // Saving a broken file is refused with the same line.
  await page.keyboard.press("ControlOrMeta+S");
  await expect(page.getByTestId("save-errors")).toContainText(`templates/${templateId}.yaml:${MISTAKE_LINE}`);

  // Fix it where the error points: the error's button puts the cursor on the line.
  await errors.getByRole("button").first().click();
  await page.keyboard.press("Shift+End");
  await page.keyboard.type("      ask: total");
  await expect(errors).toHaveCount(0, { timeout: 15_000 });
  const variants = page.getByTestId("preview-variant");
  await expect(variants).toHaveCount(5, { timeout: 15_000 });
  await expect(page.locator('[data-testid="preview-variant"][data-verified="true"]')).toHaveCount(5);
  await expect(page.getByTestId("preview")).toContainText("5 of 5 variants verified");
  await expect(variants.first()).toContainText("A network has");
  await expect(variants.first()).toContainText("은닉층");
  await expect(variants.first()).toContainText("verified: tf.sequential countParams()");
  await expect(variants.first().locator("svg").first()).toBeVisible();
  const latency = Number(await page.getByTestId("preview").getAttribute("data-latency-ms"));
  expect(latency).toBeGreaterThan(0);

  const analysis = await new AxeBuilder({ page }).include("main").exclude(".cm-editor").analyze();
  expect(analysis.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  // Save (Ctrl/Cmd+S): the harness runs, then publish.
  await page.keyboard.press("ControlOrMeta+S");
  await expect(page.getByTestId("save-result")).toContainText("0 failures", { timeout: 60_000 });
  await expect(page.getByTestId("save-result")).toContainText("can be published");
  await page.getByTestId("publish").click();
  await expect(page.getByTestId("publish-result")).toContainText("is published");

  // The deck page lists the template with its harness result and the published version.
  await page.goto(`/author/decks/${deckId}`);
  await expect(page.getByTestId("deck-items")).toContainText(templateId);
  await expect(page.getByTestId("deck-items")).toContainText("harness passed");
  await expect(page.locator('[data-testid="versions"] tr[data-status="published"]')).toHaveCount(1);
  // Open it to every student (classes are the other way in).
  await page.getByRole("button", { name: "Make public" }).click();
  await expect(page.getByText("The deck is public now.")).toBeVisible();

  // A student gets the template in review, and cannot reach authoring.
  const context = await browser.newContext();
  const student = await context.newPage();
  await registerThroughForm(student, "Student Lee", uniqueEmail("student"));
  const next = await student.request.get(`/api/review/next?deck=${deckId}`);
  expect(next.status()).toBe(200);
  const body = (await next.json()) as { item: { itemId: string; prompt: { en: string } } | null };
  expect(body.item?.itemId).toBe(templateId);
  expect(body.item?.prompt.en).toMatch(/^A network has \d+ inputs/);
  expect((await student.goto("/author"))?.status()).toBe(403);
  expect((await student.request.get(`/api/author/decks/${deckId}`)).status()).toBe(403);
  expect((await student.request.post("/api/author/preview", { data: { deckId, path: "templates/x.yaml", text: "templates: []" } })).status()).toBe(403);
  await context.close();
});

test("CSV import reports the broken line; the YAML export downloads as the deck folder", async ({ page }) => {
  test.setTimeout(120_000);
  const deckId = `e2e-csv-${randomUUID().slice(0, 6)}`;
  await registerInstructor(page, "Instructor Park");
  const created = await page.request.post("/api/author/decks", {
    data: { id: deckId, title: { ko: "CSV 덱", en: "CSV deck" }, concepts: [{ id: "facts", ko: "사실", en: "Facts" }] },
  });
  expect(created.status()).toBe(201);

  await page.goto(`/author/decks/${deckId}`);
  const csv = "front,back,tags\nWhat is ReLU?,max(0 z),facts\nAn epoch is?,,facts\nWhat is dropout?,Randomly zeroing units,facts\n";
  await page.getByTestId("csv-file").setInputFiles({ name: "cards.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByTestId("csv-import").click();
  await expect(page.getByTestId("csv-result")).toContainText("Line 3: back is empty");

  const fixed = csv.replace("An epoch is?,,facts", "An epoch is?,One pass over the training data,facts");
  await page.getByTestId("csv-file").setInputFiles({ name: "cards.csv", mimeType: "text/csv", buffer: Buffer.from(fixed) });
  await page.getByTestId("csv-import").click();
  await expect(page.getByTestId("csv-result")).toContainText("3 cards added");
  await expect(page.getByTestId("deck-items")).toContainText("csv-");

  const download = page.waitForEvent("download");
  await page.getByTestId("export-zip").click();
  expect((await download).suggestedFilename()).toBe(`${deckId}.zip`);
  const anki = await page.request.get(`/api/author/decks/${deckId}/export?format=anki&lang=en`);
  expect(anki.status()).toBe(200);
  expect((await anki.text()).split("\n").slice(0, 5)).toEqual(["#separator:tab", "#html:true", "#notetype:Basic", "#deck:DeepDrill::CSV deck", "#tags column:3"]);

  await signOut(page);
  expect((await page.request.get("/api/author/decks")).status()).toBe(401);
});

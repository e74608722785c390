import { expect, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { createDeckThroughForm, expectFiveVerifiedVariants, fixMistakeAtItsLine, MISTAKE_LINE, saveAndPublish, writeTemplateWithMistake } from "./authoring-helpers";
import { expectNoSeriousViolations, registerInstructor, registerThroughForm, signOut, uniqueEmail } from "./helpers";

/**
 * Authoring in real Chromium (docs/architecture.md "Authoring"): an instructor creates a deck and a template with a
 * deliberate mistake, sees the error at its line, fixes it, sees five verified variants in both
 * languages, saves (the harness runs) and publishes; a student then gets the template in review.
 * Also: students never reach /author or its APIs, a broken CSV line is reported by number, and the
 * YAML export downloads as a ZIP of the deck folder.
 */

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
  await createDeckThroughForm(page, {
    id: deckId,
    title: { en: "E2E deck", ko: "E2E 덱" },
    concept: { id: "counting", en: "Counting parameters", ko: "모수 세기" },
  });

  // The editor: a new file, then a template with a deliberate mistake (ask: totl).
  await writeTemplateWithMistake(page, templateId, "counting");
  // The same error is marked in the editor at that line (lint gutter and underline).
  await expect(page.locator(".cm-lint-marker-error")).toHaveCount(1);
  await expect(page.locator(".cm-lintRange-error")).toContainText("ask: totl");
  await expect(page.getByTestId("save")).toBeEnabled();

  // Saving a broken file is refused with the same line.
  await page.keyboard.press("ControlOrMeta+S");
  await expect(page.getByTestId("save-errors")).toContainText(`templates/${templateId}.yaml:${MISTAKE_LINE}`);

  // Fix it where the error points.
  await fixMistakeAtItsLine(page);
  await expectFiveVerifiedVariants(page);
  const latency = Number(await page.getByTestId("preview").getAttribute("data-latency-ms"));
  expect(latency).toBeGreaterThan(0);

  await expectNoSeriousViolations(page, ".cm-editor");

  // Save (Ctrl/Cmd+S): the harness runs, then publish.
  await saveAndPublish(page);

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
  // A public deck reaches a student's queue once the student adds it from the catalogue.
  expect((await student.request.get(`/api/review/next?deck=${deckId}`)).status()).toBe(404);
  expect((await student.request.put(`/api/decks/${deckId}/study`)).status()).toBe(204);
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

import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { parse } from "yaml";
import { registerThroughForm, uniqueEmail } from "./helpers";

/**
 * The course deck's page on a phone: its concepts in course order, collapsed (one screen of
 * headings, not an 18,000 px page), each with the student's own progress; opened and closed with the
 * keyboard; a link to one concept opens it. After one wrong review the concept shows it, and /stats
 * names it among the weakest (0% after a single review) under a heatmap with month labels.
 */

const DECK = "islp-ch10";
const courseOrder = (parse(readFileSync(path.join(process.cwd(), "content/decks", DECK, "deck.yaml"), "utf8")) as { concepts: { id: string }[] }).concepts.map((concept) => concept.id);

test.use({ viewport: { width: 390, height: 844 } });

test("the course deck groups its questions by concept, collapsed, with the student's progress in each", async ({ page }) => {
  test.setTimeout(120_000);
  await registerThroughForm(page, "Minjun", uniqueEmail("deck-concepts"));
  await page.goto(`/decks/${DECK}`);
  const concepts = page.getByTestId("concept");
  await expect(concepts.first()).toBeVisible();

  // Course order, every concept closed, and the page a few screens tall at most.
  const shown = await concepts.evaluateAll((elements) => elements.map((element) => element.getAttribute("data-concept-id")));
  expect(shown).toEqual(courseOrder.filter((id) => shown.includes(id)));
  expect(shown.length).toBeGreaterThan(10);
  expect(await concepts.evaluateAll((elements) => elements.filter((element) => (element as HTMLDetailsElement).open).length)).toBe(0);
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(8_000);
  await expect(concepts.first().getByTestId("concept-progress")).toContainText(/0 of \d+ seen/);
  await expect(concepts.first().getByTestId("concept-accuracy")).toHaveText("no reviews yet");

  // Keyboard: a concept's heading opens with Enter and closes with Space; its questions are reachable by Tab.
  const first = concepts.first();
  await first.locator("summary").focus();
  await page.keyboard.press("Enter");
  await expect(first).toHaveAttribute("open", "");
  await expect(first.getByTestId("practise-link").first()).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(first.locator("a").first()).toBeFocused();
  await first.locator("summary").focus();
  await page.keyboard.press(" ");
  await expect(first).not.toHaveAttribute("open", "");
  await expect(first.getByTestId("practise-link").first()).toBeHidden();

  // A link to a concept (the practice page's breadcrumb, the simulations' links) opens it.
  const target = shown[3]!;
  await page.goto(`/decks/${DECK}#concept-${target}`);
  await expect(page.locator(`[data-testid="concept"][data-concept-id="${target}"]`)).toHaveAttribute("open", "");

  // One review of the deck's first card, answered wrong and graded 1: its concept shows it.
  const next = await page.request.get(`/api/review/next?deck=${DECK}`);
  expect(next.status()).toBe(200);
  const { item } = (await next.json()) as { item: { reviewId: string; concept: string; selfGraded: boolean } };
  expect((await page.request.post(`/api/review/${item.reviewId}/answer`, { data: { response: item.selfGraded ? "" : "0", durationMs: 5_000 } })).status()).toBe(200);
  expect((await page.request.post(`/api/review/${item.reviewId}/grade`, { data: { grade: 1 } })).status()).toBe(200);
  await page.goto(`/decks/${DECK}`);
  const reviewed = page.locator(`[data-testid="concept"][data-concept-id="${item.concept}"]`);
  await expect(reviewed.getByTestId("concept-seen")).toHaveText(/^1 of \d+ seen$/);
  // Graded 1, it comes back later today: due.
  await expect(reviewed.getByTestId("concept-due")).toHaveText("1 due today");
  await expect(reviewed.getByTestId("concept-accuracy")).toHaveText("0% right in 1 review");

  const conceptName = (await reviewed.locator("h2").textContent())?.trim() ?? "";
  expect(conceptName).not.toBe("");

  await page.goto("/stats");
  await expect(page.getByTestId("weakest")).toContainText(conceptName);
  await expect(page.getByTestId("weakest")).toContainText("0% retained of 1 reviews");
  const months = await page.getByTestId("heatmap").locator("svg text").allTextContents();
  expect(months.filter((text) => /^[A-Z][a-z]{2}$/.test(text.trim())).length).toBeGreaterThanOrEqual(11);
});

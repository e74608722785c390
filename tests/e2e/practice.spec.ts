import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { registerThroughForm, uniqueEmail } from "./helpers";

/**
 * Decks and stateless practice in real Chromium : open a template from /decks,
 * type the lab network's answer with a thousands separator and see "correct", the KaTeX solution, the
 * layer table and the diagram; type junk and see "couldn't read" without a penalty; the same in the
 * Korean UI; cards by keyboard; the API's guards; no serious accessibility violations.
 */

const TEMPLATE = "mlp-two-hidden-params";

const card = (page: Page) => page.getByTestId("practice-card");
const feedback = (page: Page) => page.getByTestId("practice-feedback");
const solution = (page: Page) => page.getByTestId("solution");

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
}

/** From /decks to the template's practice page, the way a student gets there. */
async function openTemplateFromDecks(page: Page, decksLink: string | RegExp, deckTitle: string | RegExp): Promise<void> {
  await page.getByRole("link", { name: decksLink, exact: true }).first().click();
  await expect(page).toHaveURL(/\/decks$/);
  await page.getByRole("link", { name: deckTitle }).first().click();
  await expect(page).toHaveURL(/\/decks\/islp-ch10$/);
  // Concepts are collapsed: open the template's concept first.
  await page.locator('[data-testid="concept"]', { has: page.locator(`[data-item-id="${TEMPLATE}"]`) }).locator("summary").click();
  await page.locator(`[data-item-id="${TEMPLATE}"]`).getByTestId("practise-link").click();
  await expect(page).toHaveURL(new RegExp(`/practice/${TEMPLATE}\\?seed=\\d+`));
  await expect(card(page)).toBeVisible();
}

test("practise a template in English: the lab's network with a thousands separator, then junk costs nothing", async ({ page }) => {
  test.setTimeout(120_000);
  await registerThroughForm(page, "Jiwoo", uniqueEmail("practice"));

  // /decks lists the ISLP deck with its counts.
  await page.getByRole("link", { name: "Decks", exact: true }).first().click();
  const deck = page.locator('[data-testid="deck-card"][data-deck-id="islp-ch10"]');
  await expect(deck.getByRole("heading", { name: "Deep learning (ISLP chapter 10)" })).toBeVisible();
  await expect(deck.getByTestId("deck-counts")).toContainText(/\d+ concepts/);
  await expect(deck.getByTestId("deck-counts")).toContainText(/\d+ question templates/);
  await expect(deck.getByTestId("deck-counts")).toContainText(/\d+ cards/);

  await openTemplateFromDecks(page, "Decks", "Deep learning (ISLP chapter 10)");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText("Keyboard shortcuts")).toBeVisible();
  await expect(page.getByLabel("Your answer")).toBeFocused();

  // The lab's own network: 784 → 256 → 128 → 10 has 235,146 parameters.
  await page.getByRole("button", { name: "The lab's network" }).click();
  await expect(card(page)).toHaveAttribute("data-anchor", "islp-mnist");
  await expect(page.getByTestId("prompt")).toContainText("784");
  await expect(page).toHaveURL(/anchor=islp-mnist/);
  await expect(page.getByLabel("Your answer")).toBeFocused();
  await page.keyboard.type("235,146");
  await page.keyboard.press("Enter");

  await expect(feedback(page)).toContainText("Correct");
  await expect(feedback(page)).toContainText("Read as 235,146");
  await expect(solution(page).getByRole("heading", { name: "Worked solution" })).toBeFocused();
  await expect(solution(page).locator(".katex").first()).toBeVisible();
  await expect(solution(page).locator(".katex-display")).toContainText("235");
  await expect(page.getByTestId("layer-total")).toHaveText("235,146");
  await expect(page.getByTestId("network-figure").locator("svg[role=img]")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // N: a new variant with fresh numbers, answer box focused again.
  const labSeed = await card(page).getAttribute("data-seed");
  await page.keyboard.press("n");
  await expect(card(page)).toHaveAttribute("data-anchor", "");
  await expect(solution(page)).toHaveCount(0);
  await expect(page.getByLabel("Your answer")).toBeFocused();
  const seed = await card(page).getAttribute("data-seed");
  expect(seed).not.toBe(labSeed);
  await expect(page).toHaveURL(new RegExp(`seed=${seed}`));

  // Junk: "couldn't read — no penalty", nothing revealed, the same question stays open.
  await page.keyboard.type("lots of them");
  await page.keyboard.press("Enter");
  await expect(feedback(page)).toContainText("Couldn't read that — no penalty.");
  await expect(feedback(page).locator("[data-status=invalid]")).toContainText("Couldn't read a number");
  await expect(page.getByLabel("Your answer")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Your answer")).toBeFocused();
  await expect(solution(page)).toHaveCount(0);
  await expect(card(page)).toHaveAttribute("data-seed", seed!);

  // Still the same variant, and still checkable: a plain wrong number is graded, with the answer.
  await page.keyboard.press("Control+A");
  await page.keyboard.type("1");
  await page.keyboard.press("Enter");
  await expect(feedback(page)).toContainText("Not quite");
  await expect(feedback(page)).toContainText("Read as 1");
  await expect(feedback(page)).toContainText("Expected answer:");
  await expect(card(page)).toHaveAttribute("data-seed", seed!);
  await expect(solution(page).locator(".katex").first()).toBeVisible();
});

test("the same in the Korean UI", async ({ page }) => {
  test.setTimeout(120_000);
  await registerThroughForm(page, "지우", uniqueEmail("practice-ko"));
  await page.getByRole("button", { name: "한국어" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");

  await openTemplateFromDecks(page, "덱", "딥러닝 분석 (ISLP 10장)");
  await expect(page.getByText("단축키")).toBeVisible();
  await page.getByRole("button", { name: "실습의 신경망" }).click();
  await expect(card(page)).toHaveAttribute("data-anchor", "islp-mnist");
  await expect(page.getByTestId("prompt")).toContainText("은닉층");
  await page.getByLabel("나의 답").fill("235,146");
  await page.getByLabel("나의 답").press("Enter");
  await expect(feedback(page)).toContainText("정답입니다");
  await expect(feedback(page)).toContainText("235,146으로 읽음");
  await expect(solution(page).getByRole("heading", { name: "풀이" })).toBeVisible();
  await expect(solution(page).locator(".katex").first()).toBeVisible();
  await expect(page.getByTestId("layer-total")).toHaveText("235,146");
  await expect(page.getByTestId("network-figure").locator("svg[role=img]")).toBeVisible();

  await page.getByRole("button", { name: "새 변형 문제" }).first().click();
  await expect(card(page)).toHaveAttribute("data-anchor", "");
  await page.getByLabel("나의 답").fill("모르겠어요");
  await page.getByLabel("나의 답").press("Enter");
  await expect(feedback(page)).toContainText("답을 읽을 수 없습니다 — 감점은 없습니다.");
  await expect(feedback(page)).toContainText("숫자로 읽을 수 없습니다");
  await expect(solution(page)).toHaveCount(0);
});

test("cards by keyboard: true/false with T, multiple choice with a letter, a self-graded card with Space", async ({ page }) => {
  await registerThroughForm(page, "Minho", uniqueEmail("practice-cards"));

  await page.goto("/practice/dl-ml-difference");
  await expect(page.getByRole("button", { name: /^True/ })).toBeFocused();
  await page.keyboard.press("t");
  await expect(feedback(page)).toContainText("Correct");
  await expect(solution(page)).toContainText("hidden layers");

  await page.goto("/practice/dl-ml-common-goal");
  await expect(page.getByRole("list", { name: "Options" }).getByRole("button")).toHaveCount(4);
  // The first option has focus once the page is interactive (the letter keys work from then on).
  await expect(page.getByRole("list", { name: "Options" }).getByRole("button").first()).toBeFocused();
  await page.keyboard.press("a");
  await expect(feedback(page).locator("[data-status]")).toHaveAttribute("data-status", /^(correct|wrong)$/);
  await expect(solution(page)).toContainText("Answer:");

  await page.goto("/practice/dl-ml-explain");
  await expect(page.getByRole("button", { name: "Show answer" })).toBeFocused();
  await page.keyboard.press("Space");
  await expect(feedback(page)).toContainText("The answer");
  await expect(solution(page)).toContainText("hidden layers");
});

test("the practice API: signed in only, 404 for an unknown question, 422 for a bad seed, no answer before a check", async ({ page, playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  expect((await anonymous.get(`/api/practice/${TEMPLATE}/variant`)).status()).toBe(401);
  await anonymous.dispose();

  await registerThroughForm(page, "Hana", uniqueEmail("practice-api"));
  const unknown = await page.request.get("/api/practice/no-such-question/variant");
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error).toContain("no-such-question");

  for (const seed of ["-1", "abc", "4294967296"]) {
    const bad = await page.request.get(`/api/practice/${TEMPLATE}/variant?seed=${seed}`);
    expect(bad.status(), seed).toBe(422);
    expect((await bad.json()).error).toContain("seed");
  }
  expect((await page.request.get(`/api/practice/${TEMPLATE}/variant?anchor=nope`)).status()).toBe(422);

  const issued = await page.request.get(`/api/practice/${TEMPLATE}/variant?anchor=islp-mnist`);
  expect(issued.status()).toBe(200);
  const { variant } = (await issued.json()) as { variant: Record<string, unknown> };
  expect(Object.keys(variant)).not.toContain("expectedAnswer");
  expect(Object.keys(variant)).not.toContain("solution");
  expect(JSON.stringify(variant)).not.toMatch(/235,?146/);

  const checked = await page.request.post(`/api/practice/${TEMPLATE}/check`, { data: { seed: variant.seed, anchor: "islp-mnist", response: "２３５１４６" } });
  expect(checked.status()).toBe(200);
  expect(await checked.json()).toMatchObject({ status: "correct", readAs: "235146", expected: "235,146" });

  const badBody = await page.request.post(`/api/practice/${TEMPLATE}/check`, { data: { seed: 1.5, response: "1" } });
  expect(badBody.status()).toBe(422);
  const notJson = await page.request.post(`/api/practice/${TEMPLATE}/check`, { headers: { "Content-Type": "text/plain" }, data: "seed=1" });
  expect(notJson.status()).toBe(415);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`/decks, a deck and a practice page (${colorScheme}) have no serious or critical accessibility violations`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme });
    await registerThroughForm(page, "Yuna", uniqueEmail("practice-axe"));
    for (const path of ["/decks", "/decks/islp-ch10", `/practice/${TEMPLATE}`, "/practice/dl-ml-common-goal"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await seriousViolations(page), path).toEqual([]);
    }
  });
}

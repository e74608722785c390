import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { registerThroughForm, uniqueEmail } from "./helpers";

/**
 * The review loop in real Chromium, keyboard only once the page is open: a new student reviews five
 * cards, a card graded 2 comes back in the same session, undo restores the card's previous state,
 * suspending removes the card from the queue, and /stats shows the reviews just made.
 */

const card = (page: Page) => page.getByTestId("review-card");
const graded = (page: Page) => page.locator('[data-testid="feedback"] [data-status]');
const unreadable = (page: Page) => page.locator("#review-invalid");

/** Answers the card on screen with the keyboard: reveal a self-graded card, or type until the answer is readable. */
async function answerWithKeyboard(page: Page): Promise<void> {
  await expect(card(page)).toBeVisible();
  if (await page.getByRole("button", { name: "Show answer" }).isVisible()) {
    await expect(page.getByRole("button", { name: "Show answer" })).toBeFocused();
    await page.keyboard.press("Space");
    // The student alone judges a self-graded card: no grade is preselected, so Enter rates nothing.
    const grades = page.getByRole("group", { name: "How well did you recall it?" });
    await expect(grades).toBeFocused();
    await expect(card(page).locator("[data-suggested=true]")).toHaveCount(0);
    return;
  }
  await expect(page.getByLabel("Your answer")).toBeFocused();
  for (const attempt of ["1", "A", "T", "(1, 1)", "[[1]]", "relu"]) {
    await page.keyboard.type(attempt);
    await page.keyboard.press("Enter");
    await expect(graded(page).or(unreadable(page))).toBeVisible();
    if (await graded(page).isVisible()) break;
    // "Couldn't read that — no penalty": still the same question, still unanswered.
    await expect(unreadable(page)).toContainText("no penalty");
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Backspace");
  }
  await expect(graded(page)).toBeVisible();
  await expect(page.getByRole("group", { name: "How well did you recall it?" })).toBeVisible();
  await expect(card(page).locator("[data-suggested=true]")).toBeFocused();
}

/** Grades with a digit key and waits for whatever comes next. */
async function gradeWithKeyboard(page: Page, grade: number): Promise<void> {
  const reviewId = await card(page).getAttribute("data-review-id");
  await page.keyboard.press(String(grade));
  await expect(page.getByTestId("review-notice")).toContainText("Saved");
  await expect(card(page).and(page.locator(`[data-review-id="${reviewId}"]`))).toHaveCount(0);
}

test("a new student reviews five cards by keyboard; a 2 comes back, undo restores, suspend removes, /stats counts", async ({ page }) => {
  test.setTimeout(180_000);
  await registerThroughForm(page, "Seoyeon", uniqueEmail("review"));
  // Five new cards a day, so that the re-drill comes back within this short session.
  const limits = await page.request.patch("/api/review/settings", { data: { newCardsPerDeck: 5 } });
  expect(limits.status()).toBe(200);
  // The home page says what today holds (the course deck's five, plus any deck other specs published).
  await page.goto("/");
  await expect(page.getByTestId("today-summary")).toHaveText(/^Today: 0 reviews due, \d+ new cards\.$/);

  // The course deck only: other specs may have published decks of their own.
  await page.goto("/review?deck=islp-ch10");
  await expect(page.getByTestId("remaining")).toContainText("New 5");
  await expect(page.getByText("Keyboard shortcuts")).toBeVisible();

  // Card 1: graded 2 (wrong, but it seemed easy): it must come back today.
  await answerWithKeyboard(page);
  const first = await card(page).getAttribute("data-card-id");
  await page.keyboard.press("2");
  await expect(page.getByTestId("review-notice")).toContainText("comes back later today");

  // Cards 2–5: graded 4.
  const seen = [first];
  for (let i = 0; i < 4; i += 1) {
    await expect(card(page)).not.toHaveAttribute("data-card-id", first!);
    await answerWithKeyboard(page);
    seen.push(await card(page).getAttribute("data-card-id"));
    await gradeWithKeyboard(page, 4);
  }
  expect(new Set(seen).size).toBe(5);
  await expect(page.getByTestId("session-count")).toContainText("5");

  // The card graded 2 is back, as a re-drill, in the same session.
  await expect(card(page)).toHaveAttribute("data-card-id", first!);
  await expect(card(page)).toHaveAttribute("data-kind", "redrill");
  await expect(page.getByTestId("remaining")).toContainText("Again 1");
  const againAnalysis = await new AxeBuilder({ page }).include("main").analyze();
  expect(againAnalysis.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  await answerWithKeyboard(page);
  await page.keyboard.press("5");
  await expect(page.getByTestId("review-empty")).toBeVisible();
  await expect(page.getByTestId("summary-reviewed")).toHaveText("6");

  // U undoes that last grade: the card is back exactly as it was after the 2 (owed again today, EF 2.50).
  await page.keyboard.press("u");
  await expect(page.getByTestId("review-notice")).toContainText("Grade undone. The card is back as it was: due again today (easiness 2.50).");
  await expect(card(page)).toHaveAttribute("data-card-id", first!);
  await expect(page.getByTestId("prompt")).not.toBeEmpty();
  await expect(page.getByTestId("remaining")).toContainText("Again 1");
  await expect(page.getByTestId("session-count")).toContainText("5");
  const pending = await (await page.request.get("/api/review/next?deck=islp-ch10")).json();
  expect(pending.item.cardId).toBe(first);
  expect(pending.item.kind).toBe("redrill");
  expect(pending.remaining).toEqual({ due: 0, new: 0, redrill: 1 });

  // Suspend it (keyboard: focus the button, Enter): it leaves the queue for good.
  await page.getByRole("button", { name: "Suspend" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("review-notice")).toContainText("Card suspended");
  await expect(page.getByTestId("review-empty")).toBeVisible();
  const after = await (await page.request.get("/api/review/next?deck=islp-ch10")).json();
  expect(after).toEqual({ item: null, remaining: { due: 0, new: 0, redrill: 0 } });

  // /stats shows the five standing reviews of today (the undone grade is not counted).
  await page.goto("/stats");
  await expect(page.getByRole("heading", { level: 1, name: "Your progress" })).toBeVisible();
  await expect(page.getByTestId("tile-reviewsToday-value")).toHaveText("5");
  await expect(page.getByTestId("heatmap-summary")).toContainText("5 reviews on 1 day between");
  await expect(page.getByTestId("tile-streak-value")).toHaveText("1 day");
  const stats = await (await page.request.get("/api/stats/me")).json();
  expect(stats.totals.reviewsToday).toBe(5);
  expect(stats.heatmap.days).toEqual([{ date: stats.today, count: 5 }]);
});

test("the review API refuses bad input and other people's reviews", async ({ page, browser }) => {
  await registerThroughForm(page, "Owner", uniqueEmail("owner"));
  const next = await (await page.request.get("/api/review/next?deck=islp-ch10")).json();
  const reviewId: string = next.item.reviewId;

  const badGrade = await page.request.post(`/api/review/${reviewId}/grade`, { data: { grade: 7 } });
  expect(badGrade.status()).toBe(422);
  expect((await badGrade.json()).fields.grade).toBeTruthy();
  expect((await page.request.post(`/api/review/${reviewId}/answer`, { data: Buffer.from("{not json"), headers: { "Content-Type": "application/json" } })).status()).toBe(400);
  expect((await page.request.get("/api/review/next?deck=No%20Such")).status()).toBe(422);

  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const intruder = await other.newPage();
  await registerThroughForm(intruder, "Intruder", uniqueEmail("intruder"));
  expect((await intruder.request.post(`/api/review/${reviewId}/grade`, { data: { grade: 5 } })).status()).toBe(404);
  expect((await intruder.request.post(`/api/review/${reviewId}/answer`, { data: { response: "1" } })).status()).toBe(404);
  await other.close();

  // Grading twice gives the same state.
  const one = await (await page.request.post(`/api/review/${reviewId}/grade`, { data: { grade: 4 } })).json();
  const two = await (await page.request.post(`/api/review/${reviewId}/grade`, { data: { grade: 1 } })).json();
  expect(two.state).toEqual(one.state);
  expect(two.repeated).toBe(true);

  const anonymous = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  expect((await anonymous.request.get("/api/review/next")).status()).toBe(401);
  await anonymous.close();
});

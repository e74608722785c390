import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { registerThroughForm, uniqueEmail } from "./helpers";

/**
 * Mock exams in real Chromium: a student sets up a 10-question, 5-minute exam, answers some
 * questions, reloads mid-way (the clock goes on from the server's deadline and the answers are still
 * there), submits, and reads the per-concept report with every question's expected answer and worked
 * solution. A second exam shows that the page submits by itself when the time runs out.
 */

const timer = (page: Page) => page.getByTestId("exam-timer");
const questions = (page: Page) => page.getByTestId("exam-question");

async function remainingMs(page: Page): Promise<number> {
  return Number(await timer(page).getAttribute("data-remaining-ms"));
}

/** Answers question `index` (0-based): the first option of a choice, or a number typed in. */
async function answer(page: Page, index: number, typed = "7"): Promise<void> {
  const question = questions(page).nth(index);
  const radio = question.getByRole("radio").first();
  if ((await radio.count()) > 0) {
    await radio.check();
  } else {
    await question.getByLabel("Your answer").fill(typed);
    await question.getByLabel("Your answer").press("Enter");
  }
  await expect(question.getByTestId("save-state")).toHaveAttribute("data-state", /^(saved|unreadable)$/);
}

async function startExam(page: Page, questionCount: string, minutes: string): Promise<void> {
  await page.goto("/exam");
  await expect(page.getByRole("heading", { name: "Mock exam", level: 1 })).toBeVisible();
  const setup = page.getByTestId("exam-setup");
  // Other specs may have published decks of their own: choose the course deck explicitly.
  for (const box of await setup.getByRole("checkbox").all()) {
    const label = (await box.getAttribute("aria-label")) ?? (await box.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? ""));
    if (!/Deep learning \(ISLP chapter 10\)/.test(label) && (await box.isChecked())) await box.uncheck();
  }
  const courseDeck = setup.getByRole("checkbox", { name: /Deep learning \(ISLP chapter 10\)/ });
  await courseDeck.check();
  await expect(courseDeck).toBeChecked();
  await setup.getByLabel("Number of questions").fill(questionCount);
  await setup.getByLabel("Time limit (minutes)").fill(minutes);
  await setup.getByRole("button", { name: "Start the exam" }).click();
  await expect(page).toHaveURL(/\/exam\/[A-Za-z0-9_-]+$/, { timeout: 30_000 });
  await expect(page.getByTestId("exam-runner")).toBeVisible();
}

test("a student takes a 10-question, 5-minute exam, reloads mid-way (the timer continues), submits, and sees the per-concept report", async ({ page }) => {
  test.setTimeout(120_000);
  await registerThroughForm(page, "Minji", uniqueEmail("exam"));
  await startExam(page, "10", "5");

  await expect(questions(page)).toHaveCount(10);
  await expect(timer(page)).toHaveAttribute("role", "timer");
  const atStart = await remainingMs(page);
  expect(atStart).toBeLessThanOrEqual(300_000);
  expect(atStart).toBeGreaterThan(270_000);
  // Screen readers hear the start, not every second.
  await expect(page.getByTestId("timer-announcement")).toContainText("The exam has started");
  // No verdicts while the exam runs.
  await expect(page.locator("[data-status]")).toHaveCount(0);
  await expect(page.getByText("Worked solution")).toHaveCount(0);

  for (const index of [0, 1, 2, 3]) await answer(page, index);
  await expect(page.getByTestId("answered-count")).toHaveText("4 of 10 answered");
  const firstAnswerShown = await questions(page).nth(0).getByLabel("Your answer").count();
  await page.waitForTimeout(2_000);
  const beforeReload = await remainingMs(page);

  await page.reload();
  await expect(page.getByTestId("exam-runner")).toBeVisible();
  // The clock went on (it did not restart at 5:00), and the saved answers are back.
  const afterReload = await remainingMs(page);
  expect(afterReload).toBeLessThan(beforeReload);
  expect(afterReload).toBeGreaterThan(beforeReload - 30_000);
  await expect(page.getByTestId("answered-count")).toHaveText("4 of 10 answered");
  if (firstAnswerShown > 0) await expect(questions(page).nth(0).getByLabel("Your answer")).toHaveValue("7");
  await expect(timer(page)).not.toHaveText("5:00");

  await answer(page, 4);
  await page.getByRole("button", { name: "Submit" }).first().click();
  await expect(page.getByText("5 questions are still unanswered. Submit anyway?")).toBeVisible();
  await page.getByRole("button", { name: "Submit now" }).click();

  const result = page.getByTestId("exam-result");
  await expect(result).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("exam-score")).toHaveText(/^\d+\/10$/);
  await expect(page.getByText("5 of 10 answered")).toBeVisible();
  const conceptRows = page.getByTestId("concept-row");
  expect(await conceptRows.count()).toBeGreaterThan(0);
  const perConcept = await conceptRows.locator("td").filter({ hasText: /^\d+\/\d+$/ }).allTextContents();
  expect(perConcept.reduce((sum, text) => sum + Number(text.split("/")[1]), 0)).toBe(10);
  const reviewed = page.getByTestId("result-question");
  await expect(reviewed).toHaveCount(10);
  await expect(page.locator('[data-testid="result-question"][data-status="unanswered"]')).toHaveCount(5);
  for (let i = 0; i < 10; i += 1) {
    await expect(reviewed.nth(i).getByTestId("expected-answer")).not.toBeEmpty();
    await expect(reviewed.nth(i).getByText("Worked solution")).toBeVisible();
  }

  const analysis = await new AxeBuilder({ page }).include("main").analyze();
  expect(analysis.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  // The result is stored: it is in the history, and the exam page shows it again after a reload.
  await page.reload();
  await expect(page.getByTestId("exam-result")).toBeVisible();
  await page.goto("/exam");
  await expect(page.getByTestId("exam-history").getByRole("listitem")).toHaveCount(1);
});

test("the page submits the exam by itself when the time runs out", async ({ page }) => {
  test.setTimeout(150_000);
  await registerThroughForm(page, "Joon", uniqueEmail("exam-timeout"));
  await startExam(page, "3", "1");
  const runnerAnalysis = await new AxeBuilder({ page }).include("main").analyze();
  expect(runnerAnalysis.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await answer(page, 0);
  // The 30-second mark is announced (politely), then the exam submits itself at 0:00.
  await expect(page.getByTestId("timer-announcement")).toHaveText("0:30 left.", { timeout: 45_000 });
  await expect(page.getByTestId("exam-result")).toBeVisible({ timeout: 45_000 });
  await expect(page.getByText("submitted when the time ran out")).toBeVisible();
  await expect(page.getByText("1 of 3 answered")).toBeVisible();
});

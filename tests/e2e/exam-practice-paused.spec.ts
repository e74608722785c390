import { expect, test } from "@playwright/test";
import { registerThroughForm, uniqueEmail } from "./helpers";

/**
 * While a mock exam runs, its questions cannot be practised (docs/architecture.md "Access and
 * exams"), in real Chromium: the exam page says that practice is paused, the practice page of one of
 * the exam's questions shows a notice and no question (its check answers 409), a question outside
 * the exam can still be practised, and after submission the paused one opens again.
 */

test("practice of a running exam's questions is paused, says so on both pages, and resumes after submission", async ({ page }) => {
  test.setTimeout(180_000);
  await registerThroughForm(page, "Jisoo", uniqueEmail("paused"));

  // Every practice link of the course deck, before the exam.
  await page.goto("/decks/islp-ch10");
  const links = [...new Set(await page.locator('a[href^="/practice/"]').evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname)))];
  expect(links.length).toBeGreaterThan(10);

  const started = await page.request.post("/api/exams", { data: { deckIds: ["islp-ch10"], questionCount: 10, timeLimitSeconds: 600, countAsReviews: false } });
  expect(started.status()).toBe(201);
  const { exam } = (await started.json()) as { exam: { id: string } };
  await page.goto(`/exam/${exam.id}`);
  await expect(page.getByTestId("exam-runner")).toBeVisible();
  await expect(page.getByTestId("practice-paused")).toHaveText("Practice and review of this exam's questions are paused until you submit it or its time runs out.");

  // Which practice pages the exam locks, as the API reports it.
  const statuses = await Promise.all(links.map(async (link) => ({ link, status: (await page.request.get(`/api${link}/variant`)).status() })));
  const paused = statuses.filter((entry) => entry.status === 409).map((entry) => entry.link);
  const open = statuses.filter((entry) => entry.status === 200).map((entry) => entry.link);
  expect(paused.length).toBeGreaterThan(0);
  expect(open.length).toBeGreaterThan(0);
  // Any other status is a defect of that question (a 422 from a draw over a template limit was one): name it.
  expect(statuses.filter((entry) => entry.status !== 200 && entry.status !== 409)).toEqual([]);

  await page.goto(paused[0]!);
  await expect(page.getByTestId("exam-paused")).toContainText("This question is in your running mock exam");
  await expect(page.getByRole("link", { name: "Back to the exam" })).toHaveAttribute("href", `/exam/${exam.id}`);
  // No question at all: not even the practice session's "New variant".
  await expect(page.getByRole("button", { name: "New variant" })).toHaveCount(0);
  const check = await page.request.post(`/api${paused[0]}/check`, { data: { seed: 1, response: "1" } });
  expect(check.status()).toBe(409);
  expect(((await check.json()) as { error: string }).error).toContain("paused until you submit it");

  await page.goto(open[0]!);
  await expect(page.getByTestId("exam-paused")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "New variant" })).toBeVisible();

  expect((await page.request.post(`/api/exams/${exam.id}/submit`)).status()).toBe(200);
  await page.goto(paused[0]!);
  await expect(page.getByTestId("exam-paused")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "New variant" })).toBeVisible();
});

import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { assignDeckToClass, createClassThroughForm, joinClassWithCode } from "./authoring-helpers";
import { expectNoSeriousViolations, newUser, PASSWORD, registerThroughForm, signInThroughForm, uniqueEmail } from "./helpers";

/**
 * A student's own data in real Chromium: a student in a class reviews a card, downloads everything
 * held about them (the JSON holds the review, the CSV its row), deletes the account with the
 * password, cannot sign in again, and the instructor's class page and results no longer name them.
 */

async function downloaded(page: Page, testId: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  const file = await download.path();
  return readFileSync(file, "utf8");
}

test("a student downloads their data, deletes the account, and is gone from the class", async ({ browser }) => {
  test.setTimeout(180_000);
  const teacher = await newUser(browser, "Professor Baek", "instructor");
  await teacher.goto("/author/classes");
  const code = await createClassThroughForm(teacher, "Data rights, fall");
  await assignDeckToClass(teacher, "Deep learning (ISLP chapter 10)", "public");
  const classUrl = teacher.url();

  const context = await browser.newContext({ locale: "en-US", acceptDownloads: true });
  const student = await context.newPage();
  const email = uniqueEmail("leaver");
  await registerThroughForm(student, "Student Leaver", email);
  await student.goto("/classes");
  await joinClassWithCode(student, code, "Data rights, fall");
  await student.goto("/review?deck=islp-ch10&concept=parameter-count");
  await expect(student.getByTestId("review-card")).toBeVisible();
  await student.getByLabel("Your answer").fill("1");
  await student.getByLabel("Your answer").press("Enter");
  await expect(student.locator('[data-testid="feedback"] [data-status]')).toBeVisible();
  await student.keyboard.press("1");
  await expect(student.getByTestId("review-notice")).toContainText("Saved");

  await teacher.goto(classUrl);
  await expect(teacher.getByTestId("class-members")).toContainText("Student Leaver");

  // Download everything: the JSON holds the account (no password hash) and the graded review.
  await student.getByRole("link", { name: "My data" }).click();
  await expect(student.getByRole("heading", { name: "My account and data", level: 1 })).toBeVisible();
  await expect(student.getByText(/Class analytics keep nothing about you/)).toBeVisible();
  await expectNoSeriousViolations(student);
  const data = JSON.parse(await downloaded(student, "download-json")) as {
    account: Record<string, unknown>;
    reviewLog: { concept: string; response: string | null; grade: number }[];
    classes: { class: { name: string } }[];
  };
  expect(data.account.email).toBe(email);
  expect(data.account).not.toHaveProperty("passwordHash");
  expect(data.reviewLog).toHaveLength(1);
  expect(data.reviewLog[0]).toMatchObject({ concept: "parameter-count", response: "1" });
  expect(data.classes.map((entry) => entry.class.name)).toEqual(["Data rights, fall"]);
  const csvLines = (await downloaded(student, "download-csv")).replace(/^\uFEFF/, "").trim().split(/\r\n/);
  expect(csvLines[0]).toBe("reviewedAt,deckId,cardId,concept,response,readAs,status,grade,durationMs,counted");
  expect(csvLines).toHaveLength(2);
  expect(csvLines[1]).toContain(",parameter-count,1,");

  // Delete: a wrong password is refused, the right one erases the account and signs out.
  await student.getByLabel("Type your password to confirm").fill("not my password");
  await student.getByRole("button", { name: "Delete my account for good" }).click();
  await expect(student.locator("#delete-password-error")).toHaveText("That is not your password.");
  await student.getByLabel("Type your password to confirm").fill(PASSWORD);
  await student.getByRole("button", { name: "Delete my account for good" }).click();
  await expect(student.getByRole("link", { name: /^Sign in$/ })).toBeVisible();

  await signInThroughForm(student, email);
  await expect(student.getByText(/do not match/)).toBeVisible();
  await expect(student.getByTestId("signed-in-as")).toHaveCount(0);

  // The instructor's class page and the class results no longer name them.
  await teacher.goto(classUrl);
  await expect(teacher.getByRole("heading", { name: "0 students" })).toBeVisible();
  await expect(teacher.locator("main")).not.toContainText("Student Leaver");
  const results = await teacher.request.get(`${new URL(classUrl).pathname.replace("/author/", "/api/author/")}/results`);
  expect(results.status()).toBe(200);
  const csv = await results.text();
  expect(csv).toContain("row,name,email");
  expect(csv).not.toContain("Student Leaver");
  expect(csv).not.toContain(email);
});

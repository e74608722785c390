import { expect, test } from "@playwright/test";
import { assignDeckToClass, createClassThroughForm, joinClassWithCode } from "./authoring-helpers";
import { expectNoSeriousViolations, newUser } from "./helpers";

/**
 * Classes and analytics in real Chromium: an instructor creates a class and assigns a deck; a student
 * joins with the code, gets a template of that deck in review and answers it; the instructor sees
 * the attempt in the class analytics. Another instructor and a student cannot open them.
 */

test("an instructor's class: a student joins, reviews a template of the class's deck, and the instructor sees the attempt in analytics", async ({ browser }) => {
  test.setTimeout(150_000);
  const teacher = await newUser(browser, "Professor Han", "instructor");

  // Create the class from the Classes page and assign the ISLP deck.
  await teacher.goto("/classes");
  await teacher.getByRole("link", { name: "Manage your classes" }).click();
  await expect(teacher.getByRole("heading", { name: "Your classes", level: 1 })).toBeVisible();
  await expect(teacher.getByTestId("author-classes-empty")).toBeVisible();
  const code = await createClassThroughForm(teacher, "Deep learning, spring");
  await expect(teacher.getByTestId("no-decks")).toBeVisible();
  await assignDeckToClass(teacher, "Deep learning (ISLP chapter 10)", "public");
  await expectNoSeriousViolations(teacher);
  const classUrl = teacher.url();

  // The student joins with the code, typed in lower case without the dash.
  const student = await newUser(browser, "Student Yoon", "student");
  await student.goto("/classes");
  await expect(student.getByTestId("classes-empty")).toBeVisible();
  await joinClassWithCode(student, code.toLowerCase().replace("-", ""), "Deep learning, spring");
  const joined = student.getByTestId("joined-class");
  await expect(joined).toContainText("Instructor: Professor Han");
  await expect(joined).toContainText("Deep learning (ISLP chapter 10)");
  await expectNoSeriousViolations(student);

  // …gets a parameter-counting template of the class's deck in review, answers and grades it.
  await student.goto("/review?deck=islp-ch10&concept=parameter-count");
  await expect(student.getByTestId("review-card")).toBeVisible();
  await expect(student.getByTestId("card-kind")).toHaveText(/New/);
  await student.getByLabel("Your answer").fill("1");
  await student.getByLabel("Your answer").press("Enter");
  await expect(student.locator('[data-testid="feedback"] [data-status]')).toBeVisible();
  await student.keyboard.press("1");
  await expect(student.getByTestId("review-notice")).toContainText("Saved");

  // The instructor sees the attempt.
  await teacher.goto("/author/analytics");
  await expect(teacher.getByRole("heading", { name: "Class analytics", level: 1 })).toBeVisible();
  await expect(teacher.getByTestId("total-attempts")).toHaveText("1");
  const row = teacher.getByTestId("student-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Student Yoon");
  await expect(row.getByTestId("student-attempts")).toHaveText("1");
  await expect(teacher.getByTestId("concept-table")).toContainText("Counting parameters");
  await expect(teacher.getByTestId("template-row")).toHaveCount(1);
  await teacher.getByTestId("template-row").locator("summary").click();
  await expect(teacher.getByTestId("template-row")).toContainText("Accuracy by parameter value");
  await expectNoSeriousViolations(teacher);

  // Another instructor: the class and its analytics are a 404; their own analytics are empty.
  const other = await newUser(browser, "Professor Oh", "instructor");
  expect((await other.goto(classUrl))?.status()).toBe(404);
  const classId = classUrl.split("/").pop() ?? "";
  expect((await other.goto(`/author/analytics?class=${classId}`))?.status()).toBe(404);
  await other.goto("/author/analytics");
  await expect(other.getByTestId("analytics-no-classes")).toBeVisible();

  // The student never reaches the instructor pages or APIs.
  expect((await student.goto("/author/analytics"))?.status()).toBe(403);
  expect((await student.goto(classUrl))?.status()).toBe(403);
  expect((await student.request.get(`/api/author/analytics?class=${classId}`)).status()).toBe(403);
  expect((await student.request.get(`/api/author/classes/${classId}`)).status()).toBe(403);

  // Leaving the class: it is gone from the student's list.
  await student.goto("/classes");
  await student.getByRole("button", { name: "Leave class" }).click();
  await student.getByRole("button", { name: "Leave", exact: true }).click();
  await expect(student.getByTestId("classes-empty")).toBeVisible();
});

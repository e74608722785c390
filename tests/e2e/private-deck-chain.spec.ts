import { expect, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import {
  assignDeckToClass,
  createClassThroughForm,
  createDeckThroughForm,
  expectedParameterCount,
  expectFiveVerifiedVariants,
  fixMistakeAtItsLine,
  joinClassWithCode,
  saveAndPublish,
  writeTemplateWithMistake,
} from "./authoring-helpers";
import { newUser } from "./helpers";

/**
 * Authoring to studying as one chain, with a private deck so that the class is the only
 * way in: an instructor writes a template in a new in-app deck with a deliberate mistake, sees the
 * error at its line, fixes it, sees five verified variants, saves and publishes; creates a class and
 * assigns the deck. A student cannot see the deck until they join with the code; then they get its
 * card in review, answer and grade it, and the instructor sees that attempt in analytics.
 */

test("a private deck reaches a student only through the class: author with a mistake, publish, assign, join, review, analytics", async ({ browser }) => {
  test.setTimeout(180_000);
  // Names unique to this run: every spec shares one server and database.
  const suffix = randomUUID().slice(0, 6);
  const deckId = `e2e-private-${suffix}`;
  const deckTitle = `Private deck ${suffix}`;
  const templateId = `e2e-private-two-hidden-${suffix}`;
  const className = `Private class ${suffix}`;
  const studentName = `Student ${suffix}`;

  // The instructor writes the template: mistake → error at its line → fix → five verified variants → save → publish.
  const teacher = await newUser(browser, `Professor ${suffix}`, "instructor");
  await teacher.goto("/author");
  await createDeckThroughForm(teacher, {
    id: deckId,
    title: { en: deckTitle, ko: `비공개 덱 ${suffix}` },
    concept: { id: "counting", en: "Counting parameters", ko: "모수 세기" },
  });
  await writeTemplateWithMistake(teacher, templateId, "counting");
  await fixMistakeAtItsLine(teacher);
  await expectFiveVerifiedVariants(teacher);
  await saveAndPublish(teacher);

  // The deck stays private: published, but not open to every student.
  await teacher.goto(`/author/decks/${deckId}`);
  await expect(teacher.locator('[data-testid="versions"] tr[data-status="published"]')).toHaveCount(1);
  await expect(teacher.getByText("Only the classes it is assigned to see this deck.")).toBeVisible();
  await expect(teacher.getByRole("button", { name: "Make public" })).toBeVisible();

  // A class with a join code, and the private deck assigned to it.
  await teacher.goto("/author/classes");
  await expect(teacher.getByRole("heading", { name: "Your classes", level: 1 })).toBeVisible();
  const code = await createClassThroughForm(teacher, className);
  await assignDeckToClass(teacher, deckTitle, "private");

  // A student outside the class sees neither the deck nor its reviews.
  const student = await newUser(browser, studentName, "student");
  await student.goto("/decks");
  const decks = student.getByRole("list", { name: "Available decks" });
  await expect(decks.getByRole("link", { name: "Deep learning (ISLP chapter 10)", exact: true })).toBeVisible();
  await expect(decks.getByRole("link", { name: deckTitle, exact: true })).toHaveCount(0);
  expect((await student.request.get(`/api/review/next?deck=${deckId}`)).status()).toBe(404);
  // The deck's own page is the not-found page. (Its HTTP status is 200: app/decks/loading.tsx streams
  // the response before the page can call notFound().)
  await student.goto(`/decks/${deckId}`);
  await expect(student.getByRole("heading", { name: "Page not found", level: 1 })).toBeVisible();
  await expect(student.getByText(deckTitle)).toHaveCount(0);

  // Joining with the code opens it.
  await student.goto("/classes");
  await joinClassWithCode(student, code, className);
  await expect(student.getByTestId("joined-class")).toContainText(deckTitle);
  await student.goto("/decks");
  await expect(decks.getByRole("link", { name: deckTitle, exact: true })).toBeVisible();

  // The deck's card in review: the student answers it right and grades it.
  await decks.getByRole("link", { name: `Review this deck: ${deckTitle}` }).click();
  await expect(student).toHaveURL(new RegExp(`/review\\?deck=${deckId}$`));
  const card = student.getByTestId("review-card");
  await expect(card).toHaveAttribute("data-card-id", `${deckId}/${templateId}`);
  await expect(student.getByTestId("card-kind")).toHaveText(/New/);
  const prompt = student.getByTestId("prompt");
  await expect(prompt).toContainText("A network has");
  const answer = expectedParameterCount((await prompt.textContent()) ?? "");
  await student.getByLabel("Your answer").fill(String(answer));
  await student.getByRole("button", { name: "Check", exact: true }).click();
  await expect(student.locator('[data-testid="feedback"] [data-status="correct"]')).toBeVisible();
  await student.getByRole("group", { name: "How well did you recall it?" }).getByRole("button", { name: /^5\s*Easy/ }).click();
  await expect(student.getByTestId("review-notice")).toContainText("Saved");
  await expect(student.getByTestId("review-empty")).toBeVisible();

  // The instructor sees the attempt: one, on this template and concept, by this student.
  await teacher.goto("/author/analytics");
  await expect(teacher.getByRole("heading", { name: "Class analytics", level: 1 })).toBeVisible();
  await expect(teacher.getByTestId("total-attempts")).toHaveText("1");
  const concept = teacher.getByTestId("concept-table").getByRole("row").filter({ has: teacher.getByRole("rowheader", { name: "Counting parameters" }) });
  await expect(concept.getByRole("cell").first()).toHaveText("1");
  const template = teacher.locator(`[data-testid="template-row"][data-item-id="${templateId}"]`);
  await expect(template).toContainText("Parameters of a two-hidden-layer network");
  await expect(template).toContainText("1 attempt · 100% correct");
  const students = teacher.getByTestId("student-row");
  await expect(students).toHaveCount(1);
  await expect(students.getByRole("rowheader")).toContainText(studentName);
  await expect(students.getByTestId("student-attempts")).toHaveText("1");
});

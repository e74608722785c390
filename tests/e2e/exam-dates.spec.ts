import { expect, test, type Browser, type Page } from "@playwright/test";
import { assignDeckToClass, createClassThroughForm } from "./authoring-helpers";
import { expectNoSeriousViolations, newUser, registerThroughForm, uniqueEmail } from "./helpers";

/**
 * Exam dates in real Chromium, in English and Korean: a student sets their own exam date and the
 * home page shows the pace sentence and readiness per concept (weakest first, with practise links);
 * an instructor sets a class exam date and a member inherits it.
 */

/** A calendar date `days` from now ("YYYY-MM-DD"); far enough ahead that the test's time zone cannot matter. */
const dateIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function koreanStudent(browser: Browser, name: string): Promise<Page> {
  const context = await browser.newContext({ locale: "ko-KR" });
  const page = await context.newPage();
  await registerThroughForm(page, name, uniqueEmail());
  return page;
}

test("English: a student sets an exam date; home shows the pace and readiness with practise links", async ({ browser }) => {
  test.setTimeout(120_000);
  const student = await newUser(browser, "Student Park", "student");
  await expect(student.getByRole("link", { name: "Set an exam date" })).toBeVisible();
  await student.goto("/exam-dates");
  await expect(student.getByRole("heading", { name: "Exam dates", level: 1 })).toBeVisible();
  await expect(student.getByText("No exam date yet.")).toBeVisible();
  await student.getByLabel("Exam date", { exact: true }).fill(dateIn(30));
  await student.getByRole("checkbox", { name: "Deep learning (ISLP chapter 10)" }).check();
  await student.getByRole("button", { name: "Add exam date" }).click();
  await expect(student.locator("form [role=status]")).toHaveText("Exam date saved.");
  await expect(student.getByTestId("exam-date-list")).toContainText("your own");
  await expectNoSeriousViolations(student);

  await student.goto("/");
  await expect(student.getByTestId("exam-pace")).toHaveText(/^To see all \d+ cards twice before \w+ \d+: \d+ new cards? a day\. Today's queue: \d+ new cards?\. \(30 days left\)$/);
  const readiness = student.getByTestId("exam-readiness");
  await expect(readiness.locator("tbody tr")).toHaveCount(5);
  const practise = readiness.getByRole("link", { name: /^Practise / }).first();
  await expect(practise).toHaveAttribute("href", /^\/review\?deck=islp-ch10&concept=[a-z0-9-]+$/);
  await expectNoSeriousViolations(student);

  // /stats shows the same plan; an invalid date is a 422 with a message a person can act on.
  await student.goto("/stats");
  await expect(student.getByTestId("exam-pace")).toContainText("To see all");
  const bad = await student.request.post("/api/exam-dates", { data: { date: "2026-02-30", deckIds: ["islp-ch10"] } });
  expect(bad.status()).toBe(422);
  expect(await bad.json()).toMatchObject({ fields: { date: ["date is a calendar date such as 2026-12-12."] } });
});

test("Korean: a student sets an exam date; home shows the pace and readiness", async ({ browser }) => {
  test.setTimeout(120_000);
  const student = await koreanStudent(browser, "윤학생");
  await student.goto("/exam-dates");
  await expect(student.getByRole("heading", { name: "시험 날짜", level: 1 })).toBeVisible();
  await student.getByLabel("시험 날짜", { exact: true }).fill(dateIn(20));
  await student.getByRole("checkbox", { name: "딥러닝 분석 (ISLP 10장)" }).check();
  await student.getByRole("button", { name: "시험 날짜 추가" }).click();
  await expect(student.locator("form [role=status]")).toHaveText("시험 날짜를 저장했습니다.");
  await expect(student.getByTestId("exam-date-list")).toContainText("직접 지정");

  await student.goto("/");
  await expect(student.getByTestId("exam-pace")).toHaveText(/^\d+월 \d+일 전에 카드 \d+장을 모두 두 번씩 보려면: 하루에 새 카드 \d+장\. 오늘의 복습 목록: 새 카드 \d+장\. \(20일 남음\)$/);
  await expect(student.getByRole("heading", { name: "시험 날 준비도" })).toBeVisible();
  await expect(student.getByTestId("exam-readiness").getByRole("link", { name: /연습하기$/ }).first()).toBeVisible();
  await expectNoSeriousViolations(student);
});

test("an instructor sets a class exam date; a member inherits it (English instructor, Korean member)", async ({ browser }) => {
  test.setTimeout(150_000);
  const teacher = await newUser(browser, "Professor Seo", "instructor");
  await teacher.goto("/author/classes");
  const code = await createClassThroughForm(teacher, "Exam prep");
  await assignDeckToClass(teacher, "Deep learning (ISLP chapter 10)", "public");
  await teacher.getByLabel("Exam date", { exact: true }).fill(dateIn(25));
  await teacher.getByRole("button", { name: "Save date" }).click();
  await expect(teacher.getByText("Class exam date saved.")).toBeVisible();

  const member = await koreanStudent(browser, "한학생");
  await member.goto("/classes");
  await member.getByLabel("참여 코드").fill(code);
  await member.getByRole("button", { name: "참여", exact: true }).click();
  await expect(member.getByTestId("join-notice")).toBeVisible();
  await member.goto("/exam-dates");
  await expect(member.getByTestId("exam-date-list")).toContainText("Exam prep 수업에서 지정");
  // A class's date is the instructor's to change: the member has no delete button for it.
  await expect(member.getByTestId("exam-date-list").getByRole("button")).toHaveCount(0);
  await member.goto("/");
  await expect(member.getByTestId("exam-pace")).toContainText("(25일 남음)");

  // The instructor sees the class's readiness per concept on that day.
  await teacher.reload();
  await expect(teacher.getByText(/averaged over 1 student\. Weakest first\./)).toBeVisible();
  await expect(teacher.getByTestId("class-readiness").locator("tbody tr").first()).toBeVisible();
  await expectNoSeriousViolations(teacher);
});

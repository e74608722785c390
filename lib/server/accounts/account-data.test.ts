import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { deleteAccount } from "./account-delete";
import { exportAccountData, exportJson, reviewHistoryCsv } from "./account-export";
import { classResultsCsv } from "../classes/class-results-csv";
import { createClass, joinClass } from "../classes/classes";
import { makeUser } from "../testing/classes-fixtures";
import { db } from "../platform/db";
import { AppError } from "@/lib/server-shared/errors";
import { registerUser } from "./users";

/**
 * Export and erasure on the real SQLite database. The rows are made directly where the review loop
 * is not the point (a review-log row, an exam, a problem report), including the tables that have no
 * foreign key to the user and so are not removed by cascade.
 */

const PASSWORD = "correct horse battery";
const headers = () => new Headers({ "x-forwarded-for": `10.1.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` });

async function studentWithData() {
  const email = `data-${randomUUID().slice(0, 8)}@example.com`;
  const user = await registerUser({ email, password: PASSWORD, name: "=HYPERLINK(\"http://evil\")" });
  const teacher = await makeUser("instructor");
  const created = await createClass(teacher, { name: "Data class" });
  const klass = await db.class.findUniqueOrThrow({ where: { id: created.id }, select: { joinCode: true } });
  await joinClass({ id: user.id, role: "student" }, klass.joinCode);
  await db.reviewLog.create({
    data: {
      reviewId: `r${randomUUID().replaceAll("-", "")}`, userId: user.id, cardId: "c1", deckId: "d1", concept: "=cmd|' /C calc'!A0", variantSeed: 7n,
      templateVersion: "v1", response: "42", grade: 4, reviewDay: 1, counted: true, stateBefore: "{}", stateAfter: "{}",
    },
  });
  await db.exam.create({ data: { userId: user.id, deckIds: "[]", questionCount: 1, timeLimitSeconds: 60, deadlineAt: new Date() } });
  await db.problemReport.create({ data: { reviewId: "r1", userId: user.id, cardId: "c1", deckId: "d1", variantSeed: 1n, templateVersion: "v1", params: "{}", message: "typo" } });
  return { user, email, teacher, classId: created.id };
}

describe("exportAccountData", () => {
  it("holds the person's rows and never the password hash; the CSV escapes formulas", async () => {
    const { user, email } = await studentWithData();
    const data = await exportAccountData(user.id);
    expect(data.account.email).toBe(email);
    expect(data.account).not.toHaveProperty("passwordHash");
    expect(exportJson(data)).not.toContain("argon2");
    expect(data.reviewLog.map((row) => row.response)).toEqual(["42"]);
    expect(data.exams).toHaveLength(1);
    expect(data.classes.map((row) => row.class.name)).toEqual(["Data class"]);
    expect(data.problemReports.map((row) => row.message)).toEqual(["typo"]);
    expect(JSON.parse(exportJson(data)).reviewLog[0].variantSeed).toBe("7");
    const csv = await reviewHistoryCsv(user.id);
    expect(csv).toContain(`"'=cmd|' /C calc'!A0"`);
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(2);
  });

  it("the class results CSV names the member with the formula defused", async () => {
    const { email, teacher, classId } = await studentWithData();
    const { csv } = await classResultsCsv(teacher, classId);
    const member = csv.split("\r\n").find((line) => line.includes(email));
    expect(member).toMatch(/^member,"'=HYPERLINK\(""http:\/\/evil""\)",/);
  });
});

describe("deleteAccount", () => {
  it("refuses a wrong password and changes nothing", async () => {
    const { user } = await studentWithData();
    await expect(deleteAccount(user.id, "wrong password", headers())).rejects.toMatchObject({ status: 403 });
    expect(await db.user.count({ where: { id: user.id } })).toBe(1);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(1);
  });

  it("removes the account and every row tied to it, cascaded or not", async () => {
    const { user, classId } = await studentWithData();
    await deleteAccount(user.id, PASSWORD, headers());
    const left = await Promise.all([
      db.user.count({ where: { id: user.id } }),
      db.reviewLog.count({ where: { userId: user.id } }),
      db.exam.count({ where: { userId: user.id } }),
      db.classMember.count({ where: { userId: user.id } }),
      db.problemReport.count({ where: { userId: user.id } }),
    ]);
    expect(left).toEqual([0, 0, 0, 0, 0]);
    expect(await db.class.count({ where: { id: classId } })).toBe(1); // the instructor's class stays
  });

  it("refuses an instructor who still owns a class", async () => {
    const email = `owner-${randomUUID().slice(0, 8)}@example.com`;
    const owner = await registerUser({ email, password: PASSWORD, name: "Owner" });
    await db.user.update({ where: { id: owner.id }, data: { role: "instructor" } });
    await createClass({ id: owner.id, role: "instructor" }, { name: "Still mine" });
    const refusal = await deleteAccount(owner.id, PASSWORD, headers()).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ status: 409 });
    expect(await db.user.count({ where: { id: owner.id } })).toBe(1);
  });
});

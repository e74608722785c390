import { describe, expect, it } from "vitest";
import { createClass, generateJoinCode, joinClass } from "../classes/classes";
import { makeUser } from "../testing/classes-fixtures";
import { db } from "../platform/db";
import { AppError } from "@/lib/server-shared/errors";
import { JOIN_LIMIT } from "./join-throttle";

/**
 * Guessing join codes is slowed down per user, in the database (real SQLite, or PostgreSQL with
 * DEEPDRILL_TEST_DB=postgresql). Failures are recorded
 * at the real clock (the table is shared with other test files, and a record trims its kind's rows
 * older than the window); only reads look ahead in time.
 */

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** A well-formed code that opens no class. */
async function wrongCode(): Promise<string> {
  for (;;) {
    const code = generateJoinCode();
    if (!(await db.class.findUnique({ where: { joinCode: code } }))) return code;
  }
}

const seconds = (start: Date, s: number) => new Date(start.getTime() + s * 1000);

describe("guessing join codes", () => {
  it("ten wrong codes are 404s; the eleventh attempt is a 429 until the first guess leaves the window, even with the right code", async () => {
    const teacher = await makeUser("instructor");
    const { joinCode } = await createClass(teacher, { name: "Guarded" });
    const student = await makeUser();
    const start = new Date();
    for (let i = 0; i < JOIN_LIMIT.maxFailures; i += 1) {
      expect((await failure(joinClass(student, await wrongCode(), seconds(start, i)))).status).toBe(404);
    }

    const refused = await failure(joinClass(student, await wrongCode(), seconds(start, 10)));
    expect(refused.status).toBe(429);
    // The first guess (at `start`) leaves the 15-minute window at start + 900 s: 890 s from now.
    expect(refused.headers).toEqual({ "Retry-After": "890" });
    expect(refused.message).toBe("Too many wrong join codes. Check the code with your instructor and try again in 15 minute(s).");
    // Guessing stays slow only if a right code waits too.
    expect((await failure(joinClass(student, joinCode, seconds(start, 11)))).status).toBe(429);
    const almost = await failure(joinClass(student, joinCode, seconds(start, 899)));
    expect(almost.headers).toEqual({ "Retry-After": "1" });

    expect((await joinClass(student, joinCode, seconds(start, 900))).joined).toBe(true);
  });

  it("a right code after wrong ones within the limit joins, and the wrong ones still count", async () => {
    const teacher = await makeUser("instructor");
    const { joinCode } = await createClass(teacher, { name: "Typo-prone" });
    const student = await makeUser();
    const start = new Date();
    for (let i = 0; i < JOIN_LIMIT.maxFailures - 1; i += 1) await failure(joinClass(student, await wrongCode(), seconds(start, i)));
    expect((await joinClass(student, joinCode, seconds(start, 20))).joined).toBe(true);
    // Joining did not wipe the count: a valid code interleaved with guesses buys nothing.
    expect((await failure(joinClass(student, await wrongCode(), seconds(start, 21)))).status).toBe(404);
    expect((await failure(joinClass(student, await wrongCode(), seconds(start, 22)))).status).toBe(429);
  });

  it("input that cannot be a code is a typo, not a guess, and is not counted; the limit is per user", async () => {
    const student = await makeUser();
    const other = await makeUser();
    const start = new Date();
    for (let i = 0; i < 2 * JOIN_LIMIT.maxFailures; i += 1) expect((await failure(joinClass(student, "nonsense", seconds(start, 0)))).status).toBe(404);
    for (let i = 0; i < JOIN_LIMIT.maxFailures; i += 1) await failure(joinClass(other, await wrongCode(), seconds(start, 0)));
    expect((await failure(joinClass(other, await wrongCode(), seconds(start, 1)))).status).toBe(429);
    expect((await failure(joinClass(student, await wrongCode(), seconds(start, 1)))).status).toBe(404);
  });

  it("of 30 parallel wrong codes from one user, at most 10 are looked up (404); the rest are refused (429) unchecked", async () => {
    const student = await makeUser();
    const codes = await Promise.all(Array.from({ length: 30 }, () => wrongCode()));
    const now = new Date();
    const results = await Promise.allSettled(codes.map((code) => joinClass(student, code, now)));
    const statuses = results.map((result) => (result.status === "rejected" && result.reason instanceof AppError ? result.reason.status : result.status));
    // A 404 is a code that was looked up; checking before recording let all 30 through.
    expect(statuses.filter((status) => status === 404)).toHaveLength(JOIN_LIMIT.maxFailures);
    expect(statuses.filter((status) => status === 429)).toHaveLength(30 - JOIN_LIMIT.maxFailures);
  });
});

import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { registerSchema } from "@/lib/schemas/account";
import { db } from "./db";
import { clearFailures, recordFailure } from "../accounts/login-throttle";
import { registerUser, setLocale, setRole } from "../accounts/users";
import { writeTransaction } from "./write-tx";

/**
 * All queries share one SQLite connection and only transactions take the adapter's lock. A write
 * that is not in a transaction of its own runs inside whichever transaction is open at that moment,
 * and is undone when that one rolls back. Each case here writes while another transaction is open
 * and then rolls back; the write must still be there afterwards.
 */
async function writeDuringAnotherRollback(write: () => Promise<unknown>): Promise<void> {
  let opened!: () => void;
  let release!: () => void;
  const isOpen = new Promise<void>((resolve) => (opened = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const doomed = writeTransaction(async (tx) => {
    await tx.user.count(); // BEGIN has run: the connection is inside this transaction now
    opened();
    await released;
    throw new Error("rolled back on purpose");
  });
  await isOpen;
  const writing = write();
  // Long enough for a write that does not wait for the lock to reach the connection.
  await new Promise((resolve) => setTimeout(resolve, 100));
  release();
  await expect(doomed).rejects.toThrow("rolled back on purpose");
  await writing;
}

const unique = () => randomUUID().slice(0, 8);
const registration = (email: string) => registerSchema.parse({ email, password: "long enough", name: "Test" });

describe("writes outside the review loop survive another request's rollback", () => {
  it("clearing the login throttle after a successful sign-in", async () => {
    const email = `w-${unique()}@example.com`;
    await recordFailure(email, `ip-${unique()}`, new Date());
    await writeDuringAnotherRollback(() => clearFailures(email));
    expect(await db.loginFailure.count({ where: { key: `email:${email}` } })).toBe(0);
  });

  it("a registration", async () => {
    const email = `w-${unique()}@example.com`;
    await writeDuringAnotherRollback(() => registerUser(registration(email)));
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("a change of language and of role", async () => {
    const email = `w-${unique()}@example.com`;
    const user = await registerUser(registration(email));
    await writeDuringAnotherRollback(() => setLocale(user.id, "ko"));
    await writeDuringAnotherRollback(() => setRole(email, "instructor"));
    expect(await db.user.findUnique({ where: { id: user.id }, select: { locale: true, role: true } })).toEqual({ locale: "ko", role: "instructor" });
  });
});

import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../platform/db";
import { MAX_FAILURES } from "./login-throttle";
import { verifyPassword } from "./passwords";
import { authorizeCredentials, SignInThrottled } from "./sign-in";
import { registerUser } from "./users";

/** The real argon2 check, counting how many times it runs. */
function countingVerify() {
  const counter = { calls: 0 };
  const verify = (hash: string, password: string) => {
    counter.calls += 1;
    return verifyPassword(hash, password);
  };
  return { counter, verify };
}

const unique = () => randomUUID().slice(0, 8);

async function settle(attempts: Promise<unknown>[]) {
  const results = await Promise.allSettled(attempts);
  return {
    throttled: results.filter((r) => r.status === "rejected" && r.reason instanceof SignInThrottled).length,
    refused: results.filter((r) => r.status === "fulfilled" && r.value === null).length,
    signedIn: results.filter((r) => r.status === "fulfilled" && r.value !== null).length,
    other: results.filter((r) => r.status === "rejected" && !(r.reason instanceof SignInThrottled)),
  };
}

describe("authorizeCredentials under a concurrent burst", () => {
  it("lets at most 5 of 20 parallel wrong attempts for one e-mail reach the password check", async () => {
    const email = `burst-${unique()}@example.com`;
    await registerUser({ email, password: "right-password-1", name: "Burst" });
    const { counter, verify } = countingVerify();
    // Twenty addresses, so only the per-e-mail limit can stop them.
    const outcome = await settle(
      Array.from({ length: 20 }, (_, i) => authorizeCredentials({ email, password: `wrong-${i}` }, `ip-${unique()}`, verify)),
    );
    expect(outcome.other).toEqual([]);
    expect(counter.calls).toBe(MAX_FAILURES);
    expect(outcome).toMatchObject({ refused: MAX_FAILURES, throttled: 20 - MAX_FAILURES, signedIn: 0 });
    // The right password is refused too while the e-mail is locked, without being checked.
    await expect(authorizeCredentials({ email, password: "right-password-1" }, `ip-${unique()}`, verify)).rejects.toBeInstanceOf(SignInThrottled);
    expect(counter.calls).toBe(MAX_FAILURES);
  });

  it("counts the e-mail as next-auth parsed it: case and spaces do not make a new bucket", async () => {
    const email = `case-${unique()}@example.com`;
    const { counter, verify } = countingVerify();
    const spellings = [email, email.toUpperCase(), ` ${email} `, `${email.slice(0, 3).toUpperCase()}${email.slice(3)}`];
    await settle(Array.from({ length: 20 }, (_, i) => authorizeCredentials({ email: spellings[i % spellings.length], password: "guess" }, `ip-${unique()}`, verify)));
    expect(counter.calls).toBe(MAX_FAILURES);
  });

  it("limits one address guessing at many e-mails", async () => {
    const ip = `ip-${unique()}`;
    const { counter, verify } = countingVerify();
    await settle(Array.from({ length: 20 }, () => authorizeCredentials({ email: `spray-${unique()}@example.com`, password: "guess" }, ip, verify)));
    expect(counter.calls).toBe(MAX_FAILURES);
  });

  it("a correct password signs in, leaves no failure behind for the e-mail, and keeps the address's other failures", async () => {
    const email = `ok-${unique()}@example.com`;
    const ip = `ip-${unique()}`;
    await registerUser({ email, password: "right-password-1", name: "Ok" });
    expect(await authorizeCredentials({ email, password: "wrong" }, ip)).toBeNull();
    expect(await authorizeCredentials({ email: `other-${unique()}@example.com`, password: "wrong" }, ip)).toBeNull();
    const user = await authorizeCredentials({ email, password: "right-password-1" }, ip);
    expect(user?.email).toBe(email);
    expect(await db.loginFailure.count({ where: { key: `email:${email}` } })).toBe(0);
    expect(await db.loginFailure.count({ where: { key: `ip:${ip}` } })).toBe(2);
  });

  it("a missing account and a wrong password look the same (null), and malformed credentials are not checked", async () => {
    const { counter, verify } = countingVerify();
    expect(await authorizeCredentials({ email: `nobody-${unique()}@example.com`, password: "x" }, `ip-${unique()}`, verify)).toBeNull();
    expect(counter.calls).toBe(1);
    expect(await authorizeCredentials({ email: ["a@example.com", "b@example.com"], password: "x" }, `ip-${unique()}`, verify)).toBeNull();
    expect(await authorizeCredentials(undefined, `ip-${unique()}`, verify)).toBeNull();
    expect(counter.calls).toBe(1);
  });
});

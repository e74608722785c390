import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { registerSchema } from "@/lib/schemas/account";
import { db } from "../platform/db";
import { AppError } from "@/lib/server-shared/errors";
import { verifyPassword } from "./passwords";
import { findLoginRecord, findUserById, registerUser, setRole } from "./users";

const email = () => `u-${randomUUID().slice(0, 8)}@example.com`;
const input = (address: string) => registerSchema.parse({ email: address, password: "long enough", name: "Test" });

describe("registerUser", () => {
  it("stores an argon2id hash, never the password, and makes a student", async () => {
    const address = email();
    const user = await registerUser(input(address));
    expect(user.role).toBe("student");
    const record = await findLoginRecord(address);
    expect(record?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(record?.passwordHash).not.toContain("long enough");
    expect(await verifyPassword(record!.passwordHash, "long enough")).toBe(true);
    expect(await verifyPassword(record!.passwordHash, "long enougH")).toBe(false);
  });

  it("refuses a second account for the same address with 409, even when two race", async () => {
    const address = email();
    const results = await Promise.allSettled([registerUser(input(address)), registerUser(input(address))]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(AppError);
    expect((rejected.reason as AppError).status).toBe(409);
    expect(await db.user.count({ where: { email: address } })).toBe(1);
  });

  it("keeps a valid time zone and replaces an invalid one with UTC", async () => {
    const seoul = await registerUser({ ...input(email()), timezone: "Asia/Seoul" });
    const bogus = await registerUser({ ...input(email()), timezone: "Mars/Olympus" });
    expect(seoul.timezone).toBe("Asia/Seoul");
    expect(bogus.timezone).toBe("UTC");
  });
});

describe("setRole", () => {
  it("promotes by e-mail in any letter case and the change is visible on the next load", async () => {
    const address = email();
    const user = await registerUser(input(address));
    await setRole(address.toUpperCase(), "instructor");
    expect((await findUserById(user.id))?.role).toBe("instructor");
  });

  it("says which e-mail is unknown", async () => {
    await expect(setRole("nobody@example.com", "instructor")).rejects.toThrow("No user with e-mail nobody@example.com.");
  });
});

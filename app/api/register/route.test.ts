import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DEFAULT_REGISTRATIONS_PER_HOUR, registerLimit } from "@/lib/server/accounts/register-throttle";
import { POST } from "./route";

/** POST /api/register through the real route handler and the real database. */
const register = (address: string, body: unknown) =>
  POST(
    new Request("http://localhost/api/register", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": address },
      body: JSON.stringify(body),
    }),
    undefined,
  );

const unique = () => randomUUID().slice(0, 8);

describe("POST /api/register per address", () => {
  it(`answers 429 with Retry-After after ${DEFAULT_REGISTRATIONS_PER_HOUR} attempts from one address, even racing`, async () => {
    const address = `198.51.100.${unique()}`;
    const attempts = DEFAULT_REGISTRATIONS_PER_HOUR + 5;
    const statuses = await Promise.all(
      Array.from({ length: attempts }, () => register(address, { email: `reg-${unique()}@example.com`, password: "long-enough-1", name: "R" }).then((r) => r.status)),
    );
    expect(statuses.filter((status) => status === 201)).toHaveLength(DEFAULT_REGISTRATIONS_PER_HOUR);
    expect(statuses.filter((status) => status === 429)).toHaveLength(5);
    const refused = await register(address, { email: `reg-${unique()}@example.com`, password: "long-enough-1", name: "R" });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(3500);
    expect((await refused.json()).error).toMatch(/Too many new accounts.*minute/);
    // Another address is not affected.
    expect((await register(`203.0.113.${unique()}`, { email: `reg-${unique()}@example.com`, password: "long-enough-1", name: "R" })).status).toBe(201);
  });

  it("a duplicate counts as an attempt too (probing which e-mails exist is limited the same way)", async () => {
    const address = `198.51.100.${unique()}`;
    const email = `dup-${unique()}@example.com`;
    expect((await register(address, { email, password: "long-enough-1", name: "D" })).status).toBe(201);
    const statuses: number[] = [];
    for (let i = 1; i < DEFAULT_REGISTRATIONS_PER_HOUR + 1; i += 1) statuses.push((await register(address, { email, password: "long-enough-1", name: "D" })).status);
    expect(statuses.slice(0, -1).every((status) => status === 409)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it("invalid input is refused before it counts", async () => {
    const address = `198.51.100.${unique()}`;
    for (let i = 0; i < DEFAULT_REGISTRATIONS_PER_HOUR + 2; i += 1) expect((await register(address, { email: "not-an-email" })).status).toBe(422);
    expect((await register(address, { email: `ok-${unique()}@example.com`, password: "long-enough-1", name: "O" })).status).toBe(201);
  });

  it("reads its limit from DEEPDRILL_REGISTRATIONS_PER_HOUR and ignores nonsense", () => {
    expect(registerLimit({ DEEPDRILL_REGISTRATIONS_PER_HOUR: "200" }).maxFailures).toBe(200);
    expect(registerLimit({ DEEPDRILL_REGISTRATIONS_PER_HOUR: "lots" }).maxFailures).toBe(DEFAULT_REGISTRATIONS_PER_HOUR);
    expect(registerLimit({}).maxFailures).toBe(DEFAULT_REGISTRATIONS_PER_HOUR);
  });
});

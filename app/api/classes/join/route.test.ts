import { describe, expect, it, vi } from "vitest";

/**
 * POST /api/classes/join under guessing, through the real route handler (session → data layer →
 * status and headers). Only next-auth's session lookup is replaced; the user is loaded from the
 * database as in production.
 */

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", () => ({
  getServerSession: vi.fn(async () => (session.userId ? { user: { id: session.userId } } : null)),
}));
vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET ??= "test-secret-for-route-tests";
});

const { makeUser } = await import("@/lib/server/testing/classes-fixtures");
const { createClass, generateJoinCode } = await import("@/lib/server/classes/classes");
const { JOIN_LIMIT } = await import("@/lib/server/accounts/join-throttle");
const { POST } = await import("./route");

const join = (code: string) =>
  POST(new Request("http://localhost/api/classes/join", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code }) }), undefined);

describe("POST /api/classes/join", () => {
  it("answers the eleventh wrong code with 429, a Retry-After within the window and a message a person can act on", async () => {
    const teacher = await makeUser("instructor");
    const { joinCode } = await createClass(teacher, { name: "Route guard" });
    const student = await makeUser();
    session.userId = student.id;

    const statuses: number[] = [];
    for (let i = 0; i < JOIN_LIMIT.maxFailures; i += 1) statuses.push((await join(generateJoinCode())).status);
    expect(statuses).toEqual(Array(JOIN_LIMIT.maxFailures).fill(404));

    const refused = await join(generateJoinCode());
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("Retry-After"));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(JOIN_LIMIT.windowMs / 1000 - 60);
    expect(retryAfter).toBeLessThanOrEqual(JOIN_LIMIT.windowMs / 1000);
    expect(await refused.json()).toEqual({ error: "Too many wrong join codes. Check the code with your instructor and try again in 15 minute(s).", code: "class.joinThrottled", params: { minutes: 15 } });
    // The right code waits as well.
    expect((await join(joinCode)).status).toBe(429);
  });
});

import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { FAILURE_WINDOW_MS, MAX_FAILURES, clearFailures, clientAddress, recordFailure, retryAfterSeconds } from "./login-throttle";

const fresh = () => ({ email: `t-${randomUUID().slice(0, 8)}@example.com`, ip: `ip-${randomUUID().slice(0, 8)}` });

describe("login throttle", () => {
  it("allows attempts until the fifth failure, then asks to wait until the oldest leaves the window", async () => {
    const { email, ip } = fresh();
    const start = new Date("2026-01-01T00:00:00Z");
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect(await retryAfterSeconds(email, ip, start)).toBe(0);
      await recordFailure(email, ip, new Date(start.getTime() + i * 60_000));
    }
    const now = new Date(start.getTime() + 5 * 60_000);
    // The first failure was at `start`; it leaves the 15-minute window at start + 15 min.
    expect(await retryAfterSeconds(email, ip, now)).toBe((FAILURE_WINDOW_MS - 5 * 60_000) / 1000);
    const later = new Date(start.getTime() + FAILURE_WINDOW_MS + 1);
    expect(await retryAfterSeconds(email, ip, later)).toBe(0);
  });

  it("counts failures per address across different e-mails", async () => {
    const { ip } = fresh();
    const now = new Date("2026-02-01T00:00:00Z");
    for (let i = 0; i < MAX_FAILURES; i++) await recordFailure(fresh().email, ip, now);
    expect(await retryAfterSeconds(fresh().email, ip, now)).toBeGreaterThan(0);
  });

  it("a successful sign-in clears the e-mail's failures", async () => {
    const { email, ip } = fresh();
    const now = new Date("2026-03-01T00:00:00Z");
    for (let i = 0; i < MAX_FAILURES; i++) await recordFailure(email, `${ip}-${i}`, now);
    expect(await retryAfterSeconds(email, "elsewhere", now)).toBeGreaterThan(0);
    await clearFailures(email);
    expect(await retryAfterSeconds(email, "elsewhere", now)).toBe(0);
  });
});

describe("clientAddress", () => {
  const headers = (forwarded: string) => new Headers({ "x-forwarded-for": forwarded });

  it("reads the entry the nearest proxy appended, not the one the client sent", () => {
    // The client sent "6.6.6.6"; the one reverse proxy appended the address it saw.
    expect(clientAddress(headers("6.6.6.6, 203.0.113.7"), {})).toBe("203.0.113.7");
    expect(clientAddress(headers("203.0.113.7"), {})).toBe("203.0.113.7");
  });

  it("counts DEEPDRILL_TRUSTED_PROXIES hops from the right (a CDN in front of the reverse proxy: 2)", () => {
    const env = { DEEPDRILL_TRUSTED_PROXIES: "2" };
    expect(clientAddress(headers("6.6.6.6, 203.0.113.7, 198.51.100.2"), env)).toBe("203.0.113.7");
    // Fewer entries than hops: the leftmost there is.
    expect(clientAddress(headers("203.0.113.7"), env)).toBe("203.0.113.7");
  });

  it("falls back to X-Real-IP, then to one shared bucket, and ignores a nonsense setting", () => {
    expect(clientAddress(new Headers({ "x-real-ip": "192.0.2.1" }), {})).toBe("192.0.2.1");
    expect(clientAddress(new Headers(), {})).toBe("local");
    expect(clientAddress(headers("6.6.6.6, 203.0.113.7"), { DEEPDRILL_TRUSTED_PROXIES: "zero" })).toBe("203.0.113.7");
  });
});

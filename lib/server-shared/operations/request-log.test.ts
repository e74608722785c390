import { describe, expect, it } from "vitest";
import { requestLogLine, routeOf } from "./request-log";

describe("routeOf", () => {
  it.each([
    ["/api/review/r90e0302765e04466855704034a19b8b2/grade", "/api/review/:id/grade"],
    ["/author/classes/cmxcccfwl0000bq7du85ltt74", "/author/classes/:id"],
    ["/api/exams/42?answer=secret", "/api/exams/:id"],
    ["/login?callbackUrl=%2Fstats#top", "/login"],
    ["/author/classes/3f2b8c1e-1d2a-4b5c-9d8e-7f6a5b4c3d2e", "/author/classes/:id"],
    ["/", "/"],
    ["/decks/islp-ch10", "/decks/islp-ch10"],
  ])("%s → %s", (target, route) => {
    expect(routeOf(target)).toBe(route);
  });
});

describe("requestLogLine", () => {
  it("is one line of JSON with the fields an operator reads", () => {
    const line = requestLogLine({ method: "POST", route: "/api/review/:id/grade", status: 200, ms: 12.345, userId: "u1" }, new Date("2026-12-06T12:00:00Z"));
    expect(line.endsWith("\n")).toBe(true);
    expect(line.trimEnd()).not.toContain("\n");
    expect(JSON.parse(line)).toEqual({ time: "2026-12-06T12:00:00.000Z", kind: "request", method: "POST", route: "/api/review/:id/grade", status: 200, ms: 12.3, userId: "u1" });
  });
});

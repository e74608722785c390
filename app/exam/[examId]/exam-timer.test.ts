import { describe, expect, it } from "vitest";
import { crossedThreshold, formatClock, remainingMs } from "./exam-timer";

describe("exam clock", () => {
  it.each([
    [300_000, "5:00"],
    [299_001, "5:00"],
    [299_000, "4:59"],
    [65_000, "1:05"],
    [999, "0:01"],
    [0, "0:00"],
    [-5, "0:00"],
    [3_723_000, "1:02:03"],
  ])("formatClock(%i) = %s", (ms, text) => {
    expect(formatClock(ms)).toBe(text);
  });

  it("follows the server's clock, not the browser's", () => {
    const deadline = "2026-03-02T09:05:00.000Z";
    const browserNow = Date.parse("2026-03-02T09:00:00.000Z");
    // The browser's clock is 20 s slow: 20 s less remain than it thinks.
    expect(remainingMs(deadline, browserNow, 20_000)).toBe(280_000);
    expect(remainingMs(deadline, browserNow + 400_000, 0)).toBe(0);
  });

  it.each([
    ["5 min crossed", 300_500, 299_900, 300],
    ["1 min crossed", 61_000, 60_000, 60],
    ["no threshold", 250_000, 249_000, null],
    ["several at once: the latest only", 700_000, 25_000, 30],
    ["10 s crossed", 10_500, 9_500, 10],
  ])("%s", (_why, before, now, expected) => {
    expect(crossedThreshold(before, now)).toBe(expected);
  });
});

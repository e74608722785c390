import { describe, expect, it } from "vitest";
import { formatDuration, formatEstimate } from "./format";

describe("formatDuration (measured times)", () => {
  it.each([
    [3_400, "3.4 s", "3.4초"],
    [9_960, "10 s", "10초"], // rounds to 10.0 s: shown in whole seconds
    [59_400, "59 s", "59초"],
    [59_600, "1 min", "1분"], // never "60 s"
    [60_000, "1 min", "1분"],
    [95_000, "1 min 35 s", "1분 35초"],
    [419_700, "7 min", "7분"], // never "6 min 60 s"
  ])("%d ms → %s / %s", (ms, en, ko) => {
    expect(formatDuration(ms, "en")).toBe(en);
    expect(formatDuration(ms, "ko")).toBe(ko);
  });
});

describe("formatEstimate (time left)", () => {
  it.each([
    [800, "5 s"],
    [12_400, "10 s"],
    [57_000, "55 s"],
    [58_000, "1 min"],
    [65_000, "1 min 10 s"],
    [418_000, "7 min"],
    [1_799_000, "30 min"],
  ])("%d ms → %s", (ms, en) => {
    expect(formatEstimate(ms, "en")).toBe(en);
  });

  it("never reads 60 s, whatever the milliseconds", () => {
    for (let ms = 0; ms <= 20 * 60_000; ms += 113) {
      expect(formatEstimate(ms, "en")).not.toMatch(/\b60 s/);
      expect(formatDuration(ms, "en")).not.toMatch(/\b60 s/);
      expect(formatEstimate(ms, "ko")).not.toMatch(/60초/);
    }
  });
});

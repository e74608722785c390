import { describe, expect, it } from "vitest";
import { formatWhen } from "./format-when";

describe("formatWhen", () => {
  const instant = "2026-03-02T23:30:00.000Z";

  it("shows the instant on the reader's clock: the next morning in Seoul, the same evening in UTC", () => {
    expect(formatWhen(instant, "en", "Asia/Seoul")).toContain("8:30");
    expect(formatWhen(instant, "en", "Asia/Seoul")).toContain("Mar 3");
    expect(formatWhen(instant, "en", "UTC")).toContain("11:30");
    expect(formatWhen(instant, "en", "UTC")).toContain("Mar 2");
  });

  it("formats a date alone, and falls back to UTC for a zone it does not know", () => {
    expect(formatWhen(instant, "en", "Asia/Seoul", "date")).toBe("Mar 3, 2026");
    expect(formatWhen(instant, "en", "Not/AZone")).toBe(formatWhen(instant, "en", "UTC"));
  });
});

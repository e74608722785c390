import { describe, expect, it } from "vitest";
import { countOf, formatCount, formatValue } from "./localized";

describe("numbers in running text", () => {
  it.each([
    [10_000, "en", "10,000"],
    [10_000, "ko", "10,000"],
    [235_146, "en", "235,146"],
    [1_051, "ko", "1,051"],
    [999, "en", "999"],
    [1_234.6, "en", "1,235"],
  ] as const)("formatCount(%d, %s) → %s", (count, locale, text) => {
    expect(formatCount(count, locale)).toBe(text);
  });

  it.each([
    [1, "epoch", "1 epoch"],
    [3, "epoch", "3 epochs"],
    [10_000, "digit", "10,000 digits"],
  ] as const)("countOf(%d, %s) → %s", (count, noun, text) => {
    expect(countOf(count, noun)).toBe(text);
  });

  it.each([
    [0.0123, "decimal", "0.012", "two significant digits below 100"],
    [0.00012, "decimal", "1.2e-4", "exponent below 0.001"],
    [1234.56, "decimal", "1,234.6", "grouped, one decimal from 100 up"],
    [235_146, "integer", "235,146", "parameter counts"],
    [0.9712, "percent", "97.1%", "accuracy"],
    [Number.NaN, "integer", "NaN", "a missing figure shows as such"],
  ] as const)("formatValue(%d, %s) → %s (%s)", (value, style, text, _why) => {
    expect(formatValue(value, style, "en")).toBe(text);
    expect(formatValue(value, style, "ko")).toBe(text);
  });
});

import { describe, expect, it } from "vitest";
import { contrastRatio, hexToRgb } from "./color-contrast";

describe("WCAG contrast", () => {
  it("matches the reference values", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#000")).toBeCloseTo(21, 5);
    expect(contrastRatio("#6b7280", "#6b7280")).toBe(1);
    // #767676 is the lightest grey that passes 4.5:1 on white.
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#777777", "#ffffff")).toBeLessThan(4.5);
  });

  it("reads #rgb and #rrggbb, and refuses anything else", () => {
    expect(hexToRgb("#0f172a")).toEqual([15, 23, 42]);
    expect(hexToRgb("#fff")).toEqual([255, 255, 255]);
    expect(() => hexToRgb("#eef2ff80")).toThrow(/not a #rrggbb colour/);
  });
});

import { describe, expect, it } from "vitest";
import { formatNumber, formatTexNumber } from "./format-number";
import { formula } from "./formula";

describe("formatNumber", () => {
  it.each([
    [0, "0"],
    [31, "31"],
    [1_051, "1,051"],
    [235_146, "235,146"],
    [10_000_000_000, "10,000,000,000"],
    [-128, "-128"],
    [0.4, "0.4"],
    [12_345.5, "12,345.5"],
  ])("%d → %s", (n, text) => expect(formatNumber(n)).toBe(text));

  it("braces the separators for KaTeX", () => expect(formatTexNumber(200_960)).toBe("200{,}960"));
});

describe("formula", () => {
  it("renders one template as text and as KaTeX", () => {
    expect(formula`(${784} + 1) × ${256} = ${200_960}`).toEqual({
      text: "(784 + 1) × 256 = 200,960",
      tex: "(784 + 1) \\times 256 = 200{,}960",
    });
    expect(formula`${4}·${32}·(${32} + ${32}) + ${"8·"}${32} = ${8_448}`.tex).toBe(
      "4 \\cdot 32 \\cdot (32 + 32) + 8 \\cdot 32 = 8{,}448",
    );
    expect(formula`⌊(${32} − ${3})/${1}⌋ + 1`.tex).toBe("\\lfloor (32 - 3)/1 \\rfloor + 1");
  });
});

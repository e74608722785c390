import { describe, expect, it } from "vitest";
import { readAsForDisplay } from "./read-as";

describe("readAsForDisplay", () => {
  it("groups whole numbers by thousands in either language", () => {
    expect(readAsForDisplay("235146", "en")).toBe("235,146");
    expect(readAsForDisplay("235146", "ko")).toBe("235,146");
    expect(readAsForDisplay("-1234", "en")).toBe("-1,234");
  });

  it("leaves short numbers, decimals, shapes and words as they were read", () => {
    for (const value of ["999", "0.25", "1234.5", "(28, 28, 32)", "true", "relu", ""]) expect(readAsForDisplay(value, "en")).toBe(value);
  });
});

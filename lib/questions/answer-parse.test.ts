import { describe, expect, it } from "vitest";
import { parseBoolean, parseChoice, parseMatrix, parseNumber, parseShape } from "./answer-parse";

describe("parseNumber", () => {
  it.each<[string, number, string]>([
    ["235146", 235146, "plain digits"],
    ["235,146", 235146, "comma thousands separator"],
    ["235 146", 235146, "space thousands separator"],
    ["235\u00a0146", 235146, "no-break space (French keyboards, pasted text)"],
    ["235\u202f146", 235146, "narrow no-break space"],
    ["235_146", 235146, "Python-style underscore"],
    ["1,234,567", 1234567, "several groups"],
    ["２３５１４６", 235146, "full-width digits from a Korean IME"],
    ["２３５，１４６", 235146, "full-width digits and comma"],
    ["-3", -3, "ASCII minus"],
    ["\u22123", -3, "Unicode minus sign"],
    ["－3", -3, "full-width hyphen-minus"],
    ["0.622", 0.622, "decimal"],
    [".5", 0.5, "leading point"],
    ["1e-3", 0.001, "exponent"],
    ["1/3", 1 / 3, "fraction"],
    ["-1/4", -0.25, "negative fraction"],
    ["40%", 0.4, "percentage"],
    ["  31  ", 31, "surrounding spaces"],
    ["31개", 31, "Korean counter suffix"],
    ["1,051.5", 1051.5, "grouped with decimals"],
  ])("reads %j as %d (%s)", (input, value) => {
    expect(parseNumber(input)?.value).toBeCloseTo(value, 12);
  });

  it.each<[string, string]>([
    ["23,5146", "a separator in the wrong place"],
    ["2351,46", "a group of two"],
    ["1,5", "a decimal comma is ambiguous"],
    ["1,,000", "doubled separator"],
    ["1, 000", "mixed separators"],
    ["1,000 000", "mixed separators"],
    ["abc", "words"],
    ["12abc", "trailing junk"],
    ["--3", "double sign"],
    ["1/0", "division by zero"],
    ["", "empty"],
    ["3.1.4", "two points"],
  ])("rejects %j (%s)", (input) => {
    expect(parseNumber(input)).toBeNull();
  });

  it("says how it read the input", () => {
    expect(parseNumber("235,146")?.readAs).toBe("235146");
    expect(parseNumber("1/3")?.readAs).toBe("1/3 = 0.333333");
    expect(parseNumber("40%")?.readAs).toBe("40% = 0.4");
  });
});

describe("parseShape", () => {
  it.each<[string, number[]]>([
    ["(785, 256)", [785, 256]],
    ["785×256", [785, 256]],
    ["785 × 256", [785, 256]],
    ["785x256", [785, 256]],
    ["785X256", [785, 256]],
    ["785*256", [785, 256]],
    ["[785,256]", [785, 256]],
    ["（785，256）", [785, 256]],
    ["785, 256", [785, 256]],
    ["(16, 16, 32)", [16, 16, 32]],
    ["(None, 16, 16, 32)", [16, 16, 32]],
    ["(1024,)", [1024]],
    ["1024", [1024]],
  ])("reads %j", (input, shape) => {
    expect(parseShape(input)).toEqual(shape);
  });

  it.each(["", "abc", "(785, abc)", "(0, 3)", "785 256", "(1.5, 2)", "(-1, 3)", "785 by 256"])("rejects %j", (input) => {
    expect(parseShape(input)).toBeNull();
  });
});

describe("parseMatrix", () => {
  it.each<[string, number[][]]>([
    ["[[1, 2], [3, 4]]", [[1, 2], [3, 4]]],
    ["[[1,2],[3,4]]", [[1, 2], [3, 4]]],
    ["1 2; 3 4", [[1, 2], [3, 4]]],
    ["1, 2; 3, 4", [[1, 2], [3, 4]]],
    ["1 2\n3 4", [[1, 2], [3, 4]]],
    ["[[−1, 0], [2, -3]]", [[-1, 0], [2, -3]]],
    ["[[0.5]]", [[0.5]]],
  ])("reads %j", (input, matrix) => {
    expect(parseMatrix(input)).toEqual(matrix);
  });

  it.each(["", "abc", "[[1, 2], [3]]", "1 2; 3", "[[1, x]]"])("rejects %j", (input) => {
    expect(parseMatrix(input)).toBeNull();
  });
});

describe("parseChoice", () => {
  it.each<[string, number]>([
    ["B", 1],
    ["b", 1],
    ["(b)", 1],
    ["b)", 1],
    ["B.", 1],
    ["②", 1],
    ["2번", 1],
    ["2", 1],
    ["D", 3],
  ])("reads %j as option %d", (input, index) => {
    expect(parseChoice(input, 4)).toBe(index);
  });

  it.each(["E", "⑤", "5", "0", "AB", "?", ""])("rejects %j with 4 options", (input) => {
    expect(parseChoice(input, 4)).toBeNull();
  });
});

describe("parseBoolean", () => {
  it.each<[string, boolean]>([
    ["true", true],
    ["T", true],
    ["O", true],
    ["○", true],
    ["참", true],
    ["맞다", true],
    ["예", true],
    ["false", false],
    ["F", false],
    ["X", false],
    ["×", false],
    ["거짓", false],
    ["틀리다", false],
    ["아니오", false],
  ])("reads %j as %s", (input, value) => {
    expect(parseBoolean(input)).toBe(value);
  });

  it.each(["maybe", "", "??", "참거짓"])("rejects %j", (input) => {
    expect(parseBoolean(input)).toBeNull();
  });
});

describe("ambiguous separators", () => {
  it("never reads a decimal comma as thousands", () => {
    expect(parseNumber("0,622")).toBeNull();
    expect(parseShape("1,024")).toBeNull();
    expect(parseNumber("1,024")?.value).toBe(1024);
  });
});

describe("parseNumber: thousands written with k (the notes' 60k)", () => {
  it.each<[string, number | null, string | null]>([
    ["60k", 60000, "60k = 60000"],
    ["60 K", 60000, "60k = 60000"],
    ["1.5k", 1500, "1.5k = 1500"],
    ["-2k", -2000, "-2k = -2000"],
    ["k", null, null],
    ["60kk", null, null],
    ["60k%", null, null],
    ["1/2k", null, null],
  ])("%s reads as %s", (typed, value, readAs) => {
    const read = parseNumber(typed);
    expect(read?.value ?? null).toBe(value);
    expect(read?.readAs ?? null).toBe(readAs);
  });
});

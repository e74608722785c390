import { describe, expect, it } from "vitest";
import { toleranceForDecimals } from "../answer-values";
import { checkAnswer } from "../check-answer";
import type { ExpectedAnswer, MistakeValue } from "../types";
import { mistakeSpelling, precisionSlipSpelling } from "./answer-probes";

const feedback = { ko: "평균 풀링", en: "average pooling" };

describe("the harness's probes of a matrix answer", () => {
  const answer: ExpectedAnswer = { format: "matrix", value: [[6, 8], [9, 7]], tolerance: { absolute: 0, relative: 0 } };

  it("types a listed matrix mistake so that it gets its feedback, whatever its size", () => {
    for (const value of [[[3.25, 4.5], [5, 3.75]], [[6, 6, 8], [6, 5, 8], [9, 5, 7]]]) {
      const mistakes: MistakeValue[] = [{ value, feedback }];
      expect(checkAnswer({ expectedAnswer: answer, mistakes, choices: null }, mistakeSpelling(value))).toMatchObject({ status: "wrong", mistake: feedback });
    }
  });

  it("tries a fractional map at one decimal fewer, which must get the precision hint", () => {
    const fractional: ExpectedAnswer = { format: "matrix", value: [[1 / 3, 2], [0.25, -1.5]], tolerance: toleranceForDecimals(4), decimals: 4 };
    const slip = precisionSlipSpelling(fractional);
    expect(slip?.typed).toBe("[[0.333, 2], [0.25, -1.5]]");
    const result = checkAnswer({ expectedAnswer: fractional, mistakes: [], choices: null }, slip?.typed ?? "");
    expect(result).toMatchObject({ status: "invalid", reason: slip?.hint });
  });

  it("has no precision probe for an exact map, or one whose cells need no more decimals than typed", () => {
    expect(precisionSlipSpelling(answer)).toBeNull();
    expect(precisionSlipSpelling({ format: "matrix", value: [[0.5, 1]], tolerance: toleranceForDecimals(4), decimals: 4 })).toBeNull();
  });
});

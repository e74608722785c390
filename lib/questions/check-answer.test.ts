import { describe, expect, it } from "vitest";
import { expectedByLanguage, toleranceForDecimals } from "./answer-values";
import { checkAnswer } from "./check-answer";
import type { ExpectedAnswer, MistakeValue, Variant } from "./types";

const feedback = (en: string) => ({ ko: `(${en})`, en });

function variant(expectedAnswer: ExpectedAnswer, mistakes: MistakeValue[] = [], choices: Variant["choices"] = null): Pick<Variant, "expectedAnswer" | "mistakes" | "choices"> {
  return { expectedAnswer, mistakes, choices };
}

describe("checkAnswer: integers (the MNIST network's 235,146)", () => {
  const mnist = variant({ format: "integer", value: 235146 }, [{ value: 235136, feedback: feedback("forgot the biases") }]);
  it.each<[string, "correct" | "wrong" | "invalid", string | null, string]>([
    ["235146", "correct", "235146", "plain"],
    ["235,146", "correct", "235146", "comma separator"],
    ["235 146", "correct", "235146", "space separator"],
    ["２３５１４６", "correct", "235146", "full-width digits"],
    ["235146.0", "correct", "235146", "a decimal that is the integer"],
    ["235147", "wrong", "235147", "one off"],
    ["235,136", "wrong", "235136", "a listed mistake"],
    ["23,5146", "invalid", null, "separator in the wrong place"],
    ["two hundred", "invalid", null, "words"],
    ["", "invalid", null, "empty"],
  ])("%j → %s (%s)", (input, status, readAs) => {
    const result = checkAnswer(mnist, input);
    expect(result.status).toBe(status);
    expect(result.readAs).toBe(readAs);
    expect(result.expected).toBe("235,146");
  });

  it("reports a matched mistake's feedback with a wrong answer only", () => {
    expect(checkAnswer(mnist, "235 136").mistake).toEqual(feedback("forgot the biases"));
    expect(checkAnswer(mnist, "235147").mistake).toBeUndefined();
    expect(checkAnswer(mnist, "xyz").reason?.en).toMatch(/Couldn't read a number/);
  });
});

describe("checkAnswer: decimals with tolerance (sigmoid to 3 places)", () => {
  const sigmoid = variant({ format: "number", value: 1 / (1 + Math.exp(-0.5)), tolerance: toleranceForDecimals(3), decimals: 3 }); // 0.622459…
  it.each<[string, "correct" | "wrong" | "invalid"]>([
    ["0.622", "correct"],
    ["0.6225", "correct"],
    [".622", "correct"],
    ["0.623", "wrong"], // 0.000541 away: outside half a unit of the third place
    ["0.62", "invalid"], // the answer at two decimals: a precision hint, asked again
    ["0.61", "wrong"],
    ["0,622", "invalid"],
  ])("%j → %s", (input, status) => {
    expect(checkAnswer(sigmoid, input).status).toBe(status);
  });
});

describe("checkAnswer: shapes (ISLP's W₁ is 785 × 256)", () => {
  const w1 = variant({ format: "shape", value: [785, 256] }, [{ value: [784, 256], feedback: feedback("no bias row") }]);
  it.each<[string, "correct" | "wrong" | "invalid"]>([
    ["(785, 256)", "correct"],
    ["785×256", "correct"],
    ["785x256", "correct"],
    ["[785,256]", "correct"],
    ["（785，256）", "correct"],
    ["(256, 785)", "wrong"],
    ["(784, 256)", "wrong"],
    ["(785, 256, 1)", "wrong"],
    ["785 by 256", "invalid"],
  ])("%j → %s", (input, status) => {
    expect(checkAnswer(w1, input).status).toBe(status);
  });

  it("shows how it read the shape, and the mistake", () => {
    expect(checkAnswer(w1, "785×256").readAs).toBe("(785, 256)");
    expect(checkAnswer(w1, "784x256").mistake).toEqual(feedback("no bias row"));
    expect(checkAnswer(w1, "(785, 256, 1)").mistake?.en).toMatch(/different number of dimensions/);
  });

  it("accepts a 1-D shape typed as a number with a separator", () => {
    const flat = variant({ format: "shape", value: [1024] });
    expect(checkAnswer(flat, "1,024").status).toBe("correct");
    expect(checkAnswer(flat, "(1024,)").status).toBe("correct");
    expect(checkAnswer(flat, "1024").expected).toBe("1,024");
  });

  // "5,568" splits into two valid dimensions (no leading zero), which is why it was once read as
  // the shape (5, 568): the flatten-size answers are shown exactly that way.
  it.each<[string, "correct" | "wrong" | "invalid", string]>([
    ["5,568", "correct", "as displayed"],
    ["５，５６８", "correct", "full-width, as a Korean keyboard types it"],
    ["5 568", "correct", "space separator"],
    ["(5568,)", "correct", "a 1-D shape in brackets"],
    ["(5, 568)", "wrong", "brackets make a 2-D shape"],
    ["5,569", "wrong", "one off, still read as a length"],
  ])("a flattened length of 5,568 typed %j → %s (%s)", (input, status) => {
    const flat = variant({ format: "shape", value: [5568] });
    expect(checkAnswer(flat, input).status).toBe(status);
  });

  it("keeps reading an unbracketed pair as a 2-D shape when the answer is 2-D", () => {
    expect(checkAnswer(variant({ format: "shape", value: [5, 568] }), "5,568").status).toBe("correct");
  });
});

describe("checkAnswer: matrices, choices, true/false, text", () => {
  it("grades a feature map", () => {
    const map = variant({ format: "matrix", value: [[1, -2], [0, 3]], tolerance: { absolute: 0, relative: 0 } });
    expect(checkAnswer(map, "[[1, -2], [0, 3]]").status).toBe("correct");
    expect(checkAnswer(map, "1 −2; 0 3").status).toBe("correct");
    expect(checkAnswer(map, "1 2; 0 3").status).toBe("wrong");
    expect(checkAnswer(map, "1 2 3").status).toBe("wrong");
    expect(checkAnswer(map, "[[1, 2], [3]]").status).toBe("invalid");
  });

  it("grades a choice by letter, circled number or the option's text", () => {
    const choices = [
      { letter: "A", text: { ko: "시그모이드", en: "sigmoid" } },
      { letter: "B", text: { ko: "ReLU", en: "ReLU" } },
      { letter: "C", text: { ko: "tanh", en: "tanh" } },
    ];
    const card = variant({ format: "choice", value: "B", optionCount: 3 }, [{ value: "A", feedback: feedback("that is the sigmoid") }], choices);
    expect(checkAnswer(card, "b").status).toBe("correct");
    expect(checkAnswer(card, "②").status).toBe("correct");
    expect(checkAnswer(card, "relu").status).toBe("correct");
    expect(checkAnswer(card, "A").mistake).toEqual(feedback("that is the sigmoid"));
    expect(checkAnswer(card, "D").status).toBe("invalid");
  });

  it("grades true/false the Korean way too", () => {
    const card = variant({ format: "boolean", value: false });
    expect(checkAnswer(card, "X").status).toBe("correct");
    expect(checkAnswer(card, "거짓").status).toBe("correct");
    expect(checkAnswer(card, "O").status).toBe("wrong");
    expect(checkAnswer(card, "글쎄").status).toBe("invalid");
  });

  it("compares text ignoring case and spacing", () => {
    const card = variant({ format: "text", accept: ["과대적합", "overfitting"] });
    expect(checkAnswer(card, "과대 적합").status).toBe("correct");
    expect(checkAnswer(card, "Overfitting.").status).toBe("correct");
    expect(checkAnswer(card, "과소적합").status).toBe("wrong");
  });

  it("never auto-grades a self-graded card", () => {
    expect(checkAnswer(variant({ format: "self", answer: { ko: "가", en: "a" } }), "anything").status).toBe("invalid");
  });
});

describe("checkAnswer: a right value at too low a precision gets a precision hint", () => {
  // Three decimals asked, the answer is 0.98901 (shown 0.989).
  const sigmoid = variant({ format: "number", value: 0.98901, tolerance: toleranceForDecimals(3), decimals: 3 });
  it.each<[string, "correct" | "wrong" | "invalid", boolean, string]>([
    ["0.989", "correct", false, "three decimals"],
    ["0.99", "invalid", true, "two decimals, the answer rounded: a slip of precision"],
    ["1", "invalid", true, "no decimals, still the answer rounded"],
    ["0.98", "wrong", false, "two decimals but not the answer rounded"],
    ["0.990", "wrong", false, "three decimals and wrong: not a precision slip"],
  ])("%j → %s (%s)", (input, status, hinted) => {
    const result = checkAnswer(sigmoid, input);
    expect(result.status).toBe(status);
    expect(result.reason?.en.includes("give 3 decimal places") ?? false).toBe(hinted);
  });
});

describe("checkAnswer: a feature map's listed mistakes (a misconception's whole map)", () => {
  // 4×4 → 2×2 max pooling; the averaged map (same size) and the stride-1 map (3×3) are listed.
  const pooled = variant({ format: "matrix", value: [[6, 8], [9, 7]], tolerance: { absolute: 0, relative: 0 } }, [
    { value: [[3.25, 4.5], [5, 3.75]], feedback: feedback("average pooling") },
    { value: [[6, 6, 8], [6, 5, 8], [9, 5, 7]], feedback: feedback("overlapping windows") },
  ]);
  it.each<[string, string | null, string]>([
    ["[[3.25, 4.5], [5, 3.75]]", "average pooling", "the averaged map"],
    ["3.25 4.5; 5 3.75", "average pooling", "typed as rows"],
    ["6 6 8; 6 5 8; 9 5 7", "overlapping windows", "a listed map of another size is matched before the size remark"],
    ["[[3.25, 4.5], [5, 3.7]]", null, "one cell off: no mistake"],
  ])("%j → wrong with %s (%s)", (input, named) => {
    const result = checkAnswer(pooled, input);
    expect(result.status).toBe("wrong");
    expect(result.mistake?.en ?? null).toBe(named);
  });

  it("still says the size differs when no listed map has that size", () => {
    expect(checkAnswer(pooled, "1 2 3; 4 5 6; 7 8 9; 1 1 1").mistake?.en).toMatch(/different size/);
  });

  it("matches a fractional map's mistake at the answer's precision", () => {
    const map = variant({ format: "matrix", value: [[1 / 3, 1]], tolerance: toleranceForDecimals(4), decimals: 4 }, [{ value: [[2 / 3, 1]], feedback: feedback("flipped") }]);
    expect(checkAnswer(map, "0.6667 1").mistake?.en).toBe("flipped");
  });
});

describe("checkAnswer: a feature map's cells at too low a precision get the precision hint", () => {
  // Four decimals asked: [[0.33333…, 1.25], [−0.66667…, 2]].
  const map = variant({ format: "matrix", value: [[1 / 3, 1.25], [-2 / 3, 2]], tolerance: toleranceForDecimals(4), decimals: 4 }, [
    { value: [[0.3, 1.3], [-0.7, 2]], feedback: feedback("a listed mistake") },
  ]);
  it.each<[string, "correct" | "wrong" | "invalid", boolean, string]>([
    ["0.3333 1.25; -0.6667 2", "correct", false, "every cell at four decimals"],
    ["0.333 1.25; -0.667 2", "invalid", true, "some cells at three decimals, the answer rounded"],
    ["0.33 1.3; −0.67 2", "invalid", true, "rounded to two and one decimals"],
    ["0.3 1.3; -0.7 2", "wrong", false, "a listed mistake keeps its feedback"],
    ["0.333 1.25; -0.666 2", "wrong", false, "one cell rounded the wrong way: not a slip"],
    ["0.3333 1.25; -0.6667 3", "wrong", false, "a right precision with a wrong cell"],
  ])("%j → %s (%s)", (input, status, hinted) => {
    const result = checkAnswer(map, input);
    expect(result.status).toBe(status);
    expect(result.reason?.en.includes("give 4 decimal places") ?? false).toBe(hinted);
  });

  it("gives no hint for an exact (integer) map", () => {
    const exact = variant({ format: "matrix", value: [[1, 2]], tolerance: { absolute: 0, relative: 0 } });
    expect(checkAnswer(exact, "1.0 2.1").status).toBe("wrong");
  });
});

describe("expectedByLanguage: the expected words in the student's language", () => {
  it.each<[ExpectedAnswer, { ko: string; en: string } | null, string]>([
    [{ format: "text", accept: ["low-level", "저수준"] }, { ko: "저수준", en: "low-level" }, "Hangul for Korean, the other for English"],
    [{ format: "text", accept: ["ReLU"] }, { ko: "ReLU", en: "ReLU" }, "one spelling for both"],
    [{ format: "self", answer: { ko: "은닉층", en: "hidden layer" } }, { ko: "은닉층", en: "hidden layer" }, "a self-graded card's own answer"],
    [{ format: "integer", value: 31 }, null, "numbers are shown as numbers"],
  ])("%j → %j (%s)", (answer, words) => {
    expect(expectedByLanguage(answer)).toEqual(words);
  });
});

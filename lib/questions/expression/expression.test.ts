import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ExpressionError, evaluate, evaluateCondition, evaluateNumber, exprToTex, freeVariables, parseExpression } from "./index";

describe("evaluate", () => {
  it.each<[string, Record<string, number | string>, number, string]>([
    ["(p+1)*K + (K+1)*1", { p: 4, K: 5 }, 31, "Figure 10.1 single-layer count"],
    ["2 + 3 * 4", {}, 14, "* binds tighter than +"],
    ["2 ^ 3 ^ 2", {}, 512, "^ is right-associative"],
    ["-2 ^ 2", {}, -4, "unary minus is looser than ^, as in mathematics"],
    ["2 ** 10", {}, 1024, "** is Python's power"],
    ["ceil(175 / 32)", {}, 6, "SGD steps per epoch in the Hitters lab"],
    ["floor((32 + 2*1 - 3) / 1) + 1", {}, 32, "same-size convolution"],
    ["-7 % 3", {}, 2, "% is the mathematical modulo"],
    ["max(1, n, 3)", { n: 9 }, 9, "variadic max"],
    ["k <= n ? 1 : 0", { k: 3, n: 2 }, 0, "conditional"],
    ["1 <= k <= n", { k: 2, n: 5 }, 1, "chained comparison"],
    ["1 <= k <= n", { k: 6, n: 5 }, 0, "chained comparison fails on its second link"],
    ["pad == 'same'", { pad: "same" }, 1, "strings compare with =="],
    ["a and not b", { a: 1, b: 0 }, 1, "word operators"],
    ["3 × 4 − 2 · 5", {}, 2, "Unicode operators pasted from notes"],
    ["n ≥ 3 ≥ 1", { n: 4 }, 1, "Unicode comparison"],
    ["sigmoid(0)", {}, 0.5, "σ(0) = 1/2"],
    ["relu(-3) + relu(2)", {}, 2, "ReLU"],
    ["1e3 + .5", {}, 1000.5, "exponent and leading-dot numbers"],
  ])("%s → %s (%s)", (source, scope, expected) => {
    expect(evaluate(source, scope)).toBe(expected);
  });

  it("matches JavaScript arithmetic on random integer formulas", () => {
    fc.assert(
      fc.property(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 20 }), (a, b, c) => {
        expect(evaluateNumber("(a + 1) * b - c * (a - b) / c", { a, b, c })).toBeCloseTo((a + 1) * b - (c * (a - b)) / c, 9);
      }),
    );
  });

  it.each([
    ["p +", "unexpected end of expression"],
    ["(p + 1", 'expected ")"'],
    ["eval(1)", 'unknown function "eval"'],
    ["max()", "max() takes 1 to 16 arguments, not 0"],
    ["p $ 2", 'unexpected character "$"'],
    ["constructor", 'unknown name "constructor"'],
    ["__proto__ + 1", 'unknown name "__proto__"'],
    ["'abc' * 2", 'the left side of "*" is the text "abc"'],
  ])("rejects %s", (source, message) => {
    expect(() => evaluate(source, {})).toThrow(ExpressionError);
    expect(() => evaluate(source, {})).toThrow(message);
  });

  it("reports a matrix used as a number", () => {
    expect(() => evaluate("X + 1", { X: [[1]] })).toThrow("matrix");
  });

  it("treats NaN constraints as false and non-finite numbers as errors", () => {
    expect(evaluateCondition("sqrt(-1)", {})).toBe(false);
    expect(() => evaluateNumber("1 / 0", {})).toThrow("not a finite number");
  });

  it("lists free variables in first-seen order", () => {
    expect(freeVariables(parseExpression("(p+1)*K + max(K, p) + q"))).toEqual(["p", "K", "q"]);
  });
});

describe("matrix entries W[k, j]", () => {
  const scope = { W: [[1, -1], [2, 1]], x: [[1, 2]], k: 2 };
  it.each<[string, number, string]>([
    ["W[1, 2]", -1, "row 1, column 2, counted from 1 like ISLP's w_kj"],
    ["W[k, 1] * x[1, 2]", 4, "indices may be expressions"],
    ["max(0, W[1,1]*x[1,1] + W[1,2]*x[1,2])", 0, "a ReLU unit written out"],
  ])("%s = %d (%s)", (source, value) => {
    expect(evaluateNumber(source, scope)).toBe(value);
  });
  it("refuses an entry outside the matrix and a scalar read as a matrix, with a message", () => {
    expect(() => evaluateNumber("W[3, 1]", scope)).toThrow(/outside the matrix/);
    expect(() => evaluateNumber("k[1, 1]", scope)).toThrow(/is not a matrix/);
    expect(() => parseExpression("W[1]")).toThrow(ExpressionError);
  });
  it("names the matrix as a free variable and typesets the entry", () => {
    expect(freeVariables(parseExpression("beta[1, k] + w0"))).toEqual(["beta", "k", "w0"]);
    expect(exprToTex(parseExpression("W[1, 2] * 3"))).toBe("{W}_{1,2} \\cdot 3");
    expect(exprToTex(parseExpression("W[1, 2] * 3"), { values: scope })).toBe("(-1) \\cdot 3");
  });
});

describe("conv(X, F, i, j): one cell of a feature map", () => {
  // ISLP Figure 10.7's idea on a 3×3 image: the 2×2 filter [[1, 0], [0, -1]] at each position.
  const scope = { X: [[1, 2, 3], [4, 5, 6], [7, 8, 9]], F: [[1, 0], [0, -1]], i: 2 };
  it.each<[string, number]>([
    ["conv(X, F, 1, 1)", 1 - 5],
    ["conv(X, F, i, 2)", 5 - 9],
    ["conv(X, F, 1, 1) != conv(X, F, 1, 2)", 0],
  ])("%s = %d", (source, value) => {
    expect(evaluateNumber(source, scope)).toBe(value);
  });
  it("refuses a window that leaves the image and a number where a matrix belongs", () => {
    expect(() => evaluateNumber("conv(X, F, 3, 1)", scope)).toThrow(/leaves the image/);
    expect(() => evaluateNumber("conv(i, F, 1, 1)", scope)).toThrow(/must name a matrix/);
  });
  it("lists its matrices as free variables", () => {
    expect(freeVariables(parseExpression("conv(X, F, i, 1)"))).toEqual(["X", "F", "i"]);
  });
});

describe("exprToTex", () => {
  const formula = parseExpression("(p+1)*K + (K+1)*1");
  it("typesets symbolically and with numbers", () => {
    expect(exprToTex(formula)).toBe("(p + 1) \\cdot K + (K + 1) \\cdot 1");
    expect(exprToTex(formula, { values: { p: 4, K: 5 } })).toBe("(4 + 1) \\cdot 5 + (5 + 1) \\cdot 1");
  });
  it("writes fractions, ceilings, powers and subscripts", () => {
    expect(exprToTex(parseExpression("ceil(n_train / batch)"))).toBe("\\left\\lceil \\frac{n_{\\mathrm{train}}}{\\mathit{batch}} \\right\\rceil");
    expect(exprToTex(parseExpression("k^2 * C"))).toBe("{k}^{2} \\cdot C");
    expect(exprToTex(parseExpression("1/(1-phi)"), { values: { phi: 0.4 } })).toBe("\\frac{1}{1 - 0.4}");
  });
  it("groups thousands the KaTeX way and brackets negative values", () => {
    expect(exprToTex(parseExpression("n * w"), { values: { n: 10003, w: -2 } })).toBe("10{,}003 \\cdot (-2)");
  });
  it("uses author-given symbols", () => {
    expect(exprToTex(parseExpression("b0 + b1"), { symbols: { b0: "\\beta_0", b1: "\\beta_1" } })).toBe("\\beta_0 + \\beta_1");
  });
});

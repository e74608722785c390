import { describe, expect, it } from "vitest";
import { renderText } from "./render-text";

const scope = { n: 235146, p: 4, t: 1 / 3, r: 0.4, z: 0.62245933, pad: "same", X: [[1, 2], [3, 4]] };

describe("renderText", () => {
  it.each<[string, string, string]>([
    ["{{n}} parameters", "235,146 parameters", "thousands separator in text"],
    ["$n = {{n}}$", "$n = 235{,}146$", "KaTeX-safe separator in TeX"],
    ["$$ {{n}} $$ then {{n}}", "$$ 235{,}146 $$ then 235,146", "display math closes"],
    ["`nn.Linear({{n}}, 1)`", "`nn.Linear(235146, 1)`", "no separator inside code"],
    ["{{n | raw}}", "235146", "raw filter"],
    ["test_size={{t | frac}}", "test_size=1/3", "fraction filter"],
    ["$t = {{t | frac}}$", "$t = \\tfrac{1}{3}$", "fraction in TeX"],
    ["{{r | pct}}", "40%", "percent filter"],
    ["{{z | fixed:3}}", "0.622", "fixed decimals"],
    ["{{(p+1)*5 + (5+1)*1}}", "31", "an expression"],
    ["padding `{{pad}}`", "padding `same`", "a choice word"],
    ["$X = {{X}}$", "$X = \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}$", "a matrix in TeX"],
    ["X = {{X}}", "X = $\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}$", "a matrix in text is wrapped in TeX"],
    ["\\$5 and {{n}}", "\\$5 and 235,146", "an escaped dollar is not math"],
    ["$\\frac{1}{1+e^{-z}}$ at {{p}}", "$\\frac{1}{1+e^{-z}}$ at 4", "TeX braces are not placeholders"],
  ])("%s → %s (%s)", (source, expected) => {
    expect(renderText(source, scope)).toBe(expected);
  });

  it("inserts engine texts and rejects unknown ones", () => {
    expect(renderText("= {{@answer}}", scope, { answer: { text: "31", tex: "31" } })).toBe("= 31");
    expect(() => renderText("{{@nope}}", scope)).toThrow(/unknown placeholder/);
    expect(() => renderText("{{q}}", scope)).toThrow(/unknown name "q"/);
    expect(() => renderText("{{n | bold}}", scope)).toThrow(/unknown filter/);
  });
});

import { describe, expect, it } from "vitest";
import { mathHtml } from "@/lib/math-html";
import { typesetFeedback, typesetQuestion } from "./typeset";

describe("typesetQuestion / typesetFeedback", () => {
  const prompt = { en: "With $p = 4$ inputs: <b>how many</b>?", ko: "입력 $p = 4$개: <b>몇 개</b>?" };

  it("typesets the prompt and every choice in both languages, keeping the plain texts", () => {
    const choices = [{ letter: "A", text: { en: "$x^2$", ko: "$x^2$" } }, { letter: "B", text: { en: "none", ko: "없음" } }];
    const typeset = typesetQuestion({ prompt, choices });
    expect(typeset.promptHtml.en).toContain('class="katex"');
    expect(typeset.promptHtml.ko).toContain("입력");
    expect(typeset.promptHtml.en).toContain("&lt;b&gt;how many&lt;/b&gt;");
    expect(typeset.promptHtml.en).not.toContain("<b>");
    expect(typeset.choices?.map((choice) => [choice.letter, choice.text.en])).toEqual([["A", "$x^2$"], ["B", "none"]]);
    expect(typeset.choices?.[0]?.html.en).toBe(mathHtml("$x^2$", true));
    expect(typeset.choices?.[0]?.html.en.startsWith("<p>")).toBe(false);
  });

  it("gives no choices for a question without them, and no mistake HTML without a mistake", () => {
    expect(typesetQuestion({ prompt, choices: null }).choices).toBeNull();
    expect(typesetFeedback({ solution: null })).toEqual({ solutionHtml: null });
    const feedback = typesetFeedback({ solution: { en: "$$ (p+1)K $$", ko: "$$ (p+1)K $$" }, mistake: { en: "Biases left out.", ko: "편향을 뺐습니다." } });
    expect(feedback.solutionHtml?.en).toContain("katex-display");
    expect(feedback.mistakeHtml).toEqual({ en: "Biases left out.", ko: "편향을 뺐습니다." });
  });
});

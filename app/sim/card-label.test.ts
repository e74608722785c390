import { describe, expect, it } from "vitest";
import type { StaticCard } from "@/lib/questions";
import { cardLinkText } from "./card-label";

const explanation = { ko: "설명", en: "Explanation" };

describe("a fixed card's link text", () => {
  it("reduces TeX to plain symbols and leaves a cloze's blank empty", () => {
    const mc: StaticCard = {
      id: "w1",
      concept: "weight-matrix",
      type: "mc",
      prompt: { ko: "$\\mathbf{W}_1$의 차원은 $785 \\times 256$입니다.", en: "The first weight matrix $\\mathbf{W}_1$ is $785 \\times 256$." },
      options: [{ ko: "a", en: "a", correct: true }, { ko: "b", en: "b" }],
      explanation,
    };
    expect(cardLinkText(mc)).toEqual({ ko: "W_1의 차원은 785 × 256입니다.", en: "The first weight matrix W_1 is 785 × 256." });
    const cloze: StaticCard = {
      id: "total",
      concept: "weight-matrix",
      type: "cloze",
      text: { ko: "모수는 $785 \\cdot 256 =$ [[200,960|200960]]개이다.", en: "It has $785 \\cdot 256 =$ [[200,960|200960]] parameters." },
      explanation,
    };
    expect(cardLinkText(cloze).en).toBe("It has 785 · 256 = ___ parameters.");
    expect(cardLinkText(cloze).ko).not.toContain("200");
  });

  it("cuts a long statement at a word", () => {
    const tf: StaticCard = { id: "long", concept: "dl-vs-ml", type: "tf", statement: { ko: "가 ".repeat(80), en: "word ".repeat(40) }, answer: true, explanation };
    const text = cardLinkText(tf).en;
    expect(text.endsWith("word…")).toBe(true);
    expect(text.length).toBeLessThanOrEqual(111);
  });
});

import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { katexOptions } from "@/lib/katex-options";
import { Tex } from "../architect/tex";
import { MathText, parseInline, parseMathBlocks } from "./math-text";

const html = (text: string, inline = false) => renderToStaticMarkup(createElement(MathText, { text, inline }));

describe("parseMathBlocks", () => {
  it.each([
    ["one paragraph", "Count the weights.", [{ kind: "paragraph", text: "Count the weights." }]],
    ["blank lines split paragraphs", "a\n\nb", [{ kind: "paragraph", text: "a" }, { kind: "paragraph", text: "b" }]],
    ["display math is a block of its own", "so\n\n$$ (p+1)K $$\n\nend", [{ kind: "paragraph", text: "so" }, { kind: "math", tex: "(p+1)K" }, { kind: "paragraph", text: "end" }]],
    ["display math inside a line still becomes a block", "a $$x$$ b", [{ kind: "paragraph", text: "a " }, { kind: "math", tex: "x" }, { kind: "paragraph", text: " b" }]],
    ["- lines form a list", "- one\n- two", [{ kind: "list", ordered: false, items: ["one", "two"] }]],
    ["1. lines form an ordered list", "1. one\n2) two", [{ kind: "list", ordered: true, items: ["one", "two"] }]],
    ["a heading becomes a bold line", "## Why", [{ kind: "paragraph", text: "**Why**" }]],
    ["an escaped $$ is text", "\\$$x", [{ kind: "paragraph", text: "\\$$x" }]],
  ])("%s", (_, source, expected) => {
    expect(parseMathBlocks(source)).toEqual(expected);
  });
});

describe("parseInline", () => {
  it.each([
    ["inline math keeps its backslashes", "a $\\frac{1}{2}$ b", [{ kind: "text", text: "a " }, { kind: "math", tex: "\\frac{1}{2}" }, { kind: "text", text: " b" }]],
    ["the cloze blank is underscores", "with \\_\\_\\_\\_\\_ representations", [{ kind: "text", text: "with _____ representations" }]],
    ["an escaped dollar is a dollar", "costs \\$5", [{ kind: "text", text: "costs $5" }]],
    ["code keeps dollars and stars", "`a $b$ *c*`", [{ kind: "code", text: "a $b$ *c*" }]],
    ["bold holds math", "**Answer:** $x$", [{ kind: "strong", children: [{ kind: "text", text: "Answer:" }] }, { kind: "text", text: " " }, { kind: "math", tex: "x" }]],
    ["single stars are italic", "an *example*.", [{ kind: "text", text: "an " }, { kind: "em", children: [{ kind: "text", text: "example" }] }, { kind: "text", text: "." }]],
    ["a product is not italic", "2 * 3 * 4 and a*b*c", [{ kind: "text", text: "2 * 3 * 4 and a*b*c" }]],
    ["snake_case stays as written", "train_test_split", [{ kind: "text", text: "train_test_split" }]],
    ["a newline is a line break", "a\nb", [{ kind: "text", text: "a" }, { kind: "break" }, { kind: "text", text: "b" }]],
  ])("%s", (_, source, expected) => {
    expect(parseInline(source)).toEqual(expected);
  });
});

describe("MathText", () => {
  it("typesets math with KaTeX, MathML included", () => {
    const out = html("So $$\\left\\lfloor \\frac{n}{b} \\right\\rfloor = 6$$");
    expect(out).toContain('class="katex-display"');
    expect(out).toContain("<math");
    expect(out).toContain('data-math="display"');
  });

  it("never injects the author's HTML", () => {
    const out = html('<script>alert(1)</script> <img src=x onerror="alert(1)"> **<b>bold</b>**');
    expect(out).not.toContain("<script>");
    expect(out).not.toContain("<img");
    expect(out).not.toContain("<b>");
    expect(out).toContain("&lt;script&gt;");
  });

  it("keeps TeX from producing links or raw HTML", () => {
    const out = html("$\\href{javascript:alert(1)}{x}$ $\\htmlId{a}{b}$");
    // The TeX source is kept (escaped) in MathML's annotation; nothing becomes a link or an id.
    expect(out).not.toMatch(/<a\b|href=/);
    expect(out).not.toContain('id="a"');
  });

  it("shows a TeX error in place instead of throwing", () => {
    expect(() => html("$\\frac{1}{$")).not.toThrow();
  });

  it("renders one line for inline use", () => {
    const out = html("a\n$$x$$", true);
    expect(out.startsWith("<span")).toBe(true);
    expect(out).not.toContain("<p>");
    expect(out).not.toContain("katex-display");
  });

  it("caps sizes an author writes: \\rule{5000em}{5000em} draws no box larger than maxSize", () => {
    for (const out of [html("$\\rule{5000em}{5000em}$"), renderToStaticMarkup(createElement(Tex, { tex: "\\rule{5000em}{5000em}", text: "rule" }))]) {
      // Sizes in the drawn boxes' styles (the TeX source stays in MathML's annotation, as text).
      const styles = [...out.matchAll(/style="([^"]*)"/g)].map((match) => match[1]!).join(";");
      const sizes = [...styles.matchAll(/(\d+(?:\.\d+)?)em/g)].map((match) => Number(match[1]));
      expect(sizes.length).toBeGreaterThan(0);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(katexOptions.maxSize);
    }
  });

  it("stops runaway macro expansion with an error in place (both renderers)", () => {
    const bomb = "\\def\\a{\\a\\a}\\a";
    expect(html(`$${bomb}$`)).toMatch(/katex-error/);
    expect(renderToStaticMarkup(createElement(Tex, { tex: bomb, text: "bomb" }))).toMatch(/katex-error/);
  });
});

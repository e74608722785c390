import { describe, expect, it } from "vitest";
import { parseInline, parseMathBlocks } from "./math-html";

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

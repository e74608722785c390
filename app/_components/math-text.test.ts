import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { katexOptions } from "@/lib/katex-options";
import { Tex } from "../architect/tex";
import { escapeHtml } from "@/lib/math-html";
import { MathText } from "./math-text";

const html = (text: string, inline = false) => renderToStaticMarkup(createElement(MathText, { text, inline }));

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

  it("escapes text exactly as React escapes a text node", () => {
    const text = `a < b && c > "d" 'e'   한국어`;
    expect(escapeHtml(text)).toBe(renderToStaticMarkup(createElement("span", null, text)).replace(/^<span>|<\/span>$/g, ""));
  });

  it("keeps paragraphs, lists, code and emphasis as elements", () => {
    const out = html("**Step 1.** `x*y`\n\n- one *two*\n- three");
    expect(out).toBe(
      '<div class="space-y-2 leading-relaxed"><p><strong>Step 1.</strong> <code class="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.9em] dark:bg-slate-800">x*y</code></p>' +
        '<ul class="list-disc space-y-1 pl-6"><li>one <em>two</em></li><li>three</li></ul></div>',
    );
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

describe("client pages load no KaTeX", () => {
  const root = path.join(import.meta.dirname, "..", "..");
  const clientFiles = (dir: string): string[] =>
    readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
      const relative = `${dir}/${entry.name}`;
      if (entry.isDirectory()) return clientFiles(relative);
      return /\.tsx?$/.test(entry.name) && /^\s*["']use client["']/.test(readFileSync(path.join(root, relative), "utf8")) ? [relative] : [];
    });
  // The architect page typesets what its user types, as they type: the one place KaTeX runs in the browser.
  const TYPESETS_IN_BROWSER = ["app/architect/tex.tsx"];

  it("no client component imports the typesetter: questions come typeset from the server (lib/server/typeset.ts)", () => {
    const files = clientFiles("app");
    expect(files).toContain("app/exam/[examId]/exam-runner.tsx");
    expect(files).toContain("app/author/decks/_components/preview-pane.tsx");
    const typesetting = files.filter((file) => /from\s+["'](?:katex|@\/lib\/math-html|@\/app\/_components\/math-text|\.\/math-text)["']/.test(readFileSync(path.join(root, file), "utf8")));
    expect(typesetting).toEqual(TYPESETS_IN_BROWSER);
  });
});

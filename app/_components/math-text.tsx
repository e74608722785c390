import katex from "katex";
import { katexOptions } from "@/lib/katex-options";
import "katex/dist/katex.min.css";
import { Fragment, type ReactNode } from "react";

/**
 * The question engine's texts (DESIGN: "Markdown; TeX between `$…$` or `$$…$$`") as React elements:
 * paragraphs, line breaks, `-`/`1.` lists, **bold**, *italic*, `code`, backslash escapes (`\_`,
 * `\$`), inline and display math. The only HTML ever injected is KaTeX's own output (with its MathML
 * twin, so screen readers read the formulas; `trust` stays off, so no links or raw HTML from TeX);
 * every other character is a React text node and therefore escaped.
 *
 * No hooks and no "use client": the same component renders on the server (deck pages) and in the
 * browser (practice, review). Typeset formulas are cached, so re-renders while typing cost nothing.
 */

export type MathBlock =
  | { kind: "math"; tex: string }
  | { kind: "paragraph"; text: string }
  | { kind: "list"; ordered: boolean; items: string[] };

export type MathInline =
  | { kind: "text"; text: string }
  | { kind: "math"; tex: string }
  | { kind: "code"; text: string }
  | { kind: "strong"; children: MathInline[] }
  | { kind: "em"; children: MathInline[] }
  | { kind: "break" };

// `$$…$$` not preceded by a backslash (an escaped `\$$` is text).
const DISPLAY_MATH = /(?<!\\)\$\$([\s\S]+?)\$\$/g;
const LIST_ITEM = /^\s*(?:[-*•]|\d+[.)])\s+/;
const HEADING = /^\s{0,3}#{1,6}\s+/;

function textBlocks(text: string): MathBlock[] {
  const blocks: MathBlock[] = [];
  for (const chunk of text.split(/\n[ \t]*\n/)) {
    const lines = chunk.split("\n").filter((line) => line.trim() !== "");
    if (lines.length === 0) continue;
    if (lines.every((line) => LIST_ITEM.test(line))) {
      const ordered = /^\s*\d/.test(lines[0] ?? "");
      blocks.push({ kind: "list", ordered, items: lines.map((line) => line.replace(LIST_ITEM, "")) });
    } else {
      // A heading inside a question would break the page's outline: shown as a bold line instead.
      blocks.push({ kind: "paragraph", text: lines.map((line) => (HEADING.test(line) ? `**${line.replace(HEADING, "")}**` : line)).join("\n") });
    }
  }
  return blocks;
}

/** Splits Markdown-ish text into display-math blocks, paragraphs and lists. */
export function parseMathBlocks(source: string): MathBlock[] {
  const blocks: MathBlock[] = [];
  let last = 0;
  for (const match of source.matchAll(DISPLAY_MATH)) {
    blocks.push(...textBlocks(source.slice(last, match.index)));
    const tex = (match[1] ?? "").trim();
    if (tex !== "") blocks.push({ kind: "math", tex });
    last = match.index + match[0].length;
  }
  blocks.push(...textBlocks(source.slice(last)));
  return blocks;
}

// Leftmost match wins, so `$…$` swallows the backslashes of its TeX and `` `…` `` the dollars of its code.
const INLINE = /\\([\\`*_{}[\]()#+\-.!$|~<>])|\$([^$\n]+?)\$|`([^`\n]+)`|\*\*(.+?)\*\*|(?<![\w*\\])\*(?![\s*])([^*\n]+?)\*(?![\w*])|\n/g;

/** Inline Markdown-ish text into tokens (text, math, code, bold, italic, line breaks). */
export function parseInline(text: string): MathInline[] {
  const tokens: MathInline[] = [];
  const pushText = (value: string) => {
    if (value === "") return;
    const previous = tokens.at(-1);
    if (previous?.kind === "text") previous.text += value;
    else tokens.push({ kind: "text", text: value });
  };
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const index = match.index;
    pushText(text.slice(last, index));
    const [whole, escaped, math, code, strong, em] = match;
    if (escaped !== undefined) pushText(escaped);
    else if (whole === "\n") tokens.push({ kind: "break" });
    else if (math !== undefined) tokens.push({ kind: "math", tex: math.trim() });
    else if (code !== undefined) tokens.push({ kind: "code", text: code });
    else if (strong !== undefined) tokens.push({ kind: "strong", children: parseInline(strong) });
    else if (em !== undefined) tokens.push({ kind: "em", children: parseInline(em) });
    last = index + whole.length;
  }
  pushText(text.slice(last));
  return tokens;
}

const typeset = new Map<string, string>();
const TYPESET_LIMIT = 2_000;

/** KaTeX's HTML (with MathML) for `tex`; an error is shown in place, never thrown. Cached. */
export function renderTex(tex: string, display: boolean): string {
  const key = `${display ? "D" : "I"}${tex}`;
  let html = typeset.get(key);
  if (html === undefined) {
    html = katex.renderToString(tex, { ...katexOptions, displayMode: display, output: "htmlAndMathml" });
    if (typeset.size >= TYPESET_LIMIT) typeset.clear();
    typeset.set(key, html);
  }
  return html;
}

/** A formula typeset by KaTeX: inline, or as a block that scrolls sideways on a narrow phone. */
export function TexMath({ tex, display = false }: { tex: string; display?: boolean }) {
  const html = renderTex(tex, display);
  return display ? (
    <div className="my-2 overflow-x-auto overflow-y-hidden py-1" data-math="display" dangerouslySetInnerHTML={{ __html: html }} />
  ) : (
    <span data-math="inline" dangerouslySetInnerHTML={{ __html: html }} />
  );
}

function InlineTokens({ tokens }: { tokens: MathInline[] }): ReactNode {
  return tokens.map((token, i) => {
    switch (token.kind) {
      case "text":
        return <Fragment key={i}>{token.text}</Fragment>;
      case "break":
        return <br key={i} />;
      case "math":
        return <TexMath key={i} tex={token.tex} />;
      case "code":
        return (
          <code key={i} className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.9em] dark:bg-slate-800">
            {token.text}
          </code>
        );
      case "strong":
        return (
          <strong key={i}>
            <InlineTokens tokens={token.children} />
          </strong>
        );
      case "em":
        return (
          <em key={i}>
            <InlineTokens tokens={token.children} />
          </em>
        );
    }
  });
}

export interface MathTextProps {
  /** Markdown-ish text with `$…$` / `$$…$$` TeX. */
  text: string;
  className?: string;
  /** One line of inline text (a choice, a title): no paragraphs, display math shown inline. */
  inline?: boolean;
  /** The language of the text, when it may differ from the page's. */
  lang?: string;
}

export function MathText({ text, className, inline = false, lang }: MathTextProps) {
  if (inline) {
    const flat = text.replace(DISPLAY_MATH, (_, tex: string) => `$${tex.trim()}$`).replace(/\s*\n\s*/g, " ");
    return (
      <span className={className} lang={lang}>
        <InlineTokens tokens={parseInline(flat)} />
      </span>
    );
  }
  const blocks = parseMathBlocks(text);
  return (
    <div className={["space-y-2 leading-relaxed", className].filter(Boolean).join(" ")} lang={lang}>
      {blocks.map((block, i) => {
        if (block.kind === "math") return <TexMath key={i} tex={block.tex} display />;
        if (block.kind === "list") {
          const List = block.ordered ? "ol" : "ul";
          return (
            <List key={i} className={block.ordered ? "list-decimal space-y-1 pl-6" : "list-disc space-y-1 pl-6"}>
              {block.items.map((item, j) => (
                <li key={j}>
                  <InlineTokens tokens={parseInline(item)} />
                </li>
              ))}
            </List>
          );
        }
        return (
          <p key={i}>
            <InlineTokens tokens={parseInline(block.text)} />
          </p>
        );
      })}
    </div>
  );
}

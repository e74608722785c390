import katex from "katex";
import { BoundedCache } from "./bounded-cache";
import { katexOptions } from "./katex-options";

/**
 * The question engine's texts (DESIGN: "Markdown; TeX between `$…$` or `$$…$$`") as HTML:
 * paragraphs, line breaks, `-`/`1.` lists, **bold**, *italic*, `code`, backslash escapes (`\_`,
 * `\$`), inline and display math. The only markup that is not escaped here is KaTeX's own output
 * (with its MathML twin, so screen readers read the formulas; `trust` stays off, so no links or raw
 * HTML from TeX); every other character of the source is escaped.
 *
 * One renderer for the whole app: server components wrap it (MathText), and the review and practice
 * APIs send its output, so the pages that show questions ship KaTeX's stylesheet but not its code.
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

const TYPESET_LIMIT = 2_000;
const typeset = new BoundedCache<string>({ maxEntries: TYPESET_LIMIT });

/** KaTeX's HTML (with MathML) for `tex`; an error is shown in place, never thrown. Cached. */
export function renderTex(tex: string, display: boolean): string {
  const key = `${display ? "D" : "I"}${tex}`;
  let html = typeset.get(key);
  if (html === undefined) {
    html = katex.renderToString(tex, { ...katexOptions, displayMode: display, output: "htmlAndMathml" });
    typeset.set(key, html);
  }
  return html;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };

/** Text as HTML text (the characters React escapes, escaped the same way). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

/** A formula typeset by KaTeX: inline, or as a block that scrolls sideways on a narrow phone. */
export function texHtml(tex: string, display: boolean): string {
  const html = renderTex(tex, display);
  return display ? `<div class="my-2 overflow-x-auto overflow-y-hidden py-1" data-math="display">${html}</div>` : `<span data-math="inline">${html}</span>`;
}

function inlineHtml(tokens: readonly MathInline[]): string {
  return tokens
    .map((token) => {
      switch (token.kind) {
        case "text":
          return escapeHtml(token.text);
        case "break":
          return "<br/>";
        case "math":
          return texHtml(token.tex, false);
        case "code":
          return `<code class="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.9em] dark:bg-slate-800">${escapeHtml(token.text)}</code>`;
        case "strong":
          return `<strong>${inlineHtml(token.children)}</strong>`;
        case "em":
          return `<em>${inlineHtml(token.children)}</em>`;
      }
    })
    .join("");
}

/**
 * The HTML inside a MathHtml container (app/_components/math-html.tsx) for `text`: blocks, or with
 * `inline` one line (a choice, a title) with display math shown inline and no paragraphs.
 */
export function mathHtml(text: string, inline = false): string {
  if (inline) return inlineHtml(parseInline(text.replace(DISPLAY_MATH, (_, tex: string) => `$${tex.trim()}$`).replace(/\s*\n\s*/g, " ")));
  return parseMathBlocks(text)
    .map((block) => {
      if (block.kind === "math") return texHtml(block.tex, true);
      if (block.kind === "list") {
        const tag = block.ordered ? "ol" : "ul";
        const items = block.items.map((item) => `<li>${inlineHtml(parseInline(item))}</li>`).join("");
        return `<${tag} class="${block.ordered ? "list-decimal space-y-1 pl-6" : "list-disc space-y-1 pl-6"}">${items}</${tag}>`;
      }
      return `<p>${inlineHtml(parseInline(block.text))}</p>`;
    })
    .join("");
}

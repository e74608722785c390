/**
 * A deck as a file Anki imports (pure): Anki's plain-text format with file headers
 * (https://docs.ankiweb.net/importing/text-files.html#file-headers), which Anki 2.1.54+ reads
 * without asking anything: tab-separated, HTML fields, the Basic note type, the target deck, and the
 * tags in the third column.
 *
 * Anki shows TeX through MathJax between `\(…\)` and `\[…\]`, so `$…$` and `$$…$$` are rewritten;
 * the little Markdown the questions use (paragraphs, line breaks, lists, **bold**, *italic*,
 * `code`) becomes HTML, and everything else is escaped. One language per file (Anki has no notion
 * of a bilingual field).
 *
 * The file is tab-separated text that a spreadsheet opens as readily as Anki does, so a field that
 * would start a formula gets the same `'` guard as the CSV export (csv-formulas.ts); the importer
 * takes it off again, and in Anki the guard shows as a leading apostrophe.
 */
import type { Bilingual } from "../questions/types";
import { escapeFormula } from "./csv-formulas";
import type { ExportRow } from "./export-rows";

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function inlineMarkdown(text: string): string {
  return escapeHtml(text)
    .replace(/\*\*(.+?)\*\*/g, "<b>$1</b>")
    .replace(/(^|[^*\w])\*(?!\s)(.+?)\*(?!\w)/g, "$1<i>$2</i>")
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/\\([_$*`\\])/g, "$1");
}

/** Markdown + TeX → Anki HTML with MathJax delimiters, on one line (no tabs, no newlines). */
export function markdownToAnkiHtml(source: string): string {
  const parts: string[] = [];
  // Math is cut out first so that Markdown and escaping never touch TeX (apart from HTML escaping).
  const pattern = /(?<!\\)\$\$([\s\S]+?)\$\$|(?<!\\)\$([^$\n]+?)\$/g;
  let last = 0;
  let text = "";
  const math: string[] = [];
  for (const match of source.matchAll(pattern)) {
    text += source.slice(last, match.index);
    const display = match[1] !== undefined;
    const tex = (display ? match[1] : match[2]) ?? "";
    math.push(display ? `\\[${escapeHtml(tex.trim())}\\]` : `\\(${escapeHtml(tex)}\\)`);
    text += `\u0000${math.length - 1}\u0000`;
    last = match.index + match[0].length;
  }
  text += source.slice(last);
  for (const block of text.split(/\n[ \t]*\n/)) {
    const lines = block.split("\n").filter((line) => line.trim() !== "");
    if (lines.length === 0) continue;
    if (lines.every((line) => /^\s*(?:[-*•]|\d+[.)])\s+/.test(line))) {
      const ordered = /^\s*\d/.test(lines[0] ?? "");
      const items = lines.map((line) => `<li>${inlineMarkdown(line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, ""))}</li>`).join("");
      parts.push(ordered ? `<ol>${items}</ol>` : `<ul>${items}</ul>`);
    } else {
      parts.push(lines.map((line) => inlineMarkdown(line.trim())).join("<br>"));
    }
  }
  return (
    parts
      .join("<br><br>")
      .replace(/\u0000(\d+)\u0000/g, (_, index: string) => math[Number(index)] ?? "")
      .replace(/[\t\r\n]+/g, " ")
      // A line that starts with # would be read as a file header.
      .replace(/^#/, "&#35;")
  );
}

/** Anki tags cannot hold spaces. */
function ankiTag(tag: string): string {
  return tag.replace(/\s+/g, "_");
}

export interface AnkiExportOptions {
  /** The Anki deck the notes go to, e.g. `DeepDrill::Deep learning (ISLP chapter 10)`. */
  deckName: string;
  language: keyof Bilingual;
}

export function rowsToAnki(rows: readonly ExportRow[], options: AnkiExportOptions): string {
  const headers = ["#separator:tab", "#html:true", "#notetype:Basic", `#deck:${options.deckName.replace(/[\r\n\t]+/g, " ")}`, "#tags column:3"];
  const lines = rows.map((row) =>
    [markdownToAnkiHtml(row.front[options.language]), markdownToAnkiHtml(row.back[options.language]), row.tags.map(ankiTag).join(" ")].map(escapeFormula).join("\t"),
  );
  return `${[...headers, ...lines].join("\n")}\n`;
}

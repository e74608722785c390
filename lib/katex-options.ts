import type { KatexOptions } from "katex";

/**
 * The options every KaTeX rendering in the app uses (client or server). Text comes from deck
 * authors, students' problem reports and the model core, so TeX is treated as hostile input:
 * - `trust: false`: no `\href`, `\url`, `\htmlData`, `\includegraphics` (no links or raw HTML);
 * - `maxSize`: no box larger than 20em (`\rule{5000em}{5000em}` would cover the page; KaTeX
 *   clamps every user-given size to this);
 * - `maxExpand`: at most 1,000 macro expansions (`\def\a{\a\a}\a` would hang the tab);
 * - `throwOnError: false`: a mistake is shown in place, in red, never thrown.
 */
export const katexOptions = {
  throwOnError: false,
  strict: "ignore",
  trust: false,
  maxSize: 20,
  maxExpand: 1_000,
} as const satisfies KatexOptions;

import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import type { Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { tags } from "@lezer/highlight";
import type { ColorScheme } from "@/app/_components/use-color-scheme";

/**
 * The YAML editor's colours, light and dark, following the page (Tailwind's `dark:` follows the
 * system's prefers-color-scheme; see app/globals.css). Every colour is fixed here, opaque, so that
 * editor-theme.test.ts can check each text colour against each background it is drawn on (WCAG
 * 4.5:1; 3:1 for the focus ring), the way the axe run of tests/e2e checks the rendered page.
 * CodeMirror's default highlighting is made for white paper, hence a HighlightStyle of our own.
 */

export interface EditorPalette {
  background: string;
  text: string;
  activeLine: string;
  selection: string;
  caret: string;
  focusRing: string;
  gutterBackground: string;
  gutterText: string;
  gutterBorder: string;
  activeGutter: string;
  placeholderText: string;
  placeholderBackground: string;
  /** Colours of the YAML tokens (lang-yaml's tags), all drawn on background, activeLine or selection. */
  syntax: {
    key: string;
    string: string;
    comment: string;
    punctuation: string;
    keyword: string;
    anchor: string;
    tag: string;
    invalid: string;
  };
}

/** Slate paper and indigo accents, as the rest of the app (Tailwind's slate/indigo/blue/rose…). */
export const EDITOR_PALETTES: Record<ColorScheme, EditorPalette> = {
  light: {
    background: "#ffffff",
    text: "#0f172a",
    activeLine: "#eef2ff",
    selection: "#c7d2fe",
    caret: "#4338ca",
    focusRing: "#6366f1",
    gutterBackground: "#f8fafc",
    gutterText: "#475569",
    gutterBorder: "#e2e8f0",
    activeGutter: "#e0e7ff",
    placeholderText: "#3730a3",
    placeholderBackground: "#e0e7ff",
    syntax: {
      key: "#1e40af",
      string: "#9f1239",
      comment: "#475569",
      punctuation: "#475569",
      keyword: "#6b21a8",
      anchor: "#115e59",
      tag: "#9a3412",
      invalid: "#991b1b",
    },
  },
  dark: {
    background: "#0f172a",
    text: "#e2e8f0",
    activeLine: "#1e293b",
    selection: "#334155",
    caret: "#a5b4fc",
    focusRing: "#818cf8",
    gutterBackground: "#020617",
    gutterText: "#94a3b8",
    gutterBorder: "#1e293b",
    activeGutter: "#1e293b",
    placeholderText: "#c7d2fe",
    placeholderBackground: "#312e81",
    syntax: {
      key: "#93c5fd",
      string: "#fda4af",
      comment: "#a3b1c6",
      punctuation: "#a3b1c6",
      keyword: "#d8b4fe",
      anchor: "#5eead4",
      tag: "#fdba74",
      invalid: "#fca5a5",
    },
  },
};

function chrome(scheme: ColorScheme, p: EditorPalette): Extension {
  return EditorView.theme(
    {
      "&": { fontSize: "13px", backgroundColor: p.background, color: p.text, height: "100%" },
      ".cm-scroller": { fontFamily: "var(--font-mono)", lineHeight: "1.55" },
      ".cm-content": { caretColor: p.caret },
      ".cm-cursor, .cm-dropCursor": { borderLeftColor: p.caret },
      "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection": { backgroundColor: p.selection },
      ".cm-gutters": { backgroundColor: p.gutterBackground, color: p.gutterText, borderRight: `1px solid ${p.gutterBorder}` },
      ".cm-activeLine": { backgroundColor: p.activeLine },
      ".cm-activeLineGutter": { backgroundColor: p.activeGutter },
      ".cm-dd-placeholder": { color: p.placeholderText, backgroundColor: p.placeholderBackground, borderRadius: "3px" },
      // CodeMirror's own "…" of a folded block is grey on grey (3:1) in both schemes.
      ".cm-foldPlaceholder": { color: p.gutterText, backgroundColor: p.activeGutter, border: `1px solid ${p.gutterBorder}` },
      "&.cm-focused": { outline: `2px solid ${p.focusRing}`, outlineOffset: "2px" },
      // Lint tooltips, the search panel and fold markers take CodeMirror's own dark styles from
      // `dark: true`; only their surfaces are matched to the page here.
      ".cm-tooltip, .cm-panels": { backgroundColor: p.gutterBackground, color: p.text, borderColor: p.gutterBorder },
    },
    { dark: scheme === "dark" },
  );
}

function highlighting(p: EditorPalette): Extension {
  const s = p.syntax;
  return syntaxHighlighting(
    HighlightStyle.define([
      { tag: tags.definition(tags.propertyName), color: s.key },
      { tag: [tags.string, tags.special(tags.string)], color: s.string },
      { tag: [tags.comment, tags.lineComment], color: s.comment, fontStyle: "italic" },
      { tag: [tags.separator, tags.punctuation, tags.squareBracket, tags.brace], color: s.punctuation },
      { tag: [tags.keyword, tags.meta, tags.attributeValue], color: s.keyword },
      { tag: tags.labelName, color: s.anchor },
      { tag: tags.typeName, color: s.tag },
      { tag: tags.content, color: p.text },
      { tag: tags.invalid, color: s.invalid },
    ]),
  );
}

// Built once per scheme: each build is a new style sheet, and the editor switches back and forth.
const built = new Map<ColorScheme, Extension>();

/** The editor's look for one scheme: put it in a Compartment and reconfigure it when the scheme changes. */
export function editorTheme(scheme: ColorScheme): Extension {
  let theme = built.get(scheme);
  if (!theme) {
    const palette = EDITOR_PALETTES[scheme];
    theme = [chrome(scheme, palette), highlighting(palette)];
    built.set(scheme, theme);
  }
  return theme;
}

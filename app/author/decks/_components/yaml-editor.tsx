"use client";
import { basicSetup, EditorView } from "codemirror";
import { yaml } from "@codemirror/lang-yaml";
import { lintGutter, setDiagnostics, type Diagnostic } from "@codemirror/lint";
import { Compartment, EditorSelection, EditorState } from "@codemirror/state";
import { Decoration, keymap, MatchDecorator, ViewPlugin, type DecorationSet, type ViewUpdate } from "@codemirror/view";
import { useEffect, useRef } from "react";
import { useColorScheme } from "@/app/_components/use-color-scheme";
import { editorTheme } from "./editor-theme";

export interface LineProblem {
  line: number;
  message: string;
  severity?: "error" | "warning";
}

export interface YamlEditorProps {
  /** Identifies the document: a new key replaces the editor's text with `initialText`. */
  docKey: string;
  initialText: string;
  label: string;
  problems: readonly LineProblem[];
  onChange: (text: string, editedAt: number) => void;
  onCursorLine?: (line: number) => void;
  onSave?: () => void;
  /** Moves the cursor to a line (a new `nonce` moves again to the same line). */
  jump?: { line: number; nonce: number } | null;
}

// `{{p}}`, `{{(p+1)*K}}`, `{{@work}}`: the placeholders a variant fills, marked so authors see them.
const placeholderMatcher = new MatchDecorator({ regexp: /\{\{[^{}\n]*\}\}/g, decoration: Decoration.mark({ class: "cm-dd-placeholder" }) });
const placeholders = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = placeholderMatcher.createDeco(view);
    }
    update(update: ViewUpdate) {
      this.decorations = placeholderMatcher.updateDeco(update, this.decorations);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

// The editor's theme lives in this slot, so it can be swapped without rebuilding the editor. One
// slot serves every editor: a compartment is only a key into each editor's own configuration.
const themeSlot = new Compartment();

function toDiagnostics(state: EditorState, problems: readonly LineProblem[]): Diagnostic[] {
  return problems.map((problem) => {
    const line = state.doc.line(Math.min(Math.max(1, problem.line), state.doc.lines));
    return { from: line.from, to: Math.max(line.from, line.to), severity: problem.severity ?? "error", message: problem.message };
  });
}

/**
 * CodeMirror 6 for the deck's YAML: syntax highlighting, folding, search, undo; problems from the
 * server shown at their lines (gutter markers, underlines, tooltips); Ctrl/Cmd+S saves. Tab leaves
 * the editor (keyboard users must be able to get out); Enter keeps the indentation.
 */
export function YamlEditor({ docKey, initialText, label, problems, onChange, onCursorLine, onSave, jump }: YamlEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // Light or dark as the page is (editor-theme.ts); swapped in place (themeSlot) when the system's scheme changes.
  const scheme = useColorScheme();
  const schemeNow = useRef(scheme);
  const callbacks = useRef({ onChange, onCursorLine, onSave });
  useEffect(() => {
    callbacks.current = { onChange, onCursorLine, onSave };
  });

  const stateFor = (text: string) =>
    EditorState.create({
      doc: text,
      extensions: [
        basicSetup,
        yaml(),
        lintGutter(),
        placeholders,
        themeSlot.of(editorTheme(schemeNow.current)),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ "aria-label": label }),
        keymap.of([
          {
            key: "Mod-s",
            preventDefault: true,
            run: () => {
              callbacks.current.onSave?.();
              return true;
            },
          },
        ]),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) callbacks.current.onChange(update.state.doc.toString(), performance.now());
          if (update.docChanged || update.selectionSet) callbacks.current.onCursorLine?.(update.state.doc.lineAt(update.state.selection.main.head).number);
        }),
      ],
    });

  useEffect(() => {
    if (!host.current) return;
    const editor = new EditorView({ state: stateFor(initialText), parent: host.current });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is created once; documents are swapped below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const loadedKey = useRef(docKey);
  useEffect(() => {
    const editor = view.current;
    if (!editor || loadedKey.current === docKey) return;
    loadedKey.current = docKey;
    editor.setState(stateFor(initialText));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [docKey, initialText]);

  useEffect(() => {
    schemeNow.current = scheme;
    view.current?.dispatch({ effects: themeSlot.reconfigure(editorTheme(scheme)) });
  }, [scheme]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    editor.dispatch(setDiagnostics(editor.state, toDiagnostics(editor.state, problems)));
  }, [problems, docKey]);

  useEffect(() => {
    const editor = view.current;
    if (!editor || !jump) return;
    const line = editor.state.doc.line(Math.min(Math.max(1, jump.line), editor.state.doc.lines));
    editor.dispatch({ selection: EditorSelection.cursor(line.from), effects: EditorView.scrollIntoView(line.from, { y: "center" }) });
    editor.focus();
  }, [jump]);

  return <div ref={host} className="h-full min-h-[24rem] overflow-hidden rounded-lg border border-slate-300 dark:border-slate-700" data-testid="yaml-editor" />;
}

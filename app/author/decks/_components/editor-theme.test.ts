import { Compartment, EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { describe, expect, it } from "vitest";
import { contrastRatio } from "@/app/_components/color-contrast";
import { EDITOR_PALETTES, editorTheme } from "./editor-theme";

/**
 * The YAML editor's palettes meet WCAG contrast on every surface their text is drawn on (what the
 * axe run of tests/e2e checks in the rendered page), and the dark theme is the one CodeMirror's own
 * dark styles (tooltips, search panel) key on, swappable in a compartment.
 */

const schemes = Object.entries(EDITOR_PALETTES);

describe.each(schemes)("the %s editor palette", (_, p) => {
  const textColors = Object.entries({ text: p.text, ...p.syntax });
  const surfaces = Object.entries({ background: p.background, activeLine: p.activeLine, selection: p.selection });

  it.each(textColors)("%s reads at 4.5:1 on the paper, the active line and a selection", (_, color) => {
    const below = surfaces.filter(([, background]) => contrastRatio(color, background) < 4.5).map(([surface]) => surface);
    expect(below).toEqual([]);
  });

  it("line numbers, folded blocks, {{placeholders}} and the focus ring read too", () => {
    expect(contrastRatio(p.gutterText, p.gutterBackground)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(p.gutterText, p.activeGutter)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(p.placeholderText, p.placeholderBackground)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(p.focusRing, p.background)).toBeGreaterThanOrEqual(3);
  });
});

describe("editorTheme", () => {
  it("marks only the dark theme as dark, and a compartment swaps one for the other in place", () => {
    const slot = new Compartment();
    const light = EditorState.create({ doc: "id: demo\n", extensions: [slot.of(editorTheme("light"))] });
    expect(light.facet(EditorView.darkTheme)).toBe(false);
    const dark = light.update({ effects: slot.reconfigure(editorTheme("dark")) }).state;
    expect(dark.facet(EditorView.darkTheme)).toBe(true);
    expect(dark.doc.toString()).toBe("id: demo\n");
    expect(dark.update({ effects: slot.reconfigure(editorTheme("light")) }).state.facet(EditorView.darkTheme)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { itFollowsTheTable, type ReducerRow } from "@/app/_components/testing/reducer-table";
import type { DeckError } from "@/lib/content";
import type { PublishBlocker } from "@/lib/server/decks/deck-versions";
import { deckEditorReducer, initialEditorState, newFilePath, openPaths, pendingChanges, type DeckEditorAction, type DeckEditorState, type Saved } from "./deck-editor-machine";

const head = {
  version: "v1",
  status: "draft",
  files: [
    { path: "deck.yaml", text: "id: d\n" },
    { path: "templates/b.yaml", text: "b\n" },
    { path: "templates/a.yaml", text: "a\n" },
  ],
};
const outcome = (version: string): Saved => ({ ok: true, version, status: "draft", created: true, harness: { variants: 8, failures: 0, warnings: 0, ms: 900 } as Saved["harness"], blockers: [] });
const errors: DeckError[] = [{ file: "templates/a.yaml", line: 3, message: "unknown key" }];
const blockers: PublishBlocker[] = [{ itemId: "a", where: { file: "templates/a.yaml", line: 1 }, message: "harness fails", code: "deck.harnessFails" }];

const opened = initialEditorState({ head });
const editing: DeckEditorState = { ...opened, drafts: { "templates/a.yaml": "a2\n" }, editedAt: 10 };
const refused: DeckEditorState = { ...editing, save: { kind: "invalid", message: "422", errors } };
const saving: DeckEditorState = { ...editing, save: { kind: "saving" } };

const table: ReducerRow<DeckEditorState, DeckEditorAction>[] = [
  ["opening a file moves the cursor there", opened, { type: "opened", path: "deck.yaml", line: 4, nonce: 7 }, { ...opened, path: "deck.yaml", line: 4, jump: { line: 4, nonce: 7 } }],
  ["the cursor's line follows the editor", opened, { type: "cursorMoved", line: 9 }, { ...opened, line: 9 }],
  ["an edit drafts the file and stamps the time", opened, { type: "edited", path: "templates/a.yaml", text: "a2\n", at: 10 }, editing],
  ["an edit drops a refused save's problems", refused, { type: "edited", path: "templates/a.yaml", text: "a3\n", at: 11 }, { ...editing, drafts: { "templates/a.yaml": "a3\n" }, editedAt: 11 }],
  ["an edit keeps a failure that is not about the text", { ...editing, save: { kind: "failed", message: "offline" } }, { type: "edited", path: "templates/a.yaml", text: "a3\n", at: 11 }, { ...editing, drafts: { "templates/a.yaml": "a3\n" }, editedAt: 11, save: { kind: "failed", message: "offline" } }],
  ["a save starts: the last publish result goes", { ...editing, publish: { kind: "published", version: "v0" } }, { type: "saveStarted" }, saving],
  [
    "a save succeeds: drafts become the saved files of the new version",
    { ...saving, drafts: { "templates/a.yaml": "a2\n", "templates/b.yaml": null, "templates/c.yaml": "c\n" } },
    { type: "saveSucceeded", changes: [{ path: "templates/a.yaml", text: "a2\n" }, { path: "templates/b.yaml", text: null }, { path: "templates/c.yaml", text: "c\n" }], outcome: outcome("v2") },
    { ...saving, saved: { "deck.yaml": "id: d\n", "templates/a.yaml": "a2\n", "templates/c.yaml": "c\n" }, drafts: {}, baseVersion: "v2", status: "draft", save: { kind: "saved", outcome: outcome("v2") } },
  ],
  ["a save refused with the files' problems", saving, { type: "saveInvalid", message: "422", errors }, refused],
  ["a save fails", saving, { type: "saveFailed", message: "offline" }, { ...editing, save: { kind: "failed", message: "offline" } }],
  ["publishing", opened, { type: "publishStarted" }, { ...opened, publish: { kind: "publishing" } }],
  ["published: the status says so", { ...opened, publish: { kind: "publishing" } }, { type: "published", version: "v1" }, { ...opened, status: "published", publish: { kind: "published", version: "v1" } }],
  ["publishing blocked", opened, { type: "publishBlocked", message: "blocked", blockers }, { ...opened, publish: { kind: "blocked", message: "blocked", blockers } }],
  ["publishing fails", opened, { type: "publishFailed", message: "offline" }, { ...opened, publish: { kind: "failed", message: "offline" } }],
  ["typing a new file's name keeps its error until the next try", { ...opened, newFile: { name: "x", error: "bad" } }, { type: "newFileTyped", name: "x/" }, { ...opened, newFile: { name: "x/", error: "bad" } }],
  ["a rejected name says why", opened, { type: "newFileRejected", error: "exists" }, { ...opened, newFile: { name: "", error: "exists" } }],
  [
    "an added file is drafted and opened at its first line",
    { ...opened, newFile: { name: "c", error: "bad" } },
    { type: "fileAdded", path: "templates/c.yaml", text: "c\n", at: 20, nonce: 8 },
    { ...opened, drafts: { "templates/c.yaml": "c\n" }, newFile: { name: "", error: null }, path: "templates/c.yaml", line: 1, jump: { line: 1, nonce: 8 }, editedAt: 20 },
  ],
  ["deleting a saved file marks it for the next save; deck.yaml opens", editing, { type: "fileDeleted", path: "templates/b.yaml" }, { ...editing, drafts: { "templates/a.yaml": "a2\n", "templates/b.yaml": null }, path: "deck.yaml" }],
  ["deleting a file never saved forgets it", { ...editing, drafts: { "templates/c.yaml": "c\n" }, path: "templates/c.yaml" }, { type: "fileDeleted", path: "templates/c.yaml" }, { ...editing, drafts: {}, path: "deck.yaml" }],
];

describe("deckEditorReducer", () => {
  itFollowsTheTable(deckEditorReducer, table);
});

describe("initialEditorState", () => {
  it("opens the first file that is not deck.yaml, or the file the address names, or the template form's draft", () => {
    expect(opened.path).toBe("templates/a.yaml");
    expect(initialEditorState({ head, initialPath: "templates/b.yaml", initialLine: 5 })).toMatchObject({ path: "templates/b.yaml", line: 5, jump: { line: 5, nonce: 1 } });
    expect(initialEditorState({ head, initialPath: "templates/gone.yaml" }).path).toBe("templates/a.yaml");
    expect(initialEditorState({ head, initialDraft: { path: "templates/new.yaml", text: "n\n" } })).toMatchObject({ path: "templates/new.yaml", drafts: { "templates/new.yaml": "n\n" } });
    expect(initialEditorState({ head: null })).toMatchObject({ path: "deck.yaml", baseVersion: null, status: "draft", jump: null });
  });
});

describe("openPaths and pendingChanges", () => {
  it("lists deck.yaml first, then the rest by name, without deleted files; changes are the drafts that differ", () => {
    const state = { saved: opened.saved, drafts: { "templates/b.yaml": null, "templates/a.yaml": "a\n", "cards/x.yaml": "cards:\n" } };
    expect(openPaths(state)).toEqual(["deck.yaml", "cards/x.yaml", "templates/a.yaml"]);
    expect(pendingChanges(state)).toEqual([
      { path: "templates/b.yaml", text: null },
      { path: "cards/x.yaml", text: "cards:\n" },
    ]);
  });
});

describe("newFilePath", () => {
  const existing = ["deck.yaml", "templates/a.yaml"];
  it.each([
    ["Conv Sizes", { problem: "invalid" }],
    ["conv-sizes", { path: "templates/conv-sizes.yaml" }],
    [" Cards/Extra.yml ", { path: "cards/extra.yml" }],
    ["a", { problem: "exists" }],
    ["../up", { problem: "invalid" }],
  ] as const)("%s → %o", (typed, expected) => {
    expect(newFilePath(typed, existing)).toEqual(expected);
  });
});

import type { DeckError } from "@/lib/content";
import type { PublishBlocker, SaveOutcome } from "@/lib/server/decks/deck-versions";

/**
 * The deck editor's state and every way it changes, as one pure reducer: the files as saved and as
 * edited, the open file and line, and where saving and publishing stand. Requests, the editor
 * widget and the address bar stay in the component; clocks (edit times, jump nonces) arrive in the
 * actions so that the reducer stays pure.
 */

export const DECK_FILE = "deck.yaml";

export type Saved = Extract<SaveOutcome, { ok: true }>;

export type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; outcome: Saved }
  | { kind: "invalid"; message: string; errors: DeckError[] }
  | { kind: "failed"; message: string };

export type PublishState =
  | { kind: "idle" }
  | { kind: "publishing" }
  | { kind: "published"; version: string }
  | { kind: "blocked"; message: string; blockers: PublishBlocker[] }
  | { kind: "failed"; message: string };

/** One file's change in a save: its new text, or null when it is deleted. */
export interface FileChange {
  path: string;
  text: string | null;
}

export interface DeckEditorState {
  /** The files of the version the edits are based on. */
  saved: Record<string, string>;
  /** Edited text by path; null marks a saved file deleted. */
  drafts: Record<string, string | null>;
  baseVersion: string | null;
  status: string;
  /** The open file. */
  path: string;
  /** The cursor's line, for the preview of the item under it. */
  line: number;
  /** When the last edit happened (performance.now()), so the live preview knows to refresh. */
  editedAt: number;
  /** A request to move the editor's cursor; the nonce makes the same line twice a new request. */
  jump: { line: number; nonce: number } | null;
  save: SaveState;
  publish: PublishState;
  newFile: { name: string; error: string | null };
}

export type DeckEditorAction =
  | { type: "opened"; path: string; line: number; nonce: number }
  | { type: "cursorMoved"; line: number }
  | { type: "edited"; path: string; text: string; at: number }
  | { type: "saveStarted" }
  | { type: "saveSucceeded"; changes: FileChange[]; outcome: Saved }
  | { type: "saveInvalid"; message: string; errors: DeckError[] }
  | { type: "saveFailed"; message: string }
  | { type: "publishStarted" }
  | { type: "published"; version: string }
  | { type: "publishBlocked"; message: string; blockers: PublishBlocker[] }
  | { type: "publishFailed"; message: string }
  | { type: "newFileTyped"; name: string }
  | { type: "newFileRejected"; error: string }
  | { type: "fileAdded"; path: string; text: string; at: number; nonce: number }
  | { type: "fileDeleted"; path: string };

export interface DeckEditorStart {
  head: { version: string; status: string; files: { path: string; text: string }[] } | null;
  initialPath?: string;
  initialLine?: number;
  /** Unsaved text for a new file (from the template form). */
  initialDraft?: { path: string; text: string };
}

/** deck.yaml first, then the other files in name order. */
export function sortPaths(paths: Iterable<string>): string[] {
  return [...new Set(paths)].sort((a, b) => (a === DECK_FILE ? -1 : b === DECK_FILE ? 1 : a.localeCompare(b)));
}

/** The files in the editor's list: saved or drafted, not deleted. */
export function openPaths(state: Pick<DeckEditorState, "saved" | "drafts">): string[] {
  return sortPaths([...Object.keys(state.saved), ...Object.keys(state.drafts)].filter((path) => state.drafts[path] !== null));
}

/** The edits a save would send: every draft that differs from its saved text. */
export function pendingChanges(state: Pick<DeckEditorState, "saved" | "drafts">): FileChange[] {
  return Object.keys(state.drafts)
    .filter((path) => state.drafts[path] !== (state.saved[path] ?? undefined))
    .map((path) => ({ path, text: state.drafts[path] ?? null }));
}

/**
 * Opens the draft from the template form, else the file the address names, else the first file
 * that is not deck.yaml (the deck's questions rather than its header).
 */
export function initialEditorState({ head, initialPath, initialLine, initialDraft }: DeckEditorStart): DeckEditorState {
  const saved = Object.fromEntries((head?.files ?? []).map((file) => [file.path, file.text]));
  const drafts = initialDraft ? { [initialDraft.path]: initialDraft.text } : {};
  const paths = openPaths({ saved, drafts });
  const path = initialDraft?.path ?? (initialPath && paths.includes(initialPath) ? initialPath : (paths.find((candidate) => candidate !== DECK_FILE) ?? DECK_FILE));
  return {
    saved,
    drafts,
    baseVersion: head?.version ?? null,
    status: head?.status ?? "draft",
    path,
    line: initialLine ?? 1,
    editedAt: 0,
    jump: initialLine ? { line: initialLine, nonce: 1 } : null,
    save: { kind: "idle" },
    publish: { kind: "idle" },
    newFile: { name: "", error: null },
  };
}

const NEW_FILE = /^(?:[a-z0-9][a-z0-9._-]*\/)*[a-z0-9][a-z0-9._-]*\.ya?ml$/;

/**
 * The path a typed new-file name stands for: lower case, under templates/ unless it names a folder,
 * ending in .yaml; or why it cannot be added.
 */
export function newFilePath(typed: string, existing: readonly string[]): { path: string } | { problem: "invalid" | "exists" } {
  const name = typed.trim().toLowerCase();
  const full = name.includes("/") ? name : `templates/${name}`;
  const path = /\.ya?ml$/.test(full) ? full : `${full}.yaml`;
  if (!NEW_FILE.test(path)) return { problem: "invalid" };
  if (existing.includes(path)) return { problem: "exists" };
  return { path };
}

export function deckEditorReducer(state: DeckEditorState, action: DeckEditorAction): DeckEditorState {
  switch (action.type) {
    case "opened":
      return { ...state, path: action.path, line: action.line, jump: { line: action.line, nonce: action.nonce } };
    case "cursorMoved":
      return { ...state, line: action.line };
    case "edited":
      return {
        ...state,
        drafts: { ...state.drafts, [action.path]: action.text },
        editedAt: action.at,
        // A refused save's problems describe text that is gone now: left up, they (and their gutter
        // marks) contradict the live preview once the author has fixed them. The next save re-checks.
        save: state.save.kind === "invalid" ? { kind: "idle" } : state.save,
      };
    case "saveStarted":
      return { ...state, save: { kind: "saving" }, publish: { kind: "idle" } };
    case "saveSucceeded": {
      const saved = { ...state.saved };
      for (const change of action.changes) {
        if (change.text === null) delete saved[change.path];
        else saved[change.path] = change.text;
      }
      return { ...state, saved, drafts: {}, baseVersion: action.outcome.version, status: action.outcome.status, save: { kind: "saved", outcome: action.outcome } };
    }
    case "saveInvalid":
      return { ...state, save: { kind: "invalid", message: action.message, errors: action.errors } };
    case "saveFailed":
      return { ...state, save: { kind: "failed", message: action.message } };
    case "publishStarted":
      return { ...state, publish: { kind: "publishing" } };
    case "published":
      return { ...state, status: "published", publish: { kind: "published", version: action.version } };
    case "publishBlocked":
      return { ...state, publish: { kind: "blocked", message: action.message, blockers: action.blockers } };
    case "publishFailed":
      return { ...state, publish: { kind: "failed", message: action.message } };
    case "newFileTyped":
      return { ...state, newFile: { ...state.newFile, name: action.name } };
    case "newFileRejected":
      return { ...state, newFile: { ...state.newFile, error: action.error } };
    case "fileAdded":
      return {
        ...state,
        drafts: { ...state.drafts, [action.path]: action.text },
        newFile: { name: "", error: null },
        path: action.path,
        line: 1,
        jump: { line: 1, nonce: action.nonce },
        editedAt: action.at,
      };
    case "fileDeleted": {
      const drafts = { ...state.drafts };
      // A file never saved simply goes; a saved one is marked, so the next save deletes it.
      if (state.saved[action.path] === undefined) delete drafts[action.path];
      else drafts[action.path] = null;
      return { ...state, drafts, path: DECK_FILE };
    }
  }
}

"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useReducer, useRef } from "react";
import type { DeckError } from "@/lib/content";
import type { PublishBlocker } from "@/lib/server/decks/deck-versions";
import { deckApi } from "./api";
import { DECK_FILE, deckEditorReducer, initialEditorState, newFilePath, openPaths, pendingChanges, type DeckEditorStart, type Saved } from "./deck-editor-machine";
import { api, ApiError } from "@/lib/api-client";
import { PreviewPane } from "./preview-pane";
import { skeletonFileText } from "./template-kinds";
import { useLivePreview } from "./use-live-preview";
import { YamlEditor, type LineProblem } from "./yaml-editor";

export interface DeckEditorProps extends DeckEditorStart {
  deckId: string;
  deckTitle: string;
  concepts: string[];
}

/**
 * The deck editor: the deck's files, CodeMirror on the chosen one with its problems at their lines,
 * and the live preview beside it. Ctrl/Cmd+S saves every changed file as one new version (the
 * harness runs on save); Publish makes the saved version the deck's cards once nothing blocks it.
 */
export function DeckEditor({ deckId, deckTitle, concepts, head, initialPath, initialLine, initialDraft }: DeckEditorProps) {
  const t = useTranslations("author.editor");
  const [state, dispatch] = useReducer(deckEditorReducer, { head, initialPath, initialLine, initialDraft }, initialEditorState);
  const { saved, drafts, baseVersion, status, path, line, editedAt, jump, save: saveState, publish: publishState } = state;
  const { name: newFile, error: newFileError } = state.newFile;
  const paths = useMemo(() => openPaths({ saved, drafts }), [saved, drafts]);

  const text = drafts[path] ?? saved[path] ?? "";
  const dirtyPaths = pendingChanges({ saved, drafts }).map((change) => change.path);
  const dirty = dirtyPaths.length > 0;
  const header = path !== DECK_FILE && drafts[DECK_FILE] !== undefined && drafts[DECK_FILE] !== null ? drafts[DECK_FILE] : undefined;
  const preview = useLivePreview({ deckId, path, text, line, header, editedAt });

  const problems: LineProblem[] = useMemo(() => {
    const saveErrors = saveState.kind === "invalid" ? saveState.errors : [];
    const fromPreview = (preview.shown?.result.errors ?? []).filter((error) => error.file === path).map((error) => ({ line: error.line, message: error.message }));
    const fromSave = saveErrors.filter((error) => error.file === path).map((error) => ({ line: error.line, message: error.message }));
    const seen = new Set<string>();
    return [...fromPreview, ...fromSave].filter((problem) => {
      const key = `${problem.line}:${problem.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }, [preview.shown, saveState, path]);

  // The address names the open file, so a reload (or a shared link) opens the same one, also right
  // after "New YAML file". Line and item only held for the first open.
  useEffect(() => {
    const url = new URL(window.location.href);
    if (url.searchParams.get("file") === path) return;
    url.searchParams.set("file", path);
    url.searchParams.delete("line");
    url.searchParams.delete("item");
    window.history.replaceState(window.history.state, "", url);
  }, [path]);

  const goTo = useCallback((file: string, target: number) => {
    dispatch({ type: "opened", path: file, line: target, nonce: Date.now() });
  }, []);

  const onChange = useCallback((next: string, at: number) => dispatch({ type: "edited", path, text: next, at }), [path]);
  const onCursorLine = useCallback((target: number) => dispatch({ type: "cursorMoved", line: target }), []);

  const busy = useRef(false);
  const save = useCallback(async () => {
    if (busy.current) return;
    const changes = pendingChanges({ saved, drafts });
    if (changes.length === 0) {
      dispatch({ type: "saveFailed", message: t("nothingToSave") });
      return;
    }
    busy.current = true;
    dispatch({ type: "saveStarted" });
    try {
      const outcome = await api<Saved>(`${deckApi(deckId)}/versions`, { body: { baseVersion, changes } });
      dispatch({ type: "saveSucceeded", changes, outcome });
    } catch (error) {
      const errors = error instanceof ApiError && error.status === 422 ? error.list<DeckError>("errors") : undefined;
      const message = error instanceof Error ? error.message : String(error);
      dispatch(errors ? { type: "saveInvalid", message, errors } : { type: "saveFailed", message });
    } finally {
      busy.current = false;
    }
  }, [baseVersion, deckId, drafts, saved, t]);

  const publish = useCallback(async () => {
    if (!baseVersion || busy.current) return;
    busy.current = true;
    dispatch({ type: "publishStarted" });
    try {
      await api(`${deckApi(deckId)}/versions/${baseVersion}/publish`, { method: "POST" });
      dispatch({ type: "published", version: baseVersion });
    } catch (error) {
      const blockers = error instanceof ApiError ? error.list<PublishBlocker>("blockers") : undefined;
      const message = error instanceof Error ? error.message : String(error);
      dispatch(blockers ? { type: "publishBlocked", message, blockers } : { type: "publishFailed", message });
    } finally {
      busy.current = false;
    }
  }, [baseVersion, deckId]);

  // Ctrl/Cmd+S also saves when the focus is outside the editor (the editor has its own binding).
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented) return;
      if ((event.metaKey || event.ctrlKey) && !event.altKey && event.key.toLowerCase() === "s") {
        event.preventDefault();
        void save();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [save]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  function addFile(event: React.FormEvent) {
    event.preventDefault();
    const named = newFilePath(newFile, paths);
    if ("problem" in named) {
      dispatch({ type: "newFileRejected", error: named.problem === "invalid" ? t("newFileInvalid") : t("newFileExists") });
      return;
    }
    const file = named.path;
    const id = file.replace(/^.*\//, "").replace(/\.ya?ml$/, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "new-template";
    const text = file.startsWith("cards/") ? "cards:\n" : skeletonFileText(id, concepts[0] ?? "concept");
    dispatch({ type: "fileAdded", path: file, text, at: performance.now(), nonce: Date.now() });
  }

  function deleteFile() {
    if (path === DECK_FILE || !window.confirm(t("deleteConfirm", { path }))) return;
    dispatch({ type: "fileDeleted", path });
  }

  const canPublish = baseVersion !== null && !dirty && saveState.kind !== "saving" && status !== "published";
  const savedOutcome = saveState.kind === "saved" ? saveState.outcome : null;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            <Link className="link" href={`/author/decks/${encodeURIComponent(deckId)}`}>
              {deckTitle}
            </Link>{" "}
            · <span className="font-mono">{path}</span>
          </p>
          <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="editor-status">
            {dirty ? t("unsaved", { count: dirtyPaths.length }) : baseVersion ? t("savedVersion", { version: baseVersion, status: t(`status.${status === "published" ? "published" : status === "retired" ? "retired" : "draft"}`) }) : t("neverSaved")}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <button type="button" className="btn-primary" onClick={() => void save()} disabled={saveState.kind === "saving"} aria-keyshortcuts="Control+S Meta+S" data-testid="save">
            {saveState.kind === "saving" ? t("saving") : t("save")}
          </button>
          <button type="button" className="btn-secondary" onClick={() => void publish()} disabled={!canPublish || publishState.kind === "publishing"} data-testid="publish">
            {publishState.kind === "publishing" ? t("publishing") : t("publish")}
          </button>
        </div>
      </div>

      <div aria-live="polite" className="space-y-2">
        {saveState.kind === "saving" ? <p className="text-sm text-slate-600 dark:text-slate-400">{t("savingHint")}</p> : null}
        {savedOutcome ? (
          <div className={`rounded-lg border p-3 text-sm ${savedOutcome.harness.failures === 0 ? "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100" : "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"}`} data-testid="save-result">
            <p className="font-medium">
              {savedOutcome.created ? t("savedNew", { version: savedOutcome.version }) : t("savedSame", { version: savedOutcome.version })}{" "}
              {t("harness", { variants: savedOutcome.harness.variants, failures: savedOutcome.harness.failures, warnings: savedOutcome.harness.warnings, seconds: (savedOutcome.harness.ms / 1000).toFixed(1) })}
            </p>
            {savedOutcome.blockers.length > 0 ? (
              <>
                <p className="mt-2">{t("blockersLead")}</p>
                <BlockerList blockers={savedOutcome.blockers} onJump={goTo} />
              </>
            ) : (
              <p className="mt-1">{t("readyToPublish")}</p>
            )}
          </div>
        ) : null}
        {saveState.kind === "invalid" ? (
          <div className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100" role="alert" data-testid="save-errors">
            <p className="font-medium">{saveState.message}</p>
            <ul className="mt-2 space-y-1">
              {saveState.errors.map((error, index) => (
                <li key={`${error.file}:${error.line}:${index}`}>
                  <button type="button" className="text-left underline-offset-2 hover:underline" onClick={() => goTo(error.file, error.line)}>
                    <span className="font-mono">
                      {error.file}:{error.line}
                    </span>{" "}
                    {error.message}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {saveState.kind === "failed" ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            {saveState.message}
          </p>
        ) : null}
        {publishState.kind === "published" ? (
          <p className="rounded-lg border border-emerald-300 bg-emerald-50 p-3 text-sm font-medium text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100" data-testid="publish-result">
            {t("published", { version: publishState.version })}
          </p>
        ) : null}
        {publishState.kind === "blocked" ? (
          <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
            <p className="font-medium">{publishState.message}</p>
            <BlockerList blockers={publishState.blockers} onJump={goTo} />
          </div>
        ) : null}
        {publishState.kind === "failed" ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            {publishState.message}
          </p>
        ) : null}
      </div>

      <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <div className="min-w-0 space-y-3">
          <nav aria-label={t("files")} className="flex flex-wrap items-center gap-1">
            {paths.map((candidate) => (
              <button
                key={candidate}
                type="button"
                onClick={() => goTo(candidate, 1)}
                aria-current={candidate === path ? "page" : undefined}
                className="rounded-md border border-slate-300 px-2 py-1 font-mono text-xs hover:bg-slate-100 aria-[current=page]:border-accent-500 aria-[current=page]:bg-accent-50 dark:border-slate-700 dark:hover:bg-slate-800 dark:aria-[current=page]:bg-slate-800"
              >
                {candidate}
                {dirtyPaths.includes(candidate) ? <span aria-label={t("changed")}> •</span> : null}
              </button>
            ))}
          </nav>
          <div className="h-[65vh]">
            <YamlEditor docKey={path} initialText={text} label={t("editorLabel", { path })} problems={problems} onChange={onChange} onCursorLine={onCursorLine} onSave={() => void save()} jump={jump} />
          </div>
          <p className="text-xs text-slate-600 dark:text-slate-400">{t("shortcuts")}</p>
          <div className="flex flex-wrap items-start gap-3">
            <form onSubmit={addFile} className="flex flex-wrap items-start gap-2" noValidate>
              <label className="sr-only" htmlFor="new-file">
                {t("newFileLabel")}
              </label>
              <input
                id="new-file"
                className="field-input mt-0 w-56 font-mono text-sm"
                placeholder="templates/my-template.yaml"
                value={newFile}
                onChange={(event) => dispatch({ type: "newFileTyped", name: event.target.value })}
                aria-invalid={newFileError !== null}
                aria-describedby={newFileError ? "new-file-error" : undefined}
              />
              <button type="submit" className="btn-secondary" data-testid="add-file">
                {t("newFile")}
              </button>
              {newFileError ? (
                <p id="new-file-error" className="field-error w-full">
                  {newFileError}
                </p>
              ) : null}
            </form>
            <Link className="btn-secondary" href={`/author/decks/${encodeURIComponent(deckId)}/templates/new`}>
              {t("templateForm")}
            </Link>
            {path !== DECK_FILE ? (
              <button type="button" className="btn-secondary" onClick={deleteFile}>
                {t("deleteFile")}
              </button>
            ) : null}
          </div>
        </div>
        <div className="min-w-0">
          <PreviewPane shown={preview.shown} pending={preview.pending} error={preview.error} onJump={(target) => goTo(path, target)} path={path} />
        </div>
      </div>
    </div>
  );
}

function BlockerList({ blockers, onJump }: { blockers: PublishBlocker[]; onJump: (file: string, line: number) => void }) {
  return (
    <ul className="mt-2 list-disc space-y-1 pl-5" data-testid="blockers">
      {blockers.map((blocker, index) => (
        <li key={`${blocker.itemId ?? ""}:${index}`}>
          {blocker.where ? (
            <button type="button" className="text-left underline-offset-2 hover:underline" onClick={() => blocker.where && onJump(blocker.where.file, blocker.where.line)}>
              <span className="font-mono">
                {blocker.where.file}:{blocker.where.line}
              </span>{" "}
              {blocker.message}
            </button>
          ) : (
            blocker.message
          )}
        </li>
      ))}
    </ul>
  );
}

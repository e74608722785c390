"use client";
import { useEffect, useRef, useState } from "react";
import type { PreviewItemRef, PreviewResult } from "@/lib/server/decks/authoring-preview";
import { api } from "@/lib/api-client";

/** Time from the last keystroke to the request: long enough to skip the keystrokes of a word. */
export const PREVIEW_DEBOUNCE_MS = 120;

export interface LivePreviewInput {
  deckId: string;
  path: string;
  text: string;
  /** The cursor's line: the preview follows the item the author is in. */
  line: number;
  /** An unsaved deck.yaml to preview against. */
  header?: string;
  /** When the text last changed (performance.now()), for the latency figure. */
  editedAt: number;
}

export interface ShownPreview {
  result: PreviewResult;
  /** The request this answers (the newest text that came back). */
  key: string;
  /** When the text it shows was typed (performance.now()). */
  editedAt: number;
  /** A number that grows with every answer shown. */
  serial: number;
}

export interface LivePreview {
  shown: ShownPreview | null;
  /** A newer text than the shown one is waiting for its answer. */
  pending: boolean;
  error: string | null;
}

function itemAt(items: readonly PreviewItemRef[], line: number): string | undefined {
  let found: string | undefined;
  for (const item of items) if (item.line <= line) found = item.id;
  return found;
}

/**
 * The editor's live preview: after each pause in typing (and when the cursor moves to another
 * item) the file goes to POST /api/author/preview; answers to older texts are dropped, so the
 * preview always shows the newest text that came back.
 */
export function useLivePreview(input: LivePreviewInput): LivePreview {
  const [shown, setShown] = useState<ShownPreview | null>(null);
  const [failure, setFailure] = useState<{ key: string; message: string } | null>(null);
  const sent = useRef(0);
  const applied = useRef(0);
  const controller = useRef<AbortController | null>(null);

  const itemId = shown ? itemAt(shown.result.items, input.line) : undefined;
  const key = `${input.deckId}\u0000${input.path}\u0000${input.header ?? ""}\u0000${itemId ?? `line:${input.line}`}\u0000${input.text}`;
  const editedAt = input.editedAt;

  useEffect(() => {
    const timer = window.setTimeout(() => {
      sent.current += 1;
      const serial = sent.current;
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      api<PreviewResult>("/api/author/preview", {
        body: { deckId: input.deckId, path: input.path, text: input.text, line: input.line, ...(itemId ? { itemId } : {}), ...(input.header !== undefined ? { header: input.header } : {}) },
        signal: abort.signal,
      })
        .then((result) => {
          if (serial < applied.current) return;
          applied.current = serial;
          setShown({ result, key, editedAt, serial });
          setFailure(null);
        })
        .catch((cause: unknown) => {
          if (cause instanceof DOMException && cause.name === "AbortError") return;
          setFailure({ key, message: cause instanceof Error ? cause.message : String(cause) });
        });
    }, PREVIEW_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
    // `key` holds every input that changes the answer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  useEffect(() => () => controller.current?.abort(), []);

  const error = failure && failure.key === key ? failure.message : null;
  return { shown, pending: error === null && shown?.key !== key, error };
}

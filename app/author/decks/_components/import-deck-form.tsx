"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { DeckError } from "@/lib/content";
import { api, ApiError } from "@/lib/api-client";

/** Import a deck folder: its ZIP (as exported), or its .yaml files chosen together. */
export function ImportDeckForm() {
  const t = useTranslations("author.importDeck");
  const router = useRouter();
  const base = useId();
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; errors: DeckError[] } | null>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (files.length === 0) {
      setError({ message: t("choose"), errors: [] });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const zip = files.find((file) => /\.zip$/i.test(file.name));
      const outcome = zip
        ? await api<{ deckId: string }>("/api/author/decks/import", { raw: { data: await zip.arrayBuffer(), contentType: "application/zip" } })
        : await api<{ deckId: string }>("/api/author/decks/import", {
            body: { files: await Promise.all(files.map(async (file) => ({ path: file.webkitRelativePath || file.name, text: await file.text() }))) },
          });
      router.push(`/author/decks/${encodeURIComponent(outcome.deckId)}`);
    } catch (cause) {
      setError({ message: cause instanceof Error ? cause.message : String(cause), errors: (cause instanceof ApiError && cause.list<DeckError>("errors")) || [] });
      setBusy(false);
    }
  }

  return (
    <form className="card space-y-3" onSubmit={submit} noValidate>
      <h2 className="text-lg font-semibold">{t("title")}</h2>
      <p className="text-sm text-slate-700 dark:text-slate-300">{t("lead")}</p>
      <div>
        <label className="field-label" htmlFor={`${base}-files`}>
          {t("files")}
        </label>
        <input id={`${base}-files`} type="file" multiple accept=".zip,.yaml,.yml,application/zip" className="field-input" onChange={(event) => setFiles([...(event.target.files ?? [])])} data-testid="import-files" />
      </div>
      <button type="submit" className="btn-secondary" disabled={busy} data-testid="import-deck">
        {busy ? t("importing") : t("import")}
      </button>
      <div aria-live="polite">
        {error ? (
          <div role="alert" className="text-sm text-red-700 dark:text-red-300" data-testid="import-errors">
            <p>{error.message}</p>
            {error.errors.length > 0 ? (
              <ul className="mt-1 list-disc pl-5">
                {error.errors.map((problem, index) => (
                  <li key={index}>
                    <span className="font-mono">
                      {problem.file}:{problem.line}
                    </span>{" "}
                    {problem.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
    </form>
  );
}

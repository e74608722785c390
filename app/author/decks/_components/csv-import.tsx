"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import type { CsvLineError } from "@/lib/content/import-csv";
import { api, ApiError } from "@/lib/api-client";
import { deckApi } from "./api";

/** Static cards from a CSV/TSV file (front, back, tags): all or nothing, problems by line. */
export function CsvImport({ deckId, concepts, baseVersion }: { deckId: string; concepts: { id: string; name: string }[]; baseVersion: string | null }) {
  const t = useTranslations("author.csv");
  const router = useRouter();
  const base = useId();
  // Read from the input when the form is sent, not from its change event: a file chosen before the
  // page hydrated fires no event React sees, and the import would claim nothing was chosen.
  const fileInput = useRef<HTMLInputElement>(null);
  const [concept, setConcept] = useState("");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: "ok" | "error"; text: string; errors: CsvLineError[] } | null>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const file = fileInput.current?.files?.[0] ?? null;
    if (!file) {
      setResult({ tone: "error", text: t("chooseFile"), errors: [] });
      return;
    }
    setBusy(true);
    setResult(null);
    try {
      const text = await file.text();
      const outcome = await api<{ added: number; updated: number; version: string }>(`${deckApi(deckId)}/import-csv`, {
        body: { text, fileName: file.name, ...(concept ? { defaultConcept: concept } : {}), baseVersion },
      });
      setResult({ tone: "ok", text: t("imported", { added: outcome.added, updated: outcome.updated, version: outcome.version }), errors: [] });
      router.refresh();
    } catch (error) {
      const errors = (error instanceof ApiError && error.list<CsvLineError>("errors")) || [];
      setResult({ tone: "error", text: error instanceof Error ? error.message : String(error), errors });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="space-y-3" onSubmit={submit} noValidate>
      <p className="text-sm text-slate-700 dark:text-slate-300">{t("lead")}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label className="field-label" htmlFor={`${base}-file`}>
            {t("file")}
          </label>
          <input id={`${base}-file`} type="file" accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values" className="field-input" ref={fileInput} data-testid="csv-file" />
        </div>
        <div>
          <label className="field-label" htmlFor={`${base}-concept`}>
            {t("defaultConcept")}
          </label>
          <select id={`${base}-concept`} className="field-input" value={concept} onChange={(event) => setConcept(event.target.value)}>
            <option value="">{t("fromTags")}</option>
            {concepts.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.name} ({entry.id})
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="submit" className="btn-secondary" disabled={busy} data-testid="csv-import">
        {busy ? t("importing") : t("import")}
      </button>
      <div aria-live="polite">
        {result ? (
          <div role={result.tone === "error" ? "alert" : "status"} className={`text-sm ${result.tone === "error" ? "text-red-700 dark:text-red-300" : "text-emerald-800 dark:text-emerald-200"}`} data-testid="csv-result">
            <p>{result.text}</p>
            {result.errors.length > 0 ? (
              <ul className="mt-1 list-disc pl-5">
                {result.errors.map((error, index) => (
                  <li key={index}>
                    <span className="font-mono">{t("line", { line: error.line })}</span> {error.message}
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

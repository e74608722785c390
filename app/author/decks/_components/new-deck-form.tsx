"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { api, ApiError } from "@/lib/api-client";

interface ConceptRow {
  id: string;
  ko: string;
  en: string;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);

/** A new in-app deck: id, title in both languages, and its concepts. */
export function NewDeckForm() {
  const t = useTranslations("author.newDeck");
  const router = useRouter();
  const base = useId();
  const [id, setId] = useState("");
  const [titleEn, setTitleEn] = useState("");
  const [titleKo, setTitleKo] = useState("");
  const [concepts, setConcepts] = useState<ConceptRow[]>([{ id: "", ko: "", en: "" }]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; fields: Record<string, string[]> } | null>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await api<{ deckId: string }>("/api/author/decks", {
        body: { id, title: { ko: titleKo, en: titleEn }, concepts: concepts.map((concept) => ({ ...concept, id: concept.id || slug(concept.en) })) },
      });
      router.push(`/author/decks/${encodeURIComponent(created.deckId)}`);
    } catch (cause) {
      const fields = (cause instanceof ApiError && cause.fields) || {};
      // With fields marked, the server's summary ("Invalid input. id: …") only repeats the first one.
      const message = Object.keys(fields).length > 0 ? t("fixFields") : cause instanceof Error ? cause.message : String(cause);
      setError({ message, fields });
      setBusy(false);
    }
  }

  const fieldError = (key: string) => error?.fields[key]?.[0];
  const field = (key: string, label: string, value: string, onChange: (value: string) => void, options: { mono?: boolean; hint?: string } = {}) => {
    const inputId = `${base}-${key}`;
    const problem = fieldError(key);
    return (
      <div>
        <label className="field-label" htmlFor={inputId}>
          {label}
        </label>
        <input
          id={inputId}
          className={`field-input ${options.mono ? "font-mono" : ""}`}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={problem !== undefined}
          aria-describedby={[problem ? `${inputId}-error` : "", options.hint ? `${inputId}-hint` : ""].filter(Boolean).join(" ") || undefined}
          required
        />
        {options.hint ? (
          <p id={`${inputId}-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            {options.hint}
          </p>
        ) : null}
        {problem ? (
          <p id={`${inputId}-error`} className="field-error">
            {problem}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <form className="card space-y-4" onSubmit={submit} noValidate data-testid="new-deck-form">
      <h2 className="text-lg font-semibold">{t("title")}</h2>
      <div className="grid gap-4 sm:grid-cols-3">
        {field("id", t("id"), id, (value) => setId(value.trim().toLowerCase()), { mono: true, hint: t("idHint") })}
        {field("title.en", t("titleEn"), titleEn, (value) => {
          setTitleEn(value);
          if (id === "" || id === slug(titleEn)) setId(slug(value));
        })}
        {field("title.ko", t("titleKo"), titleKo, setTitleKo)}
      </div>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">{t("concepts")}</legend>
        <p className="text-xs text-slate-600 dark:text-slate-400">{t("conceptsHint")}</p>
        {concepts.map((concept, index) => (
          // The remove column only when there is something to remove: an empty one narrowed the fields out of line with the title row.
          <div key={index} className={`grid gap-4 ${concepts.length > 1 ? "sm:grid-cols-[1fr_1fr_1fr_auto]" : "sm:grid-cols-3"}`}>
            {field(`concepts.${index}.en`, t("conceptEn", { number: index + 1 }), concept.en, (value) => setConcepts((rows) => rows.map((row, i) => (i === index ? { ...row, en: value } : row))))}
            {field(`concepts.${index}.ko`, t("conceptKo", { number: index + 1 }), concept.ko, (value) => setConcepts((rows) => rows.map((row, i) => (i === index ? { ...row, ko: value } : row))))}
            {field(`concepts.${index}.id`, t("conceptId", { number: index + 1 }), concept.id || slug(concept.en), (value) => setConcepts((rows) => rows.map((row, i) => (i === index ? { ...row, id: value.trim().toLowerCase() } : row))), { mono: true })}
            {concepts.length > 1 ? (
              <div className="flex items-end">
                <button type="button" className="btn-secondary" onClick={() => setConcepts((rows) => rows.filter((_, i) => i !== index))} aria-label={t("removeConcept", { number: index + 1 })}>
                  −
                </button>
              </div>
            ) : null}
          </div>
        ))}
        <button type="button" className="btn-secondary" onClick={() => setConcepts((rows) => [...rows, { id: "", ko: "", en: "" }])}>
          {t("addConcept")}
        </button>
      </fieldset>
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error.message}
        </p>
      ) : null}
      <button type="submit" className="btn-primary" disabled={busy} data-testid="create-deck">
        {busy ? t("creating") : t("create")}
      </button>
    </form>
  );
}

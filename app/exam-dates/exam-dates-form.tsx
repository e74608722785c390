"use client";
import type { Locale } from "next-intl";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import type { ExamDateView } from "@/lib/server/exams/exam-dates";
import { callApi, errorText } from "@/lib/api-client";

/** The exam-date list (own ones deletable, a class's read-only) and the form that adds one. */
export function ExamDatesForm({
  examDates,
  decks,
  deckTitles,
  lang,
}: {
  examDates: ExamDateView[];
  decks: { id: string; title: string }[];
  deckTitles: Record<string, string>;
  lang: Locale;
}) {
  const t = useTranslations("examDates");
  const router = useRouter();
  const [date, setDate] = useState("");
  const [chosen, setChosen] = useState<string[]>(decks.length === 1 && decks[0] ? [decks[0].id] : []);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const formatDate = (value: string) => new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${value}T00:00:00Z`));

  async function add(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await callApi("POST", "/api/exam-dates", { date, deckIds: chosen });
      setMessage(t("added"));
      router.refresh();
    } catch (error) {
      setMessage(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  async function remove(id: string) {
    try {
      await callApi("DELETE", `/api/exam-dates/${encodeURIComponent(id)}`);
      setMessage(t("deleted"));
      router.refresh();
    } catch (error) {
      setMessage(errorText(error));
    }
  }

  return (
    <div className="grid gap-6 md:grid-cols-2">
      <section aria-labelledby="exam-date-list" className="card space-y-3">
        <h2 id="exam-date-list" className="text-lg font-semibold">{t("listTitle")}</h2>
        {examDates.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-200 dark:divide-slate-800" data-testid="exam-date-list">
            {examDates.map((exam) => (
              <li key={exam.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <span className="font-medium">{formatDate(exam.date)}</span>{" "}
                  <span className="text-sm text-slate-600 dark:text-slate-400">
                    · {exam.source === "class" ? t("fromClass", { className: exam.className ?? "" }) : t("ownExam")} · {exam.deckIds.map((id) => deckTitles[id] ?? id).join(", ")}
                  </span>
                </span>
                {exam.source === "own" ? (
                  <button type="button" className="btn-secondary text-sm" onClick={() => void remove(exam.id)} aria-label={t("deleteLabel", { date: formatDate(exam.date) })}>
                    {t("delete")}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <form className="card space-y-3" onSubmit={add} aria-labelledby="exam-date-add">
        <h2 id="exam-date-add" className="text-lg font-semibold">{t("add")}</h2>
        <div>
          <label htmlFor="exam-date" className="field-label">
            {t("dateLabel")}
          </label>
          <input id="exam-date" className="field-input" type="date" required value={date} onChange={(event) => setDate(event.target.value)} />
        </div>
        <fieldset>
          <legend className="field-label">{t("decksLabel")}</legend>
          {decks.length === 0 ? <p className="text-sm">{t("noDecks")}</p> : null}
          {decks.map((deck) => (
            <label key={deck.id} className="flex items-center gap-2 py-1">
              <input
                type="checkbox"
                checked={chosen.includes(deck.id)}
                onChange={(event) => setChosen((current) => (event.target.checked ? [...current, deck.id] : current.filter((id) => id !== deck.id)))}
              />
              {deck.title}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="btn-primary" disabled={busy || decks.length === 0}>
          {busy ? t("adding") : t("add")}
        </button>
        <p role="status" className="min-h-5 text-sm">
          {message}
        </p>
      </form>
    </div>
  );
}

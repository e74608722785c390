"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { callApi, errorText } from "@/lib/api-client";

/** The class's exam date: members inherit it for the class's decks. */
export function ClassExamDateForm({ classId, initial }: { classId: string; initial: string | null }) {
  const t = useTranslations("examDates");
  const router = useRouter();
  const [date, setDate] = useState(initial ?? "");
  const [message, setMessage] = useState<string | null>(null);

  async function save(value: string | null) {
    try {
      await callApi("PUT", `/api/author/classes/${encodeURIComponent(classId)}/exam-date`, { date: value });
    } catch (error) {
      setMessage(errorText(error));
      return;
    }
    setMessage(value === null ? t("classCleared") : t("classSaved"));
    if (value === null) setDate("");
    router.refresh();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void save(date);
  }

  return (
    <form className="card space-y-3" onSubmit={submit} aria-labelledby="class-exam-date">
      <h2 id="class-exam-date" className="text-lg font-semibold">{t("classTitle")}</h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">{t("classHint")}</p>
      <div>
        <label htmlFor="class-exam-date-input" className="field-label">
          {t("dateLabel")}
        </label>
        <input id="class-exam-date-input" className="field-input" type="date" required value={date} onChange={(event) => setDate(event.target.value)} />
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="submit" className="btn-primary">
          {t("classSave")}
        </button>
        {initial ? (
          <button type="button" className="btn-secondary" onClick={() => void save(null)}>
            {t("classClear")}
          </button>
        ) : null}
      </div>
      <p role="status" className="min-h-5 text-sm">
        {message}
      </p>
    </form>
  );
}

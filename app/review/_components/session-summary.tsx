"use client";
import { useTranslations } from "next-intl";
import type { SessionGrade } from "../review-machine";

/** What this sitting amounted to, shown when the queue is empty (undone grades are already gone from `history`). */
export function SessionSummary({ history }: { history: readonly SessionGrade[] }) {
  const t = useTranslations("review.summary");
  const correct = history.filter((entry) => entry.status === "correct").length;
  const again = history.filter((entry) => entry.grade < 4).length;
  const minutes = Math.max(1, Math.round(history.reduce((sum, entry) => sum + (entry.durationMs ?? 0), 0) / 60_000));
  const counts = [0, 1, 2, 3, 4, 5].map((grade) => history.filter((entry) => entry.grade === grade).length);
  return (
    <section className="card space-y-3" aria-labelledby="session-summary" data-testid="session-summary">
      <h2 id="session-summary" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {(
          [
            ["reviewed", history.length],
            ["correct", correct],
            ["again", again],
            ["time", t("minutes", { minutes })],
          ] as const
        ).map(([key, value]) => (
          <div key={key} className="rounded-lg bg-slate-50 p-3 dark:bg-slate-800">
            <dt className="text-xs text-slate-600 dark:text-slate-400">{t(key)}</dt>
            <dd className="text-2xl font-semibold" data-testid={`summary-${key}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <div>
        <h3 className="text-sm font-medium">{t("grades")}</h3>
        <ol className="mt-1 flex gap-2 text-sm">
          {counts.map((count, grade) => (
            <li key={grade} className="rounded bg-slate-100 px-2 py-1 font-mono dark:bg-slate-800">
              {grade}: {count}
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}

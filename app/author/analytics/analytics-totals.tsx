import type { ClassAnalytics } from "@/lib/server/analytics/analytics";
import { percent, type AnalyticsView } from "./analytics-view";

/** Three figures: students, attempts, share correct; and a note when only the newest attempts were read. */
export function AnalyticsTotals({ view, memberCount, totals }: { view: AnalyticsView; memberCount: number; totals: ClassAnalytics["totals"] }) {
  const { t, count } = view;
  return (
    <section aria-labelledby="totals-title" className="grid gap-4 sm:grid-cols-3" data-testid="analytics-totals">
      <h2 id="totals-title" className="sr-only">
        {t("totals.title")}
      </h2>
      <div className="card">
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("totals.students")}</p>
        <p className="text-3xl font-bold">{count(memberCount)}</p>
      </div>
      <div className="card">
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("totals.attempts")}</p>
        <p className="text-3xl font-bold" data-testid="total-attempts">
          {count(totals.attempts)}
        </p>
      </div>
      <div className="card">
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("totals.rate")}</p>
        <p className="text-3xl font-bold">{percent(totals.rate)}</p>
      </div>
      {totals.truncated ? <p className="text-sm text-amber-800 sm:col-span-3 dark:text-amber-200">{t("totals.truncated")}</p> : null}
    </section>
  );
}

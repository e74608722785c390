import Link from "next/link";
import type { ReportedProblem } from "@/lib/server/analytics/analytics";
import { AnalyticsSection } from "./analytics-section";
import { paramList, type AnalyticsView } from "./analytics-view";

/** Problems students reported, newest first, each with its exact variant (or a note that the template changed). */
export function ReportList({ view, reports }: { view: AnalyticsView; reports: ReportedProblem[] }) {
  const { t } = view;
  return (
    <AnalyticsSection id="reports-title" title={t("reports.title")} className="card space-y-3">
      {reports.length === 0 ? (
        <p className="text-slate-700 dark:text-slate-300">{t("reports.empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800" data-testid="report-list">
          {reports.map((report) => (
            <ReportRow key={report.id} view={view} report={report} />
          ))}
        </ul>
      )}
    </AnalyticsSection>
  );
}

function ReportRow({ view, report }: { view: AnalyticsView; report: ReportedProblem }) {
  const { t, date } = view;
  return (
    <li className="space-y-1 py-3">
      <p className="flex flex-wrap items-baseline gap-x-3 text-sm text-slate-600 dark:text-slate-400">
        <span className="font-mono">{report.itemId}</span>
        <span>{report.student}</span>
        <span>{date(report.createdAt)}</span>
      </p>
      <p className="whitespace-pre-wrap">{report.message}</p>
      <p className="text-sm">
        {Object.keys(report.params).length > 0 ? (
          <>
            {t("reports.variant", { seed: report.seed })}{" "}
            <code className="break-all rounded bg-slate-100 px-1 font-mono text-xs dark:bg-slate-800">{paramList(report.params)}</code>
          </>
        ) : (
          t("reports.variantNoParams", { seed: report.seed })
        )}
        {report.response !== null ? <> · {t("reports.response", { response: report.response })}</> : null}
      </p>
      <p className="text-sm">
        {report.sameVersion ? (
          <Link className="link" href={report.openHref}>
            {t("reports.open")}
          </Link>
        ) : (
          <span className="text-amber-800 dark:text-amber-200">{t("reports.changed")}</span>
        )}
      </p>
    </li>
  );
}

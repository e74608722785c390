import { RateBar } from "@/app/_components/rate-bar";
import type { TemplateAnalytics } from "@/lib/server/analytics/analytics";
import { AnalyticsSection } from "./analytics-section";
import { percent, type AnalyticsView } from "./analytics-view";

/** Every answered card, most attempted first; each opens to its accuracy by parameter and its matched mistakes. */
export function TemplateList({ view, templates }: { view: AnalyticsView; templates: TemplateAnalytics[] }) {
  const { t } = view;
  return (
    <AnalyticsSection id="templates-title" title={t("templates.title")} lead={t("templates.lead")} className="space-y-4">
      <ul className="space-y-3" data-testid="template-list">
        {templates.map((tpl) => (
          <TemplateRow key={tpl.cardId} view={view} template={tpl} />
        ))}
      </ul>
    </AnalyticsSection>
  );
}

function TemplateRow({ view, template: tpl }: { view: AnalyticsView; template: TemplateAnalytics }) {
  const { t, lang } = view;
  return (
    <li className="card" data-testid="template-row" data-item-id={tpl.itemId}>
      <details>
        <summary className="flex cursor-pointer flex-wrap items-baseline gap-x-4 gap-y-1">
          <span className="font-semibold">{tpl.title?.[lang] ?? tpl.itemId}</span>
          <span className="text-sm text-slate-600 dark:text-slate-400">{tpl.conceptName?.[lang] ?? tpl.concept}</span>
          <span className="ml-auto text-sm tabular-nums">{t("templates.summary", { attempts: tpl.attempts, rate: percent(tpl.rate) })}</span>
        </summary>
        <div className="mt-4 grid gap-6 lg:grid-cols-2">
          <ParamAccuracy view={view} byParam={tpl.byParam} />
          <MatchedMistakes view={view} mistakes={tpl.mistakes} unmatchedWrong={tpl.unmatchedWrong} />
        </div>
      </details>
    </li>
  );
}

/** One small table per parameter: its value buckets, attempts and share correct. */
function ParamAccuracy({ view, byParam }: { view: AnalyticsView; byParam: TemplateAnalytics["byParam"] }) {
  const { t } = view;
  return (
    <div className="space-y-3">
      <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{t("templates.byParam")}</h3>
      {byParam.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("templates.noParams")}</p>
      ) : (
        byParam.map((param) => (
          <table key={param.param} className="w-full text-left text-sm">
            <caption className="text-left font-mono font-medium">{param.param}</caption>
            <thead className="sr-only">
              <tr>
                <th scope="col">{t("templates.value")}</th>
                <th scope="col">{t("attempts")}</th>
                <th scope="col">{t("shareCorrect")}</th>
              </tr>
            </thead>
            <tbody>
              {param.buckets.map((bucket) => (
                <tr key={bucket.label}>
                  <th scope="row" className="w-28 py-0.5 pr-3 font-mono font-normal">{bucket.label}</th>
                  <td className="w-20 py-0.5 pr-3 text-right tabular-nums text-slate-600 dark:text-slate-400">{t("templates.n", { count: bucket.attempts })}</td>
                  <td className="py-0.5 whitespace-nowrap tabular-nums">
                    <RateBar rate={bucket.rate} /> {percent(bucket.rate)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))
      )}
    </div>
  );
}

/** The most frequent matched mistakes, and how many wrong answers matched none. */
function MatchedMistakes({ view, mistakes, unmatchedWrong }: { view: AnalyticsView; mistakes: TemplateAnalytics["mistakes"]; unmatchedWrong: number }) {
  const { t, lang } = view;
  return (
    <div className="space-y-2">
      <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{t("templates.mistakes")}</h3>
      {mistakes.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("templates.noMistakes")}</p>
      ) : (
        <ol className="list-decimal space-y-1 pl-5 text-sm">
          {mistakes.map((m) => (
            <li key={m.feedback.en}>
              {m.feedback[lang]} <span className="tabular-nums text-slate-600 dark:text-slate-400">×{m.count}</span>
            </li>
          ))}
        </ol>
      )}
      {unmatchedWrong > 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">{t("templates.unmatched", { count: unmatchedWrong })}</p> : null}
    </div>
  );
}

import type { Metadata } from "next";
import { formatWhen } from "@/app/_components/format-when";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { classAnalytics } from "@/lib/server/analytics/analytics";
import { AppError } from "@/lib/server-shared/errors";
import { requirePageInstructor } from "@/lib/server/accounts/page-guards";
import { DataTable } from "@/app/_components/data-table";
import { RateBar } from "@/app/_components/rate-bar";
import { ConceptChart } from "./concept-chart";
import { isOpaqueId } from "@/lib/schemas/ids";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("analytics"))("metaTitle") };
}

function percent(rate: number | null): string {
  return rate === null ? "—" : `${Math.round(rate * 100)}%`;
}

/** A reported variant's numbers as the editor's preview shows them: `p=64, K1=80`. */
function paramList(params: Record<string, unknown>): string {
  return Object.entries(params)
    .map(([name, value]) => `${name}=${Array.isArray(value) ? JSON.stringify(value) : String(value)}`)
    .join(", ");
}

/**
 * /author/analytics[?class=…]: where one of the instructor's classes struggles — per concept, per
 * template (accuracy by parameter value, matched mistakes), reported problems with their exact
 * variant, and each student's progress. Only the instructor's own classes (others are a 404).
 */
export default async function AnalyticsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const raw = Array.isArray(query.class) ? query.class[0] : query.class;
  const classId = raw !== undefined && isOpaqueId(raw) ? raw : undefined;
  const user = await requirePageInstructor(classId ? `/author/analytics?class=${encodeURIComponent(classId)}` : "/author/analytics");
  const data = await classAnalytics(user, { classId }).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const [t, locale] = await Promise.all([getTranslations("analytics"), getLocale()]);
  // Counts with the language's digit grouping (a large class reaches thousands of attempts).
  const count = (value: number) => new Intl.NumberFormat(locale).format(value);
  const date = (iso: string | null) => (iso ? formatWhen(iso, locale, user.timezone, "date") : "—");

  if (!data.selected) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <div className="card space-y-3" data-testid="analytics-no-classes">
          <p className="text-slate-700 dark:text-slate-300">{t("noClasses")}</p>
          <Link className="btn-primary" href="/author/classes">
            {t("createClass")}
          </Link>
        </div>
      </div>
    );
  }
  const selected = data.selected;

  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <form method="get" className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <div>
            <label htmlFor="analytics-class" className="field-label">
              {t("classLabel")}
            </label>
            <select id="analytics-class" name="class" defaultValue={selected.id} className="field-input">
              {data.classes.map((c) => (
                <option key={c.id} value={c.id}>
                  {t("classOption", { name: c.name, count: c.memberCount })}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn-secondary">
            {t("show")}
          </button>
          <Link className="link sm:ml-auto" href={`/author/classes/${encodeURIComponent(selected.id)}`}>
            {t("manageClass")}
          </Link>
        </form>
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="analytics-scope">
          {selected.decks.length > 0 ? t("scope", { decks: selected.decks.map((d) => d.title[locale]).join(", "), days: data.windowDays }) : t("noDecks")}
        </p>
      </header>

      <section aria-labelledby="totals-title" className="grid gap-4 sm:grid-cols-3" data-testid="analytics-totals">
        <h2 id="totals-title" className="sr-only">
          {t("totals.title")}
        </h2>
        <div className="card">
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("totals.students")}</p>
          <p className="text-3xl font-bold">{count(selected.memberCount)}</p>
        </div>
        <div className="card">
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("totals.attempts")}</p>
          <p className="text-3xl font-bold" data-testid="total-attempts">
            {count(data.totals.attempts)}
          </p>
        </div>
        <div className="card">
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("totals.rate")}</p>
          <p className="text-3xl font-bold">{percent(data.totals.rate)}</p>
        </div>
        {data.totals.truncated ? <p className="text-sm text-amber-800 sm:col-span-3 dark:text-amber-200">{t("totals.truncated")}</p> : null}
      </section>

      {data.totals.attempts === 0 ? (
        <p className="card text-slate-700 dark:text-slate-300" data-testid="analytics-empty">
          {selected.memberCount === 0 ? t("emptyNoStudents") : t("empty")}
        </p>
      ) : (
        <>
          <section className="card space-y-4" aria-labelledby="concepts-title">
            <h2 id="concepts-title" className="text-xl font-semibold">
              {t("concepts.title")}
            </h2>
            <p className="text-sm text-slate-600 dark:text-slate-400">{t("concepts.lead")}</p>
            <ConceptChart
              data={data.concepts
                .filter((c) => c.rate !== null)
                .slice(0, 12)
                .map((c) => ({ name: c.name?.[locale] ?? c.concept, rate: Math.round((c.rate ?? 0) * 100), attempts: c.attempts }))}
            />
            <DataTable
              caption={t("concepts.title")}
              columns={[{ label: t("concepts.concept") }, { label: t("attempts"), numeric: true }, { label: t("shareCorrect") }, { label: t("concepts.students"), numeric: true }]}
              testId="concept-table"
            >
              {data.concepts.map((c) => (
                <tr key={`${c.deckId}/${c.concept}`}>
                  <th scope="row" className="py-2 pr-3 font-normal">{c.name?.[locale] ?? c.concept}</th>
                  <td className="py-2 pr-3 text-right tabular-nums">{count(c.attempts)}</td>
                  <td className="py-2 pr-3 whitespace-nowrap tabular-nums">
                    <RateBar rate={c.rate} /> {percent(c.rate)}
                  </td>
                  <td className="py-2 text-right tabular-nums">{count(c.students)}</td>
                </tr>
              ))}
            </DataTable>
          </section>

          <section className="space-y-4" aria-labelledby="templates-title">
            <h2 id="templates-title" className="text-xl font-semibold">
              {t("templates.title")}
            </h2>
            <p className="text-sm text-slate-600 dark:text-slate-400">{t("templates.lead")}</p>
            <ul className="space-y-3" data-testid="template-list">
              {data.templates.map((tpl) => (
                <li key={tpl.cardId} className="card" data-testid="template-row" data-item-id={tpl.itemId}>
                  <details>
                    <summary className="flex cursor-pointer flex-wrap items-baseline gap-x-4 gap-y-1">
                      <span className="font-semibold">{tpl.title?.[locale] ?? tpl.itemId}</span>
                      <span className="text-sm text-slate-600 dark:text-slate-400">{tpl.conceptName?.[locale] ?? tpl.concept}</span>
                      <span className="ml-auto text-sm tabular-nums">
                        {t("templates.summary", { attempts: tpl.attempts, rate: percent(tpl.rate) })}
                      </span>
                    </summary>
                    <div className="mt-4 grid gap-6 lg:grid-cols-2">
                      <div className="space-y-3">
                        <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{t("templates.byParam")}</h3>
                        {tpl.byParam.length === 0 ? (
                          <p className="text-sm text-slate-600 dark:text-slate-400">{t("templates.noParams")}</p>
                        ) : (
                          tpl.byParam.map((param) => (
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
                      <div className="space-y-2">
                        <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{t("templates.mistakes")}</h3>
                        {tpl.mistakes.length === 0 ? (
                          <p className="text-sm text-slate-600 dark:text-slate-400">{t("templates.noMistakes")}</p>
                        ) : (
                          <ol className="list-decimal space-y-1 pl-5 text-sm">
                            {tpl.mistakes.map((m) => (
                              <li key={m.feedback.en}>
                                {m.feedback[locale]} <span className="tabular-nums text-slate-600 dark:text-slate-400">×{m.count}</span>
                              </li>
                            ))}
                          </ol>
                        )}
                        {tpl.unmatchedWrong > 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">{t("templates.unmatched", { count: tpl.unmatchedWrong })}</p> : null}
                      </div>
                    </div>
                  </details>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}

      <section className="card space-y-3" aria-labelledby="reports-title">
        <h2 id="reports-title" className="text-xl font-semibold">
          {t("reports.title")}
        </h2>
        {data.reports.length === 0 ? (
          <p className="text-slate-700 dark:text-slate-300">{t("reports.empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-200 dark:divide-slate-800" data-testid="report-list">
            {data.reports.map((report) => (
              <li key={report.id} className="space-y-1 py-3">
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
            ))}
          </ul>
        )}
      </section>

      <section className="card space-y-3" aria-labelledby="students-title">
        <h2 id="students-title" className="text-xl font-semibold">
          {t("students.title")}
        </h2>
        {data.students.length === 0 ? (
          <p className="text-slate-700 dark:text-slate-300">{t("emptyNoStudents")}</p>
        ) : (
          <DataTable
            caption={t("students.title")}
            columns={[
              { label: t("students.name") },
              { label: t("attempts"), numeric: true },
              { label: t("shareCorrect") },
              { label: t("students.last7"), numeric: true },
              { label: t("students.cards"), numeric: true },
              { label: t("students.lastActive") },
              { label: t("students.exams") },
              { label: t("students.weakest") },
            ]}
            testId="student-table"
            className="min-w-[48rem]"
          >
            {data.students.map((s) => (
              <tr key={s.userId} data-testid="student-row">
                <th scope="row" className="py-2 pr-3 font-normal">
                  <span className="block">{s.name}</span>
                  <span className="block break-all text-xs text-slate-600 dark:text-slate-400">{s.email}</span>
                </th>
                <td className="py-2 pr-3 text-right tabular-nums" data-testid="student-attempts">{count(s.attempts)}</td>
                <td className="py-2 pr-3 whitespace-nowrap tabular-nums">
                  <RateBar rate={s.rate} /> {percent(s.rate)}
                </td>
                <td className="py-2 pr-3 text-right tabular-nums">{count(s.attemptsLast7Days)}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{count(s.cardsStudied)}</td>
                <td className="py-2 pr-3 whitespace-nowrap">{date(s.lastActive)}</td>
                <td className="py-2 pr-3 whitespace-nowrap">
                  {s.lastExam ? t("students.examSummary", { count: s.exams, score: s.lastExam.score, total: s.lastExam.total }) : "—"}
                </td>
                <td className="py-2">{s.weakestConcept ? `${s.weakestConcept.name?.[locale] ?? s.weakestConcept.concept} (${percent(s.weakestConcept.rate)})` : "—"}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { classAnalytics } from "@/lib/server/analytics/analytics";
import { AppError } from "@/lib/server-shared/errors";
import { requirePageInstructor } from "@/lib/server/accounts/page-guards";
import { AnalyticsHeader } from "./analytics-header";
import { AnalyticsTotals } from "./analytics-totals";
import { analyticsView, type AnalyticsView } from "./analytics-view";
import { ConceptSection } from "./concept-section";
import { ReportList } from "./report-list";
import { StudentTable } from "./student-table";
import { TemplateList } from "./template-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("analytics"))("metaTitle") };
}

const CLASS_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * /author/analytics[?class=…]: where one of the instructor's classes struggles — per concept, per
 * template (accuracy by parameter value, matched mistakes), reported problems with their exact
 * variant, and each student's progress. Only the instructor's own classes (others are a 404).
 */
export default async function AnalyticsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const raw = Array.isArray(query.class) ? query.class[0] : query.class;
  const classId = raw !== undefined && CLASS_ID.test(raw) ? raw : undefined;
  const user = await requirePageInstructor(classId ? `/author/analytics?class=${encodeURIComponent(classId)}` : "/author/analytics");
  const data = await classAnalytics(user, { classId }).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const [t, locale] = await Promise.all([getTranslations("analytics"), getLocale()]);
  const view = analyticsView(t, locale, user.timezone);
  const selected = data.selected;
  if (!selected) return <NoClasses view={view} />;

  return (
    <div className="space-y-8">
      <AnalyticsHeader view={view} data={data} selected={selected} />
      <AnalyticsTotals view={view} memberCount={selected.memberCount} totals={data.totals} />
      {data.totals.attempts === 0 ? (
        <p className="card text-slate-700 dark:text-slate-300" data-testid="analytics-empty">
          {selected.memberCount === 0 ? t("emptyNoStudents") : t("empty")}
        </p>
      ) : (
        <>
          <ConceptSection view={view} concepts={data.concepts} />
          <TemplateList view={view} templates={data.templates} />
        </>
      )}
      <ReportList view={view} reports={data.reports} />
      <StudentTable view={view} students={data.students} />
    </div>
  );
}

/** An instructor without a class yet: where to make one. */
function NoClasses({ view: { t } }: { view: AnalyticsView }) {
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

import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { examPlanFor } from "@/lib/server/exams/exam-plan";
import { requirePageUser } from "@/lib/server/accounts/page-guards";
import { studentStats } from "@/lib/server/analytics/stats";
import { ExamPlanSummary } from "../_components/exam-plan-summary";
import { StatsDashboard } from "./stats-dashboard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("stats"))("metaTitle") };
}

/** /stats: the same figures as GET /api/stats/me, for the signed-in student. */
export default async function StatsPage() {
  const user = await requirePageUser("/stats");
  const [t, stats, plan, locale] = await Promise.all([getTranslations("stats"), studentStats(user.id), examPlanFor(user), getLocale()]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <ExamPlanSummary plan={plan} lang={locale} />
      {stats.totals.reviews === 0 ? (
        <div className="card space-y-3" data-testid="stats-empty">
          <p className="text-slate-700 dark:text-slate-300">{t("empty")}</p>
          <Link className="btn-primary" href="/review">
            {t("startReviewing")}
          </Link>
        </div>
      ) : (
        <StatsDashboard stats={stats} />
      )}
    </div>
  );
}

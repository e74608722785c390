import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/server/page-guards";
import { studentStats } from "@/lib/server/stats";
import { StatsDashboard } from "./stats-dashboard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("stats"))("metaTitle") };
}

/** /stats: the same figures as GET /api/stats/me, for the signed-in student. */
export default async function StatsPage() {
  const user = await requirePageUser("/stats");
  const [t, stats] = await Promise.all([getTranslations("stats"), studentStats(user.id)]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
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

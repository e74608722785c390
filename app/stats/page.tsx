import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/server/page-guards";

export default async function StatsPage() {
  await requirePageUser("/stats");
  const t = await getTranslations("protected");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("statsTitle")}</h1>
      <p className="card text-slate-700 dark:text-slate-300">{t("statsEmpty")}</p>
    </div>
  );
}

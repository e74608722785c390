import { getTranslations } from "next-intl/server";

export default async function PracticeLoading() {
  const t = await getTranslations("practice");
  return (
    <div className="space-y-4" aria-busy="true">
      <p role="status" className="text-slate-600 dark:text-slate-400">
        {t("loading")}
      </p>
      <div className="card h-48 animate-pulse" />
    </div>
  );
}

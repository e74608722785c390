import { getTranslations } from "next-intl/server";

export default async function DecksLoading() {
  const t = await getTranslations("decks");
  return (
    <div className="space-y-4" aria-busy="true">
      <p role="status" className="text-slate-600 dark:text-slate-400">
        {t("loading")}
      </p>
      <div className="card h-28 animate-pulse" />
      <div className="card h-28 animate-pulse" />
    </div>
  );
}

import { getTranslations } from "next-intl/server";

export default async function AuthorDeckLoading() {
  const t = await getTranslations("author.deck");
  return (
    <div className="space-y-4" aria-busy="true">
      <p role="status" className="text-slate-600 dark:text-slate-400">
        {t("loading")}
      </p>
      <div className="card h-24 animate-pulse" />
      <div className="card h-64 animate-pulse" />
    </div>
  );
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <div className="mx-auto max-w-lg py-12 text-center">
      <p className="text-sm font-semibold text-accent-700 dark:text-accent-100">404</p>
      <h1 className="mt-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mt-3 text-slate-700 dark:text-slate-300">{t("body")}</p>
      <Link href="/" className="btn-secondary mt-6">{t("backHome")}</Link>
    </div>
  );
}

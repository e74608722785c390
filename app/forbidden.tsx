import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations("protected");
  return (
    <div className="mx-auto max-w-lg py-12 text-center">
      <p className="text-sm font-semibold text-accent-700 dark:text-accent-100">403</p>
      <h1 className="mt-2 text-2xl font-bold">{t("forbiddenTitle")}</h1>
      <p className="mt-3 text-slate-700 dark:text-slate-300">{t("forbiddenBody")}</p>
      <Link href="/" className="btn-secondary mt-6">{t("backHome")}</Link>
    </div>
  );
}

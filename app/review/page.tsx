import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/server/page-guards";

export default async function ReviewPage() {
  await requirePageUser("/review");
  const t = await getTranslations("protected");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("reviewTitle")}</h1>
      <p className="card text-slate-700 dark:text-slate-300">{t("reviewEmpty")}</p>
    </div>
  );
}

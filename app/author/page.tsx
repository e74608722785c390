import { getTranslations } from "next-intl/server";
import { requirePageInstructor } from "@/lib/server/page-guards";

export default async function AuthorPage() {
  await requirePageInstructor("/author");
  const t = await getTranslations("protected");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("authorTitle")}</h1>
      <p className="card text-slate-700 dark:text-slate-300">{t("authorLead")}</p>
    </div>
  );
}

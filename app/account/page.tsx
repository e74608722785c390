import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/server/accounts/page-guards";
import { DeleteAccountForm } from "./delete-account-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("metaTitle") };
}

/** /account: take away everything DeepDrill holds about me, or erase it. */
export default async function AccountPage() {
  const user = await requirePageUser("/account");
  const t = await getTranslations("account");
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-700 dark:text-slate-300">{t("signedInAs", { name: user.name, email: user.email })}</p>
      <section className="card space-y-3" aria-labelledby="download-title">
        <h2 id="download-title" className="text-lg font-semibold">
          {t("downloadTitle")}
        </h2>
        <p className="text-slate-700 dark:text-slate-300">{t("downloadText")}</p>
        <div className="flex flex-wrap gap-2">
          <a className="btn-primary" href="/api/account/export" download data-testid="download-json">
            {t("downloadJson")}
          </a>
          <a className="btn-secondary" href="/api/account/review-history" download data-testid="download-csv">
            {t("downloadCsv")}
          </a>
        </div>
      </section>
      <DeleteAccountForm />
    </div>
  );
}

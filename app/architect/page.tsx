import { getTranslations } from "next-intl/server";
import { ArchitectCalculator } from "./architect-calculator";
import { readLink } from "./link-state";

export async function generateMetadata() {
  return { title: (await getTranslations("architect"))("title") };
}

/**
 * `/architect`: the architecture calculator, open to everyone. The state comes from the link
 * (`?spec=`, `?text=`, `?preset=`), read here so the first paint already shows the network.
 */
export default async function ArchitectPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [params, t] = await Promise.all([searchParams, getTranslations("architect")]);
  const start = readLink(params);
  // A navigation to another link (not the calculator's own address-bar updates) starts afresh.
  const linkKey = JSON.stringify([params.spec, params.text, params.preset]);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("title")}</h1>
        <p className="mt-2 max-w-3xl leading-relaxed text-slate-700 dark:text-slate-300">{t("lead")}</p>
      </header>
      <ArchitectCalculator key={linkKey} start={start} />
    </div>
  );
}

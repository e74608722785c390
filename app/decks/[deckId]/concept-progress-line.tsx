import type { getTranslations } from "next-intl/server";
import { RateBar } from "@/app/_components/rate-bar";
import type { ConceptProgress } from "@/lib/server/analytics/concept-progress";

type Translate = Awaited<ReturnType<typeof getTranslations<"decks">>>;

/** "3 of 8 seen · 2 due today · 67% right in 6 reviews": one concept's progress, under its name. */
export function ConceptProgressLine({ progress, total, t }: { progress: ConceptProgress | undefined; total: number; t: Translate }) {
  const seen = Math.min(progress?.seen ?? 0, total);
  const rate = progress?.rate ?? null;
  return (
    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700 dark:text-slate-300" data-testid="concept-progress">
      <span className="sr-only">{t("progress.label")}: </span>
      <span data-testid="concept-seen">{t("progress.seen", { seen, total })}</span>
      <span aria-hidden="true">·</span>
      <span data-testid="concept-due" className={progress?.due ? "font-semibold text-accent-700 dark:text-accent-100" : undefined}>
        {progress?.due ? t("progress.due", { count: progress.due }) : t("progress.noneDue")}
      </span>
      <span aria-hidden="true">·</span>
      <span data-testid="concept-accuracy">
        {rate === null ? t("progress.noReviews") : t("progress.accuracy", { rate: Math.round(rate * 100), count: progress?.reviews ?? 0 })}
      </span>
      {rate === null ? null : <RateBar rate={rate} />}
    </p>
  );
}

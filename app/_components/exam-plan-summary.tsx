import type { Locale } from "next-intl";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ExamPlan } from "@/lib/server/exams/exam-plan";
import { ExamReadinessTable } from "./exam-readiness-table";

/** "12 December" for a calendar date "2026-12-12", in the reader's language (a date has no zone). */
export function formatExamDate(date: string, lang: Locale): string {
  return new Intl.DateTimeFormat(lang, { month: "long", day: "numeric", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
}

/** The pace sentence for the nearest exam ("To see all 105 cards twice before 12 December: 14 new a day"). */
export async function PaceSentence({ plan, lang }: { plan: ExamPlan; lang: Locale }) {
  const t = await getTranslations("examDates");
  const date = formatExamDate(plan.exam.date, lang);
  const { pace } = plan;
  let sentence: string;
  if (pace.kind === "on-pace") sentence = t("paceOnPace", { cards: plan.cards, date, perDay: pace.newPerDay });
  else if (pace.kind === "too-close") sentence = t("paceTooClose", { cards: plan.cards, date, coverable: pace.coverable, onceOnly: pace.onceOnly });
  else sentence = t("paceAllIntroduced", { cards: plan.cards, date });
  return (
    <p className="font-medium" data-testid="exam-pace">
      {sentence} <span data-testid="exam-new-today">{t("newToday", { count: plan.newToday })}</span> <span className="text-sm font-normal text-slate-600 dark:text-slate-400">({t("daysLeft", { days: plan.daysLeft })})</span>
    </p>
  );
}

/** Home and /stats: the nearest exam's pace and the weakest concepts' readiness, or a link to set a date. */
export async function ExamPlanSummary({ plan, lang, limit }: { plan: ExamPlan | null; lang: Locale; limit?: number }) {
  const t = await getTranslations("examDates");
  if (!plan) {
    return (
      <p className="text-sm">
        <Link className="link" href="/exam-dates">
          {t("setExamDate")}
        </Link>
      </p>
    );
  }
  const date = formatExamDate(plan.exam.date, lang);
  return (
    <section aria-labelledby="exam-plan" className="card space-y-3" data-testid="exam-plan">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="exam-plan" className="text-lg font-semibold">{t("planTitle")}</h2>
        <Link className="link text-sm" href="/exam-dates">
          {t("manageExamDates")}
        </Link>
      </div>
      <PaceSentence plan={plan} lang={lang} />
      <h3 className="font-semibold">{t("readinessTitle")}</h3>
      <p className="text-sm text-slate-600 dark:text-slate-400">{t("readinessHint", { date })}</p>
      <ExamReadinessTable concepts={plan.readiness} lang={lang} caption={t("readinessTitle")} limit={limit} testId="exam-readiness" />
    </section>
  );
}

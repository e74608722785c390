import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { listDecks } from "@/lib/server/decks/deck-store";
import { visibleDeckIds } from "@/lib/server/decks/deck-visibility";
import { listExamDates } from "@/lib/server/exams/exam-dates";
import { examPlanFor } from "@/lib/server/exams/exam-plan";
import { requirePageUser } from "@/lib/server/accounts/page-guards";
import { ExamPlanSummary } from "../_components/exam-plan-summary";
import { ExamDatesForm } from "./exam-dates-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("examDates"))("metaTitle") };
}

/** /exam-dates: the student's exam dates (own, and inherited from classes), a form to add one, and the plan. */
export default async function ExamDatesPage() {
  const user = await requirePageUser("/exam-dates");
  const [t, locale, examDates, visible, decks, plan] = await Promise.all([
    getTranslations("examDates"),
    getLocale(),
    listExamDates(user),
    visibleDeckIds(user),
    listDecks(),
    examPlanFor(user),
  ]);
  const allowed = new Set(visible);
  const deckChoices = decks.filter((deck) => allowed.has(deck.id)).map((deck) => ({ id: deck.id, title: deck.title[locale] }));
  const titleOf = Object.fromEntries(decks.map((deck) => [deck.id, deck.title[locale]]));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-2 max-w-3xl text-slate-700 dark:text-slate-300">{t("intro")}</p>
      </div>
      <ExamDatesForm examDates={examDates} decks={deckChoices} deckTitles={titleOf} lang={locale} />
      {plan ? <ExamPlanSummary plan={plan} lang={locale} /> : null}
    </div>
  );
}

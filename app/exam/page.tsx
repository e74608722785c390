import type { Metadata } from "next";
import { formatWhen } from "@/app/_components/format-when";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { examDeckOptions, listExams } from "@/lib/server/exams/exams";
import { requirePageUser } from "@/lib/server/accounts/page-guards";
import { ExamSetupForm } from "./exam-setup-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("exam"))("metaTitle") };
}

/** /exam: set up a timed mock exam (decks, questions, time); resume the one running; past results. */
export default async function ExamPage() {
  const user = await requirePageUser("/exam");
  const [t, locale, decks, exams] = await Promise.all([getTranslations("exam"), getLocale(), examDeckOptions(user), listExams(user)]);
  const running = exams.find((exam) => exam.state === "running");
  const past = exams.filter((exam) => exam.state === "submitted");
  const when = (iso: string) => formatWhen(iso, locale, user.timezone);

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="max-w-3xl text-slate-700 dark:text-slate-300">{t("lead")}</p>
      </header>

      {running ? (
        <div className="card flex flex-wrap items-center justify-between gap-3 border-amber-300 dark:border-amber-800" data-testid="exam-running">
          <p>{t("setup.running", { count: running.questionCount })}</p>
          <Link className="btn-primary" href={`/exam/${encodeURIComponent(running.id)}`}>
            {t("setup.resume")}
          </Link>
        </div>
      ) : decks.length === 0 ? (
        <p className="card text-slate-700 dark:text-slate-300" data-testid="exam-no-decks">
          {t("setup.noDecks")}
        </p>
      ) : (
        <ExamSetupForm decks={decks.map((deck) => ({ id: deck.id, title: deck.title[locale], cards: deck.cards }))} />
      )}

      <section className="space-y-3" aria-labelledby="past-exams">
        <h2 id="past-exams" className="text-xl font-semibold">
          {t("history.title")}
        </h2>
        {past.length === 0 ? (
          <p className="text-slate-700 dark:text-slate-300">{t("history.empty")}</p>
        ) : (
          <ul className="card divide-y divide-slate-200 py-1 dark:divide-slate-800" data-testid="exam-history">
            {past.map((exam) => (
              <li key={exam.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
                <Link className="link" href={`/exam/${encodeURIComponent(exam.id)}`}>
                  {when(exam.startedAt)}
                </Link>
                <span className="text-sm text-slate-600 dark:text-slate-400">{exam.deckTitles.map((title) => title[locale]).join(", ")}</span>
                <span className="font-medium tabular-nums">{t("history.score", { score: exam.score ?? 0, total: exam.questionCount })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

import Link from "next/link";
import { formatWhen } from "@/app/_components/format-when";
import { asInstrumental } from "@/app/_components/korean-particle";
import { answerForDisplay } from "@/app/_components/read-as";
import { getLocale, getTranslations } from "next-intl/server";
import type { SubmittedExam } from "@/lib/server/exams/exams";
import { DataTable } from "@/app/_components/data-table";
import { MathText } from "@/app/_components/math-text";
import { NetworkDiagram } from "@/app/_components/network-diagram";
import { RateBar } from "@/app/_components/rate-bar";

function percent(correct: number, total: number): string {
  return total === 0 ? "—" : `${Math.round((correct / total) * 100)}%`;
}

const STATUS_CLASSES: Record<string, string> = {
  correct: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100",
  wrong: "bg-rose-100 text-rose-900 dark:bg-rose-950 dark:text-rose-100",
  invalid: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100",
  unanswered: "bg-slate-200 text-slate-900 dark:bg-slate-800 dark:text-slate-100",
};

/** The result of a submitted exam: score, per-concept breakdown, every question with its solution. */
export async function ExamResult({ exam, timeZone }: { exam: SubmittedExam; timeZone: string }) {
  const [t, locale] = await Promise.all([getTranslations("exam"), getLocale()]);
  const when = (iso: string) => formatWhen(iso, locale, timeZone);
  // Read-as and expected values as review and practice show them: 참/거짓, a choice with its text, numbers grouped.
  const shown = (value: string, q: { answerFormat: string; choices: SubmittedExam["questions"][number]["choices"] }) =>
    answerForDisplay(value, { format: q.answerFormat, locale, choices: q.choices, words: { true: t("answer.true"), false: t("answer.false") } });

  return (
    <div className="space-y-8" data-testid="exam-result" data-exam-id={exam.id}>
      <header className="space-y-3">
        <h1 className="text-2xl font-bold">{t("result.title")}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {t("result.meta", { date: when(exam.startedAt), decks: exam.deckTitles.map((d) => d[locale]).join(", ") })}
          {exam.timedOut ? ` · ${t("result.timedOut")}` : ""}
        </p>
        <div className="card flex flex-wrap items-center gap-x-8 gap-y-2">
          <p className="text-4xl font-bold tabular-nums" data-testid="exam-score">
            {t("result.score", { score: exam.score, total: exam.total })}
          </p>
          <p className="text-lg text-slate-700 dark:text-slate-300">{percent(exam.score, exam.total)}</p>
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("result.answered", { answered: exam.answered, total: exam.total })}</p>
          {exam.countAsReviews ? (
            <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="counted-reviews">
              {t("result.counted", { count: exam.countedReviews })}
            </p>
          ) : null}
        </div>
        <p className="flex flex-wrap gap-3">
          <Link className="btn-primary" href="/exam">
            {t("result.again")}
          </Link>
          <Link className="btn-secondary" href="/stats">
            {t("result.progress")}
          </Link>
        </p>
      </header>

      <section className="card space-y-3" aria-labelledby="per-concept">
        <h2 id="per-concept" className="text-xl font-semibold">
          {t("result.perConcept")}
        </h2>
        <DataTable
          caption={t("result.perConcept")}
          columns={[{ label: t("result.concept") }, { label: t("result.correct"), numeric: true }, { label: t("result.share") }]}
          testId="concept-breakdown"
        >
          {exam.perConcept.map((c) => (
            <tr key={`${c.deckId}/${c.concept}`} data-testid="concept-row">
              <th scope="row" className="py-2 pr-3 font-normal">
                {c.name?.[locale] ?? c.concept}{" "}
                {c.correct < c.total ? (
                  <Link className="ml-1 text-xs text-accent-700 underline-offset-2 hover:underline dark:text-accent-300" href={`/review?${new URLSearchParams({ deck: c.deckId, concept: c.concept }).toString()}`}>
                    {t("result.drill")}
                  </Link>
                ) : null}
              </th>
              <td className="py-2 pr-3 text-right tabular-nums">
                {c.correct}/{c.total}
              </td>
              <td className="py-2 whitespace-nowrap tabular-nums">
                {/* On a phone the bar would squeeze the concept names; the percentage says the same. */}
                <span className="hidden sm:inline">
                  <RateBar rate={c.total === 0 ? null : c.correct / c.total} />{" "}
                </span>
                {percent(c.correct, c.total)}
              </td>
            </tr>
          ))}
        </DataTable>
      </section>

      <section className="space-y-4" aria-labelledby="questions-title">
        <h2 id="questions-title" className="text-xl font-semibold">
          {t("result.questions")}
        </h2>
        <ol className="space-y-4">
          {exam.questions.map((q) => (
            <li key={q.position}>
              <article className="card space-y-4" aria-labelledby={`result-q${q.position}`} data-testid="result-question" data-status={q.status}>
                <header className="flex flex-wrap items-baseline justify-between gap-2">
                  <h3 id={`result-q${q.position}`} className="font-semibold">
                    {t("runner.question", { n: q.position })}
                    <span className="ml-2 text-sm font-normal text-slate-600 dark:text-slate-400">{q.conceptName?.[locale] ?? q.concept}</span>
                  </h3>
                  <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${STATUS_CLASSES[q.status] ?? ""}`}>{t(`status.${q.status}`)}</span>
                </header>
                <div className="text-lg">
                  <MathText text={q.prompt[locale]} lang={locale} />
                </div>
                {q.choices ? (
                  <ul className="space-y-1 text-sm">
                    {q.choices.map((choice) => (
                      <li key={choice.letter} className="flex gap-2">
                        <span className="font-mono font-bold">{choice.letter}</span>
                        <MathText text={choice.text[locale]} inline lang={locale} />
                      </li>
                    ))}
                  </ul>
                ) : null}
                <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                  <dt className="font-medium text-slate-600 dark:text-slate-400">{t("result.yourAnswer")}</dt>
                  <dd data-testid="your-answer">
                    {q.response ? <code className="font-mono">{q.response}</code> : <span className="italic">{t("result.noAnswer")}</span>}
                    {q.readAs && q.readAs !== q.response ? <span className="text-slate-600 dark:text-slate-400"> ({t("result.readAs", { value: asInstrumental(shown(q.readAs, q), locale) })})</span> : null}
                  </dd>
                  <dt className="font-medium text-slate-600 dark:text-slate-400">{t("result.expected")}</dt>
                  <dd data-testid="expected-answer">
                    <code className="font-mono">{shown(q.expected, q)}</code>
                  </dd>
                </dl>
                {q.mistake ? (
                  <p className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-900 dark:bg-rose-950 dark:text-rose-100">
                    <MathText text={q.mistake[locale]} inline lang={locale} />
                  </p>
                ) : null}
                <section className="space-y-3 border-t border-slate-200 pt-4 dark:border-slate-800" aria-label={t("result.solution")}>
                  <h4 className="text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{t("result.solution")}</h4>
                  <MathText text={q.solution[locale]} lang={locale} />
                  {q.architecture ? (
                    <figure className="overflow-x-auto">
                      <figcaption className="sr-only">{t("result.network")}</figcaption>
                      <NetworkDiagram spec={q.architecture} />
                    </figure>
                  ) : null}
                </section>
                {q.itemType === "parametric" ? (
                  <p className="text-sm">
                    <Link className="link" href={`/practice/${encodeURIComponent(q.itemId)}?seed=${q.seed}`}>
                      {t("result.practise")}
                    </Link>
                  </p>
                ) : null}
              </article>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

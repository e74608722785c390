import type { Locale } from "next-intl";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ConceptReadinessView } from "@/lib/server/exams/exam-plan";
import { DataTable } from "./data-table";
import { RateBar } from "./rate-bar";

/** Readiness per concept, weakest first, each with a link that drills that concept now. */
export async function ExamReadinessTable({
  concepts,
  lang,
  caption,
  limit,
  testId,
  practiseLinks = true,
}: {
  concepts: readonly ConceptReadinessView[];
  lang: Locale;
  caption: string;
  limit?: number;
  testId: string;
  /** Off for an instructor's class view: the links drill the viewer's own queue. */
  practiseLinks?: boolean;
}) {
  const t = await getTranslations("examDates");
  if (concepts.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{t("readinessEmpty")}</p>;
  const percent = new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 0 });
  return (
    <DataTable caption={caption} columns={[{ label: t("concept") }, { label: t("readiness") }, { label: t("seen"), numeric: true }, ...(practiseLinks ? [{ label: <span className="sr-only">{t("practise")}</span> }] : [])]} testId={testId}>
      {concepts.slice(0, limit ?? concepts.length).map((concept) => (
        <tr key={`${concept.deckId}/${concept.concept}`} data-concept={concept.concept}>
          <td className="py-2 pr-3">{concept.title[lang]}</td>
          <td className="py-2 pr-3 whitespace-nowrap">
            <RateBar rate={concept.readiness} /> <span className="ml-1 tabular-nums">{percent.format(concept.readiness)}</span>
          </td>
          <td className="py-2 pr-3 text-right tabular-nums">{t("seenOf", { seen: concept.seen, cards: concept.cards })}</td>
          {practiseLinks ? (
            <td className="py-2">
              <Link className="link" href={`/review?deck=${encodeURIComponent(concept.deckId)}&concept=${encodeURIComponent(concept.concept)}`} aria-label={t("practiseConcept", { concept: concept.title[lang] })}>
                {t("practise")}
              </Link>
            </td>
          ) : null}
        </tr>
      ))}
    </DataTable>
  );
}

import type { Locale } from "next-intl";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Simulation } from "@/app/_components/sim/simulation";
import { SIM_DECK_ID } from "@/app/_components/sim/format";
import { EXPERIMENTS, isExperimentId } from "@/lib/sim";
import { simDeckLinks, type PracticeItem } from "../deck-links";

type Params = Promise<{ id: string }>;

/** Questions of the deck that name this simulation, each linked to its practice page; nothing when there are none. */
function PracticeList({ lead, items, language, testId }: { lead: string; items: readonly PracticeItem[]; language: Locale; testId?: string }) {
  if (items.length === 0) return null;
  return (
    <>
      <p className="text-sm text-slate-700 dark:text-slate-300">{lead}</p>
      <ul className="list-disc space-y-1 pl-5" data-testid={testId}>
        {items.map((item) => (
          <li key={item.id}>
            <Link className="link" href={`/practice/${encodeURIComponent(item.id)}`}>
              {item.title[language]}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [{ id }, locale] = await Promise.all([params, getLocale()]);
  if (!isExperimentId(id)) return {};
  return { title: EXPERIMENTS[id].title[locale] };
}

/**
 * `/sim/<id>`: one experiment. The settings come from the link (`?epochs=1&seed=7…`) and are
 * validated in the browser, where the run happens (in a Web Worker: tfjs never loads on the server
 * or on any other page).
 */
export default async function SimulationPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const [{ id }, query, language, t, links] = await Promise.all([params, searchParams, getLocale(), getTranslations("sim"), simDeckLinks()]);
  if (!isExperimentId(id)) notFound();
  const experiment = EXPERIMENTS[id];
  const initialQuery: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) initialQuery[key] = first;
  }
  const conceptName = (conceptId: string) => links?.concepts.find((c) => c.id === conceptId)?.name[language] ?? conceptId;
  const templates = links?.templatesBySimulation[id] ?? [];
  const cards = links?.cardsBySimulation[id] ?? [];
  const deckId = links?.deckId ?? SIM_DECK_ID;
  return (
    <div className="space-y-6">
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href="/sim" className="link">
          {t("allSimulations")}
        </Link>
      </nav>
      <header className="space-y-3">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{experiment.title[language]}</h1>
        <p className="max-w-3xl text-lg leading-relaxed text-slate-800 dark:text-slate-200">{experiment.shows[language]}</p>
        <p className="max-w-3xl leading-relaxed text-slate-700 dark:text-slate-300">{t(`why.${id}`)}</p>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {experiment.islp}
          {" · "}
          {experiment.conceptIds.map((conceptId, i) => (
            <span key={conceptId}>
              {i > 0 ? ", " : ""}
              <Link className="link" href={`/decks/${deckId}#concept-${conceptId}`}>
                {conceptName(conceptId)}
              </Link>
            </span>
          ))}
        </p>
      </header>
      <Simulation key={`${id}?${new URLSearchParams(initialQuery).toString()}`} experimentId={id} initialQuery={initialQuery} />
      <section className="card space-y-3" aria-labelledby="sim-practice-title" data-testid="sim-practice">
        <h2 id="sim-practice-title" className="text-lg font-semibold">
          {t("practiceTitle")}
        </h2>
        <PracticeList lead={t("practiceLead")} items={templates} language={language} />
        <PracticeList lead={t("practiceCardsLead")} items={cards} language={language} testId="sim-practice-cards" />
        <ul className="flex flex-wrap gap-2">
          {experiment.conceptIds.map((conceptId) => (
            <li key={conceptId}>
              <Link className="btn-secondary" href={`/decks/${deckId}#concept-${conceptId}`}>
                {t("practiseConcept", { concept: conceptName(conceptId) })}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

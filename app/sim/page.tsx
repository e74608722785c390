import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { SIM_DECK_ID } from "@/app/_components/sim/format";
import { EXPERIMENT_IDS, EXPERIMENTS, type ExperimentId } from "@/lib/sim";
import { simDeckLinks } from "./deck-links";
import { SimPreview } from "./sim-preview";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sim"))("indexTitle") };
}

/**
 * `/sim`: one card per simulation, in the order of the deck's concepts (an experiment that
 * illustrates two concepts is listed once, under the first, and names both), each with a small
 * picture of what it shows and links to practise its concepts. Loads no tfjs: that happens on an
 * experiment's own page, when it runs.
 */
export default async function SimulationsIndex() {
  const [t, language, links] = await Promise.all([getTranslations("sim"), getLocale(), simDeckLinks()]);
  const deckId = links?.deckId ?? SIM_DECK_ID;
  const known = links?.concepts ?? [];
  const conceptName = (id: string) => known.find((concept) => concept.id === id)?.name[language] ?? id;
  const position = (id: string) => {
    const index = known.findIndex((concept) => concept.id === id);
    return index < 0 ? known.length : index;
  };
  const firstConcept = (id: ExperimentId) => Math.min(...EXPERIMENTS[id].conceptIds.map(position));
  // Stable: experiments of the same first concept keep the registry's order.
  const experiments = [...EXPERIMENT_IDS].sort((a, b) => firstConcept(a) - firstConcept(b));
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("indexTitle")}</h1>
        <p className="mt-2 max-w-3xl leading-relaxed text-slate-700 dark:text-slate-300">{t("indexLead")}</p>
      </header>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {experiments.map((id) => (
          <li key={id} className="card flex flex-col gap-3" data-testid="sim-card" data-experiment-id={id}>
            <SimPreview id={id} />
            <h2 className="text-lg font-semibold leading-snug">
              <Link className="link" href={`/sim/${id}`} data-testid="sim-link">
                {EXPERIMENTS[id].title[language]}
              </Link>
            </h2>
            <p className="text-sm leading-relaxed text-slate-700 dark:text-slate-300">{EXPERIMENTS[id].shows[language]}</p>
            <p className="mt-auto flex flex-wrap gap-x-3 gap-y-1 text-sm">
              <span className="text-slate-600 dark:text-slate-400">{t("practiseShort")}</span>
              {EXPERIMENTS[id].conceptIds.map((concept) => (
                <Link key={concept} className="link" href={`/decks/${deckId}#concept-${concept}`} data-testid="sim-card-concept" data-concept-id={concept}>
                  {conceptName(concept)}
                </Link>
              ))}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

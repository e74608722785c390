import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { SIM_DECK_ID } from "@/app/_components/sim/format";
import { EXPERIMENT_IDS, EXPERIMENTS, experimentsForConcept } from "@/lib/sim";
import { simDeckLinks } from "./deck-links";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sim"))("indexTitle") };
}

/**
 * `/sim`: every experiment, under the deck's concepts in the deck's order (an experiment that
 * illustrates two concepts is listed under both). Loads no tfjs: that happens on an experiment's
 * own page, when it runs.
 */
export default async function SimulationsIndex() {
  const [t, locale, links] = await Promise.all([getTranslations("sim"), getLocale(), simDeckLinks()]);
  const language = locale === "ko" ? "ko" : "en";
  const deckId = links?.deckId ?? SIM_DECK_ID;
  const known = links?.concepts ?? [];
  // Concepts of the deck first, in its order; any concept an experiment names that the deck lacks after.
  const extra = [...new Set(EXPERIMENT_IDS.flatMap((id) => EXPERIMENTS[id].conceptIds))].filter((id) => !known.some((c) => c.id === id));
  const concepts = [...known, ...extra.map((id) => ({ id, name: { ko: id, en: id } }))]
    .map((concept) => ({ ...concept, experiments: experimentsForConcept(concept.id) }))
    .filter((concept) => concept.experiments.length > 0);
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("indexTitle")}</h1>
        <p className="mt-2 max-w-3xl leading-relaxed text-slate-700 dark:text-slate-300">{t("indexLead")}</p>
      </header>
      <div className="grid gap-4 md:grid-cols-2">
        {concepts.map((concept) => (
          <section key={concept.id} className="card space-y-3" aria-labelledby={`sim-concept-${concept.id}`} data-testid="sim-concept" data-concept-id={concept.id}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id={`sim-concept-${concept.id}`} className="text-lg font-semibold">
                {concept.name[language]}
              </h2>
              <Link className="link text-sm" href={`/decks/${deckId}#concept-${concept.id}`}>
                {t("practise")}
              </Link>
            </div>
            <ul className="space-y-3">
              {concept.experiments.map((id) => (
                <li key={id}>
                  <Link className="link" href={`/sim/${id}`} data-testid="sim-link">
                    {EXPERIMENTS[id].title[language]}
                  </Link>
                  <p className="mt-1 text-sm leading-relaxed text-slate-700 dark:text-slate-300">{EXPERIMENTS[id].shows[language]}</p>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}

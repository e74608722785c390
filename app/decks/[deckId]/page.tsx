import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { MathText } from "@/app/_components/math-text";
import { isTemplate, type Bilingual, type Language } from "@/lib/questions";
import { EXPERIMENTS, isExperimentId } from "@/lib/sim";
import { anchorsOf, getDeckWithConcepts, sampleSeed, samplePrompt, type CatalogItem } from "@/lib/server/decks/deck-catalog";
import { studyDecks } from "@/lib/server/decks/deck-choices";
import { requirePageUser } from "@/lib/server/accounts/page-guards";
import { StudyChoice } from "../_components/study-choice";
import { isOptional, studyStatusKey } from "../_components/study-status";
import { getCurrentUser } from "@/lib/server/accounts/session";
import { deckConceptProgress } from "@/lib/server/analytics/concept-progress";
import { ConceptProgressLine } from "./concept-progress-line";
import type { Viewer } from "@/lib/server/accounts/users";
import { isId } from "@/lib/schemas/ids";

type Params = Promise<{ deckId: string }>;

async function loadDeck(deckId: string, viewer: Viewer) {
  return isId(deckId) ? getDeckWithConcepts(deckId, viewer) : null;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [{ deckId }, locale] = await Promise.all([params, getLocale()]);
  const viewer = await getCurrentUser();
  const deck = viewer ? await loadDeck(deckId, viewer) : null;
  return deck ? { title: deck.title[locale] } : {};
}

function safePrompt(item: CatalogItem["item"], seed: number): Bilingual | null {
  try {
    return samplePrompt(item, seed);
  } catch {
    // A template that cannot make this variant still gets its Practise link (which reports why).
    return null;
  }
}

type Translate = Awaited<ReturnType<typeof getTranslations<"decks">>>;

function ItemEntry({ entry, deckVersion, language, t }: { entry: CatalogItem; deckVersion: string; language: Language; t: Translate }) {
  const seed = sampleSeed(deckVersion, entry.itemId);
  const prompt = safePrompt(entry.item, seed);
  const template = isTemplate(entry.item) ? entry.item : null;
  const name = template ? template.title[language] : t(`itemType.${entry.itemType}`);
  const hasLab = anchorsOf(entry.item).some((anchor) => anchor.lab);
  const href = `/practice/${encodeURIComponent(entry.itemId)}${template ? `?seed=${seed}` : ""}`;
  return (
    <li className="rounded-lg border border-slate-200 p-4 dark:border-slate-800" data-testid="deck-item" data-item-id={entry.itemId}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h4 className="font-semibold">
          {template ? name : <span className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{name}</span>}
        </h4>
        {hasLab ? (
          <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-100">{t("labBadge")}</span>
        ) : null}
      </div>
      {prompt ? (
        template ? (
          <figure className="mt-2">
            <figcaption className="text-xs text-slate-600 dark:text-slate-400">{t("sample")}</figcaption>
            <div className="mt-1 border-l-2 border-slate-200 pl-3 text-sm dark:border-slate-700">
              <MathText text={prompt[language]} />
            </div>
          </figure>
        ) : (
          <MathText text={prompt[language]} className="mt-2 text-sm" />
        )
      ) : null}
      <p className="mt-3">
        <Link className="btn-secondary px-3 py-1.5" href={href} aria-label={t("practiseNamed", { name: template ? name : `${name} (${entry.itemId})` })} data-testid="practise-link">
          {t("practise")} →
        </Link>
      </p>
    </li>
  );
}

/**
 * /decks/<deckId>: the deck's concepts in course order, each a collapsed disclosure (native
 * details/summary: keyboard and screen readers for free) headed by the student's progress in it;
 * opened, its templates (a sample variant each) and cards. A link to `#concept-<id>` opens its
 * concept: the id sits inside the disclosure, which the browser opens to reveal it.
 */
export default async function DeckPage({ params }: { params: Params }) {
  const { deckId } = await params;
  const viewer = await requirePageUser(`/decks/${encodeURIComponent(deckId)}`);
  const deck = await loadDeck(deckId, viewer);
  if (!deck) notFound();
  const [t, language, studied, progress] = await Promise.all([getTranslations("decks"), getLocale(), studyDecks(viewer), deckConceptProgress(viewer.id, deck.id)]);
  // A deck the student has not added is a preview: browse and practise, no review links.
  const reason = studied.find((entry) => entry.id === deck.id)?.reason;

  return (
    <div className="space-y-8">
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link className="link" href="/decks">
          ← {t("allDecks")}
        </Link>
      </nav>
      <header className="space-y-3">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{deck.title[language]}</h1>
        {deck.description ? <MathText text={deck.description[language]} className="max-w-3xl text-slate-700 dark:text-slate-300" /> : null}
        {deck.source ? (
          <p className="max-w-3xl text-xs text-slate-600 dark:text-slate-400">
            {t("source")}: {deck.source[language]}
          </p>
        ) : null}
        <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="study-status">
          {reason ? t(studyStatusKey(reason)) : t("study.previewHint")}
        </p>
        <p className="flex flex-wrap items-center gap-2">
          {reason ? (
            <Link className="btn-primary" href={`/review?deck=${encodeURIComponent(deck.id)}`}>
              {t("reviewDeck")}
            </Link>
          ) : null}
          {isOptional(reason) ? <StudyChoice deckId={deck.id} title={deck.title[language]} chosen={reason === "chosen"} /> : null}
        </p>
      </header>

      <ol className="space-y-3" aria-label={t("contents")}>
        {deck.concepts.map((concept, index) => {
          const total = concept.templates.length + concept.cards.length;
          return (
            <li key={concept.id}>
              <details className="card group p-0" data-testid="concept" data-concept-id={concept.id}>
                <summary className="flex cursor-pointer list-none items-start gap-3 rounded-xl p-4 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600 sm:p-5 dark:hover:bg-slate-800/50 [&::-webkit-details-marker]:hidden">
                  <span aria-hidden="true" className="mt-1 text-slate-500 transition-transform group-open:rotate-90">
                    ▸
                  </span>
                  <span className="min-w-0 flex-1 space-y-1">
                    <span className="block text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{t("conceptNumber", { number: index + 1 })}</span>
                    <h2 id={`concept-${concept.id}-title`} className="text-lg font-semibold sm:text-xl">
                      {concept.name[language]}
                    </h2>
                    <ConceptProgressLine progress={progress.get(concept.id)} total={total} t={t} />
                  </span>
                </summary>
                <section id={`concept-${concept.id}`} className="scroll-mt-48 space-y-4 border-t border-slate-200 p-4 sm:p-5 dark:border-slate-800" aria-labelledby={`concept-${concept.id}-title`}>
                  <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
                    {reason && total > 0 ? (
                      <Link className="link" href={`/review?deck=${encodeURIComponent(deck.id)}&concept=${encodeURIComponent(concept.id)}`}>
                        {t("reviewConcept")}
                      </Link>
                    ) : null}
                    {concept.simulations.map((simulation) => (
                      <Link key={simulation} className="link" href={`/sim/${encodeURIComponent(simulation)}`} data-testid="simulation-link">
                        {/* The experiment's title, not its id: "Simulation: hidden-units" told a student little. */}
                        {t("simulation", { title: isExperimentId(simulation) ? EXPERIMENTS[simulation].title[language] : simulation })}
                      </Link>
                    ))}
                  </p>
                  {total === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">{t("nothingYet")}</p> : null}
                  {concept.templates.length > 0 ? (
                    <div className="space-y-2">
                      <h3 className="font-semibold">{t("templatesTitle")}</h3>
                      <p className="text-xs text-slate-600 dark:text-slate-400">{t("templatesHint")}</p>
                      <ul className="grid gap-3 lg:grid-cols-2">
                        {concept.templates.map((entry) => (
                          <ItemEntry key={entry.itemId} entry={entry} deckVersion={deck.version} language={language} t={t} />
                        ))}
                      </ul>
                    </div>
                  ) : null}
                  {concept.cards.length > 0 ? (
                    <div className="space-y-2">
                      <h3 className="font-semibold">{t("cardsTitle")}</h3>
                      <ul className="grid gap-3 lg:grid-cols-2">
                        {concept.cards.map((entry) => (
                          <ItemEntry key={entry.itemId} entry={entry} deckVersion={deck.version} language={language} t={t} />
                        ))}
                      </ul>
                    </div>
                  ) : null}
                </section>
              </details>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

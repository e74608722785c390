import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { MathText } from "@/app/_components/math-text";
import { listDecks } from "@/lib/server/decks/deck-catalog";
import { studyDecks } from "@/lib/server/decks/deck-choices";
import { StudyChoice } from "../_components/study-choice";
import { isOptional, studyStatusKey } from "../_components/study-status";
import { requirePageUser } from "@/lib/server/accounts/page-guards";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("decks"))("metaTitle") };
}

/** /decks: every deck a signed-in student can open, with what it holds. */
export default async function DecksPage() {
  const viewer = await requirePageUser("/decks");
  const [decks, studied, t, language] = await Promise.all([listDecks(viewer), studyDecks(viewer), getTranslations("decks"), getLocale()]);
  const reasons = new Map(studied.map((deck) => [deck.id, deck.reason]));
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("title")}</h1>
        <p className="mt-2 max-w-3xl leading-relaxed text-slate-700 dark:text-slate-300">{t("lead")}</p>
      </header>
      {decks.length === 0 ? (
        <section className="card space-y-2" data-testid="decks-empty">
          <h2 className="text-lg font-semibold">{t("emptyTitle")}</h2>
          <p className="text-slate-700 dark:text-slate-300">{t("emptyBody")}</p>
        </section>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2" aria-label={t("listLabel")}>
          {decks.map((deck) => (
            <li key={deck.id} className="card flex flex-col gap-3" data-testid="deck-card" data-deck-id={deck.id}>
              <h2 className="text-lg font-semibold">
                <Link className="link" href={`/decks/${encodeURIComponent(deck.id)}`}>
                  {deck.title[language]}
                </Link>
              </h2>
              {deck.description ? <MathText text={deck.description[language]} className="text-sm text-slate-700 dark:text-slate-300" /> : null}
              <ul className="flex flex-wrap gap-2 text-xs" data-testid="deck-counts">
                <li className="rounded-full bg-slate-100 px-2 py-0.5 text-slate-800 dark:bg-slate-800 dark:text-slate-100">{t("counts.concepts", { count: deck.concepts })}</li>
                <li className="rounded-full bg-accent-50 px-2 py-0.5 text-accent-700 dark:bg-slate-800 dark:text-accent-100">{t("counts.templates", { count: deck.templates })}</li>
                <li className="rounded-full bg-slate-100 px-2 py-0.5 text-slate-800 dark:bg-slate-800 dark:text-slate-100">{t("counts.cards", { count: deck.cards })}</li>
              </ul>
              <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="study-status">
                {t(studyStatusKey(reasons.get(deck.id)))}
              </p>
              <p className="mt-auto flex flex-wrap items-center gap-2 pt-1">
                <Link className="btn-primary" href={`/decks/${encodeURIComponent(deck.id)}`} aria-label={`${t("openDeck")}: ${deck.title[language]}`}>
                  {t("openDeck")}
                </Link>
                {reasons.has(deck.id) ? (
                  <Link className="btn-secondary" href={`/review?deck=${encodeURIComponent(deck.id)}`} aria-label={`${t("reviewDeck")}: ${deck.title[language]}`}>
                    {t("reviewDeck")}
                  </Link>
                ) : null}
                {isOptional(reasons.get(deck.id)) ? <StudyChoice deckId={deck.id} title={deck.title[language]} chosen={reasons.get(deck.id) === "chosen"} /> : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}


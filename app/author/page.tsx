import type { Locale } from "next-intl";
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { listAuthorDecks, type AuthorDeckSummary } from "@/lib/server/decks/authoring";
import { requirePageInstructor } from "@/lib/server/accounts/page-guards";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("author.home");
  return { title: t("metaTitle") };
}

function DeckRow({ deck, language, t }: { deck: AuthorDeckSummary; language: Locale; t: Awaited<ReturnType<typeof getTranslations<"author.home">>> }) {
  const latest = deck.latest;
  const state = deck.source === "content" ? t("fromContent") : !latest ? t("empty") : latest.version === deck.publishedVersion ? t("published") : deck.publishedVersion ? t("draftAfterPublished") : t("draftOnly");
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="author-deck" data-deck-id={deck.id}>
      <div className="min-w-0">
        <p className="font-medium">
          <Link className="link" href={`/author/decks/${encodeURIComponent(deck.id)}`}>
            {deck.title[language]}
          </Link>
        </p>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          <span className="font-mono">{deck.id}</span> · {t("counts", { templates: deck.templates, cards: deck.cards })} · {state}
          {deck.role === "editor" ? ` · ${t("sharedWithYou")}` : ""}
          {deck.source === "app" && deck.isPublic ? ` · ${t("public")}` : ""}
          {latest?.failures ? ` · ${t("failures", { count: latest.failures })}` : ""}
        </p>
      </div>
      {deck.role !== "reader" ? (
        <Link className="btn-secondary px-3 py-1" href={`/author/decks/${encodeURIComponent(deck.id)}/edit`}>
          {t("edit")}
        </Link>
      ) : null}
    </li>
  );
}

/**
 * /author: the instructor's home. Their decks (owned and shared) with their state, the course's
 * decks from content/ (read and export), and the way to classes and analytics.
 */
export default async function AuthorPage() {
  const user = await requirePageInstructor("/author");
  const [t, language, decks] = await Promise.all([getTranslations("author.home"), getLocale(), listAuthorDecks(user)]);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("title")}</h1>
        <p className="max-w-3xl text-slate-700 dark:text-slate-300">{t("lead")}</p>
      </header>

      <nav aria-label={t("sections")} className="grid gap-3 sm:grid-cols-3">
        <Link href="/author/decks/new" className="card block hover:border-accent-500">
          <span className="font-semibold">{t("newDeck")}</span>
          <span className="mt-1 block text-sm text-slate-600 dark:text-slate-400">{t("newDeckLead")}</span>
        </Link>
        <Link href="/author/classes" className="card block hover:border-accent-500">
          <span className="font-semibold">{t("classes")}</span>
          <span className="mt-1 block text-sm text-slate-600 dark:text-slate-400">{t("classesLead")}</span>
        </Link>
        <Link href="/author/analytics" className="card block hover:border-accent-500">
          <span className="font-semibold">{t("analytics")}</span>
          <span className="mt-1 block text-sm text-slate-600 dark:text-slate-400">{t("analyticsLead")}</span>
        </Link>
      </nav>

      <section className="card" aria-labelledby="my-decks">
        <h2 id="my-decks" className="text-lg font-semibold">
          {t("myDecks")}
        </h2>
        {decks.editable.length === 0 ? (
          <div className="mt-2 space-y-2 text-sm text-slate-700 dark:text-slate-300">
            <p>{t("noDecks")}</p>
            <Link className="btn-primary" href="/author/decks/new">
              {t("newDeck")}
            </Link>
          </div>
        ) : (
          <ul className="divide-y divide-slate-200 dark:divide-slate-800">
            {decks.editable.map((deck) => (
              <DeckRow key={deck.id} deck={deck} language={language} t={t} />
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="other-decks">
        <h2 id="other-decks" className="text-lg font-semibold">
          {t("otherDecks")}
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("otherDecksLead")}</p>
        {decks.readable.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{t("noOtherDecks")}</p>
        ) : (
          <ul className="divide-y divide-slate-200 dark:divide-slate-800">
            {decks.readable.map((deck) => (
              <DeckRow key={deck.id} deck={deck} language={language} t={t} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { parseDeckFiles, storedDeck } from "@/lib/server/decks/authoring";
import { parseDeckTitle } from "@/lib/server/platform/stored-json";
import { headVersion } from "@/lib/server/decks/deck-versions";
import { deckForPage } from "../../../_components/page-access";
import { TemplateForm } from "../../../_components/template-form";

type Params = Promise<{ deckId: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("author.form");
  return { title: t("metaTitle") };
}

/** /author/decks/<id>/templates/new: a template of a common kind from a form, previewed live. */
export default async function NewTemplatePage({ params }: { params: Params }) {
  const { deckId } = await params;
  const { access } = await deckForPage(deckId, `/author/decks/${deckId}/templates/new`, true);
  const [head, language, t] = await Promise.all([headVersion(access.deck.id), getLocale(), getTranslations("author.form")]);
  const parsed = head ? parseDeckFiles(head.files, access.deck.id) : null;
  const concepts = (parsed?.ok ? parsed.deck.concepts : (await storedDeck(access.deck)).concepts).map((concept) => ({ id: concept.id, name: concept[language] }));
  const title = parseDeckTitle(access.deck.title, access.deck.id);
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link className="link" href={`/author/decks/${encodeURIComponent(access.deck.id)}`}>
          <span aria-hidden="true">← </span>
          {title[language]}
        </Link>
      </p>
      <header className="space-y-1">
        <h1 className="text-2xl font-bold tracking-tight">{t("heading")}</h1>
        <p className="max-w-3xl text-slate-700 dark:text-slate-300">{t("lead")}</p>
      </header>
      <TemplateForm deckId={access.deck.id} concepts={concepts} baseVersion={head?.version ?? null} />
    </div>
  );
}

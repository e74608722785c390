import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { parseDeckFiles, storedDeck } from "@/lib/server/decks/authoring";
import { parseDeckTitle } from "@/lib/server/platform/stored-json";
import { headVersion } from "@/lib/server/decks/deck-versions";
import { warmTemplateWorkers } from "@/lib/server/decks/template-pool";
import { DeckEditor } from "../../_components/deck-editor";
import { deckForPage } from "../../_components/page-access";

type Params = Promise<{ deckId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("author.editor");
  return { title: t("metaTitle") };
}

/** /author/decks/<id>/edit[?file=…][&item=…][&line=…]: the YAML editor with its live preview. */
export default async function EditDeckPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const [{ deckId }, query] = await Promise.all([params, searchParams]);
  const { access } = await deckForPage(deckId, `/author/decks/${deckId}/edit`, true);
  // The live preview runs in a template worker: start one while the editor loads.
  warmTemplateWorkers();
  const [head, locale, t] = await Promise.all([headVersion(access.deck.id), getLocale(), getTranslations("author.editor")]);
  const parsed = head ? parseDeckFiles(head.files, access.deck.id) : null;
  const concepts = parsed?.ok ? parsed.deck.concepts.map((concept) => concept.id) : (await storedDeck(access.deck)).concepts.map((concept) => concept.id);
  const item = single(query.item);
  const location = item && parsed?.ok ? parsed.deck.locations[item] : undefined;
  const lineParam = Number(single(query.line));
  const title = parseDeckTitle(access.deck.title, access.deck.id);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">{t("heading", { title: title[locale] })}</h1>
      <DeckEditor
        deckId={access.deck.id}
        deckTitle={title[locale]}
        concepts={concepts}
        head={head ? { version: head.version, status: head.status, files: head.files } : null}
        initialPath={location?.file ?? single(query.file)}
        initialLine={location?.line ?? (Number.isInteger(lineParam) && lineParam > 0 ? lineParam : undefined)}
      />
    </div>
  );
}

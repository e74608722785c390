import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { localizeProblems } from "@/lib/i18n/translate";
import { isTemplate } from "@/lib/questions";
import { listDeckEditors, parseDeckFiles, storedDeck } from "@/lib/server/decks/authoring";
import { parseDeckTitle } from "@/lib/server/platform/stored-json";
import { headVersion, listVersions, versionDetail, type VersionDetail } from "@/lib/server/decks/deck-versions";
import { CsvImport } from "../../_components/csv-import";
import { DeckSettings } from "../../_components/deck-settings";
import { deckForPage } from "../../_components/page-access";
import { VersionList } from "../../_components/version-list";

type Params = Promise<{ deckId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [{ deckId }, t] = await Promise.all([params, getTranslations("author.deck")]);
  return { title: t("metaTitle", { id: deckId }) };
}

function Section({ title, children, id }: { title: string; children: React.ReactNode; id: string }) {
  return (
    <section className="card space-y-3" aria-labelledby={id}>
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** /author/decks/<id>: a deck's items with their harness results, versions, exports, imports and sharing. */
export default async function AuthorDeckPage({ params }: { params: Params }) {
  const { deckId } = await params;
  const { user, access } = await deckForPage(deckId, `/author/decks/${deckId}`, false);
  const { deck, role } = access;
  const [t, language] = await Promise.all([getTranslations("author.deck"), getLocale()]);
  const title = parseDeckTitle(deck.title, deck.id);
  const editing = role !== "reader";
  const base = `/author/decks/${encodeURIComponent(deck.id)}`;
  const exportBase = `/api/author/decks/${encodeURIComponent(deck.id)}/export`;

  let detail: VersionDetail | null = null;
  let concepts: { id: string; name: string }[] = [];
  // Template titles in the page's language (the version detail carries the English one only).
  let titles = new Map<string, string>();
  let readItems: { id: string; kind: "template" | "card"; concept: string; title: string | null }[] = [];
  const [head, versions, editors] = editing ? await Promise.all([headVersion(deck.id), listVersions(user, deck.id), listDeckEditors(user, deck.id)]) : [null, [], []];
  if (editing && head) {
    const stored = await versionDetail(user, deck.id, head.version);
    detail = { ...stored, blockers: localizeProblems(language, stored.blockers) };
    const parsed = parseDeckFiles(head.files, deck.id);
    if (parsed.ok) {
      concepts = parsed.deck.concepts.map((concept) => ({ id: concept.id, name: concept[language] }));
      titles = new Map(parsed.deck.templates.map((template) => [template.id, template.title[language]]));
    }
  } else {
    const stored = await storedDeck(deck);
    concepts = stored.concepts.map((concept) => ({ id: concept.id, name: concept[language] }));
    readItems = [...stored.templates, ...stored.cards].map((item) => ({ id: item.id, kind: isTemplate(item) ? "template" : "card", concept: item.concept, title: isTemplate(item) ? item.title[language] : null }));
  }
  const conceptName = (id: string) => concepts.find((concept) => concept.id === id)?.name ?? id;
  const harnessOf = (id: string) => detail?.harness?.items.find((item) => item.id === id);

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link className="link" href="/author">
          {t("back")}
        </Link>
      </p>
      <header className="space-y-2">
        <p className="text-xs font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-100">
          {deck.source === "content" ? t("contentDeck") : t("appDeck")} · {t(`roles.${role}`)}
        </p>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{title[language]}</h1>
        <p className="font-mono text-sm text-slate-600 dark:text-slate-400">
          {deck.id} · {deck.version ? t("publishedVersion", { version: deck.version }) : t("notPublished")}
        </p>
        {deck.source === "content" ? <p className="max-w-3xl text-slate-700 dark:text-slate-300">{t("contentLead")}</p> : null}
        {editing ? (
          <div className="flex flex-wrap gap-2 pt-2">
            <Link className="btn-primary" href={`${base}/edit`} data-testid="open-editor">
              {t("openEditor")}
            </Link>
            <Link className="btn-secondary" href={`${base}/templates/new`}>
              {t("newTemplate")}
            </Link>
          </div>
        ) : null}
      </header>

      <Section id="items" title={t("items")}>
        {editing ? (
          detail && detail.items.length > 0 ? (
            <>
              {detail.blockers.length > 0 ? (
                <div className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
                  <p className="font-medium">{t("blockers", { count: detail.blockers.length })}</p>
                  <ul className="mt-1 list-disc pl-5">
                    {detail.blockers.map((blocker, index) => (
                      <li key={index}>{blocker.message}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <ul className="divide-y divide-slate-200 dark:divide-slate-800" data-testid="deck-items">
                {detail.items.map((item) => {
                  const result = harnessOf(item.id);
                  return (
                    <li key={item.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                      <div className="min-w-0">
                        <p className="font-medium">
                          <Link className="link" href={`${base}/edit?item=${encodeURIComponent(item.id)}`}>
                            {titles.get(item.id) ?? item.title ?? item.id}
                          </Link>
                        </p>
                        <p className="text-xs text-slate-600 dark:text-slate-400">
                          <span className="font-mono">{item.id}</span> · {t(`kinds.${item.kind}`)} · {conceptName(item.concept)}
                          {item.file ? (
                            <>
                              {" "}
                              · <span className="font-mono">{item.file}:{item.line}</span>
                            </>
                          ) : null}
                        </p>
                      </div>
                      <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${!result ? "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300" : result.failures === 0 ? "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200" : "bg-rose-50 text-rose-800 dark:bg-rose-950 dark:text-rose-200"}`}>
                        {!result ? t("harnessNotRun") : result.failures === 0 ? t("harnessOk", { variants: result.variants }) : t("harnessFailed", { failures: result.failures })}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </>
          ) : (
            <div className="space-y-2 text-sm text-slate-700 dark:text-slate-300">
              <p>{t("noItems")}</p>
              <p>
                <Link className="link" href={`${base}/templates/new`}>
                  {t("newTemplate")}
                </Link>
              </p>
            </div>
          )
        ) : (
          <ul className="grid gap-1 text-sm sm:grid-cols-2" data-testid="deck-items">
            {readItems.map((item) => (
              <li key={item.id}>
                <span className="font-mono">{item.id}</span> <span className="text-slate-600 dark:text-slate-400">· {item.title ?? t(`kinds.${item.kind}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>

      {editing ? (
        <Section id="versions" title={t("versions")}>
          <p className="text-sm text-slate-700 dark:text-slate-300">{t("versionsLead")}</p>
          <VersionList deckId={deck.id} versions={versions} />
        </Section>
      ) : null}

      <Section id="export" title={t("export")}>
        <p className="text-sm text-slate-700 dark:text-slate-300">{t("exportLead")}</p>
        <ul className="flex flex-wrap gap-2">
          <li>
            <a className="btn-secondary" href={`${exportBase}?format=zip`} download data-testid="export-zip">
              {t("exportZip")}
            </a>
          </li>
          <li>
            <a className="btn-secondary" href={`${exportBase}?format=csv`} download data-testid="export-csv">
              {t("exportCsv")}
            </a>
          </li>
          <li>
            <a className="btn-secondary" href={`${exportBase}?format=anki&lang=en`} download data-testid="export-anki">
              {t("exportAnki", { language: "English" })}
            </a>
          </li>
          <li>
            <a className="btn-secondary" href={`${exportBase}?format=anki&lang=ko`} download>
              {t("exportAnki", { language: "한국어" })}
            </a>
          </li>
        </ul>
      </Section>

      {editing ? (
        <Section id="csv" title={t("csvImport")}>
          <CsvImport deckId={deck.id} concepts={concepts} baseVersion={head?.version ?? null} />
        </Section>
      ) : null}

      {editing ? (
        <Section id="sharing" title={t("sharing")}>
          <DeckSettings deckId={deck.id} isPublic={deck.isPublic} editors={editors} isOwner={role === "owner"} />
        </Section>
      ) : null}
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { isTemplate } from "@/lib/questions";
import { MAX_SEED, anchorsOf, getItem, practiceVariant } from "@/lib/server/decks/deck-catalog";
import { cardIdOf } from "@/lib/server/decks/deck-store";
import { runningExamLock } from "@/lib/server/exams/exam-lock";
import { requirePageUser } from "@/lib/server/accounts/page-guards";
import { practiceVariantPayload } from "@/lib/server/review/practice-payload";
import { getCurrentUser } from "@/lib/server/accounts/session";
import { PracticeSession } from "./practice-session";

type Params = Promise<{ itemId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** `?seed=` when it is a valid seed, else undefined (a random variant). */
function seedOf(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,10}$/.test(value)) return undefined;
  const seed = Number(value);
  return seed <= MAX_SEED ? seed : undefined;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [{ itemId }, t, td, locale] = await Promise.all([params, getTranslations("practice"), getTranslations("decks"), getLocale()]);
  const viewer = await getCurrentUser();
  const found = viewer ? await getItem(itemId, viewer) : null;
  if (!found) return {};
  const title = isTemplate(found.item) ? found.item.title[locale] : td(`itemType.${found.itemType}`);
  return { title: t("metaTitle", { title }) };
}

/**
 * /practice/<itemId>[?seed=…][&anchor=…]: practise one template or card without scheduling. The first
 * variant is made (and verified) here, so the page opens with its question; the session asks the
 * API for the next ones. The answer never reaches the browser before a check.
 */
export default async function PracticePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const [{ itemId }, query] = await Promise.all([params, searchParams]);
  const viewer = await requirePageUser(`/practice/${encodeURIComponent(itemId)}`);
  const found = await getItem(itemId, viewer);
  if (!found) notFound();

  const [t, td, language, examLock] = await Promise.all([getTranslations("practice"), getTranslations("decks"), getLocale(), runningExamLock(viewer.id)]);
  const title = isTemplate(found.item) ? found.item.title[language] : td(`itemType.${found.itemType}`);
  // A question of the student's running exam: no variant at all until the exam ends (exam-lock.ts).
  if (examLock?.cardIds.has(cardIdOf(found.deckId, found.itemId))) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{title}</h1>
        <p role="status" className="rounded-lg bg-amber-50 p-3 text-amber-950 dark:bg-amber-950 dark:text-amber-100" data-testid="exam-paused">
          {t("examPaused")}
        </p>
        <p>
          <Link className="link" href={`/exam/${encodeURIComponent(examLock.examId)}`}>
            {t("backToExam")}
          </Link>
        </p>
      </div>
    );
  }
  const requestedAnchor = single(query.anchor);
  const anchor = anchorsOf(found.item).some((known) => known.id === requestedAnchor) ? requestedAnchor : undefined;
  const initial = await practiceVariant(found.item, { seed: seedOf(single(query.seed)), anchor });
  const simulation = found.item.simulation;

  return (
    <div className="space-y-6">
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <ol className="flex flex-wrap items-center gap-1 text-slate-600 dark:text-slate-400">
          <li>
            <Link className="link" href="/decks">
              {t("decks")}
            </Link>
            <span aria-hidden="true"> ›</span>
          </li>
          <li>
            <Link className="link" href={`/decks/${encodeURIComponent(found.deckId)}`}>
              {found.deckTitle[language]}
            </Link>
            <span aria-hidden="true"> ›</span>
          </li>
          <li>
            <Link className="link" href={`/decks/${encodeURIComponent(found.deckId)}#concept-${found.concept}`}>
              {found.conceptName[language]}
            </Link>
          </li>
        </ol>
      </nav>
      <header className="space-y-2">
        <p className="text-xs font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-100">{td(`itemType.${found.itemType}`)}</p>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{title}</h1>
        <p className="max-w-3xl leading-relaxed text-slate-700 dark:text-slate-300">{t("lead")}</p>
        {simulation ? (
          <p className="text-sm">
            <Link className="link" href={`/sim/${encodeURIComponent(simulation)}`}>
              {t("simulation", { id: simulation })}
            </Link>
          </p>
        ) : null}
      </header>
      <PracticeSession itemId={found.itemId} initial={practiceVariantPayload(initial)} />
    </div>
  );
}

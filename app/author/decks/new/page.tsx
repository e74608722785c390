import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageInstructor } from "@/lib/server/accounts/page-guards";
import { ImportDeckForm } from "../_components/import-deck-form";
import { NewDeckForm } from "../_components/new-deck-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("author.newDeck");
  return { title: t("metaTitle") };
}

/** /author/decks/new: a new in-app deck, or a deck folder imported (ZIP or YAML files). */
export default async function NewDeckPage() {
  await requirePageInstructor("/author/decks/new");
  const t = await getTranslations("author.newDeck");
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link className="link" href="/author">
          {t("back")}
        </Link>
      </p>
      <header className="space-y-2">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("heading")}</h1>
        <p className="max-w-3xl text-slate-700 dark:text-slate-300">{t("lead")}</p>
      </header>
      <NewDeckForm />
      <ImportDeckForm />
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { listOwnedClasses } from "@/lib/server/classes/classes";
import { requirePageInstructor } from "@/lib/server/accounts/page-guards";
import { CreateClassForm } from "./create-class-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("classes"))("author.metaTitle") };
}

/** /author/classes: the instructor's classes with their join codes; create a class. */
export default async function AuthorClassesPage() {
  const user = await requirePageInstructor("/author/classes");
  const [t, lang, classes] = await Promise.all([getTranslations("classes"), getLocale(), listOwnedClasses(user)]);
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div className="space-y-2">
          <h1 className="text-2xl font-bold">{t("author.title")}</h1>
          <p className="max-w-3xl text-slate-700 dark:text-slate-300">{t("author.lead")}</p>
        </div>
        <Link className="btn-secondary" href="/author/analytics">
          {t("openAnalytics")}
        </Link>
      </header>

      <CreateClassForm />

      {classes.length === 0 ? (
        <p className="card text-slate-700 dark:text-slate-300" data-testid="author-classes-empty">
          {t("author.empty")}
        </p>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2" data-testid="author-classes">
          {classes.map((c) => (
            <li key={c.id} className="card space-y-2" data-testid="owned-class">
              <h2 className="text-lg font-semibold">
                <Link className="link" href={`/author/classes/${encodeURIComponent(c.id)}`}>
                  {c.name}
                </Link>
              </h2>
              <p className="text-sm text-slate-700 dark:text-slate-300">
                {t("author.joinCode")}: <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-base tracking-widest dark:bg-slate-800">{c.joinCode}</code>
              </p>
              <p className="text-sm text-slate-600 dark:text-slate-400">
                {t("author.counts", { members: c.memberCount, decks: c.decks.length })}
              </p>
              {c.decks.length > 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">{c.decks.map((d) => d.title[lang]).join(" · ")}</p> : null}
              <p className="flex flex-wrap gap-3 text-sm">
                <Link className="link" href={`/author/classes/${encodeURIComponent(c.id)}`}>
                  {t("author.manage")}
                </Link>
                <Link className="link" href={`/author/analytics?class=${encodeURIComponent(c.id)}`}>
                  {t("openAnalytics")}
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

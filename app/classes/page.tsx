import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { listJoinedClasses } from "@/lib/server/classes/classes";
import { requirePageUser } from "@/lib/server/accounts/page-guards";
import { JoinClassForm } from "./join-class-form";
import { LeaveClassButton } from "./leave-class-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("classes"))("metaTitle") };
}

/** /classes: join a class with its code; the classes you are in and the decks they give you. */
export default async function ClassesPage() {
  const user = await requirePageUser("/classes");
  const [t, lang, classes] = await Promise.all([getTranslations("classes"), getLocale(), listJoinedClasses(user)]);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="max-w-3xl text-slate-700 dark:text-slate-300">{t("lead")}</p>
      </header>

      {user.role === "instructor" ? (
        <p className="card flex flex-wrap items-center gap-3 text-sm" data-testid="instructor-links">
          <span className="text-slate-700 dark:text-slate-300">{t("instructorHint")}</span>
          <Link className="btn-secondary" href="/author/classes">
            {t("manageClasses")}
          </Link>
          <Link className="btn-secondary" href="/author/analytics">
            {t("openAnalytics")}
          </Link>
        </p>
      ) : null}

      <JoinClassForm />

      <section className="space-y-3" aria-labelledby="my-classes">
        <h2 id="my-classes" className="text-xl font-semibold">
          {t("mine.title")}
        </h2>
        {classes.length === 0 ? (
          <p className="card text-slate-700 dark:text-slate-300" data-testid="classes-empty">
            {t("mine.empty")}
          </p>
        ) : (
          <ul className="grid gap-4 md:grid-cols-2" data-testid="my-classes">
            {classes.map((c) => (
              <li key={c.id} className="card space-y-3" data-testid="joined-class" data-class-id={c.id}>
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h3 className="text-lg font-semibold">{c.name}</h3>
                  <span className="text-sm text-slate-600 dark:text-slate-400">{t("mine.instructor", { name: c.instructor })}</span>
                </div>
                {c.decks.length === 0 ? (
                  <p className="text-sm text-slate-600 dark:text-slate-400">{t("mine.noDecks")}</p>
                ) : (
                  <div>
                    <h4 className="text-sm font-medium text-slate-700 dark:text-slate-300">{t("mine.decks")}</h4>
                    <ul className="mt-1 list-disc space-y-1 pl-5">
                      {c.decks.map((deck) => (
                        <li key={deck.id}>
                          <Link className="link" href={`/decks/${encodeURIComponent(deck.id)}`}>
                            {deck.title[lang]}
                          </Link>{" "}
                          <Link className="text-sm text-slate-600 underline-offset-2 hover:underline dark:text-slate-400" href={`/review?deck=${encodeURIComponent(deck.id)}`}>
                            {t("mine.review")}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                <LeaveClassButton classId={c.id} name={c.name} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

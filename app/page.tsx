import Link from "next/link";
import { ExamPlanSummary } from "./_components/exam-plan-summary";
import { getLocale, getTranslations } from "next-intl/server";
import { examPlanFor } from "@/lib/server/exams/exam-plan";
import { todayQueue } from "@/lib/server/review/review-queue";
import { getCurrentUser } from "@/lib/server/accounts/session";

/** What today's queue holds for the user (null if it cannot be read: the home page still shows). */
async function todayCounts(userId: string) {
  try {
    return (await todayQueue(userId, new Date())).remaining;
  } catch (error) {
    console.error("[deepdrill] home: could not read today's queue", error);
    return null;
  }
}

/** The nearest exam's pace and readiness (null without one, or if it cannot be read). */
async function examPlan(user: { id: string; role: "student" | "instructor" }) {
  try {
    return await examPlanFor(user, new Date());
  } catch (error) {
    console.error("[deepdrill] home: could not read the exam plan", error);
    return null;
  }
}

export default async function HomePage() {
  const [t, user] = await Promise.all([getTranslations("home"), getCurrentUser()]);

  if (!user) {
    return (
      <div className="space-y-12">
        <section className="mx-auto max-w-3xl pt-6 text-center">
          <h1 className="text-3xl font-bold tracking-tight sm:text-5xl">{t("heroTitle")}</h1>
          <p className="mt-5 text-lg leading-relaxed text-slate-700 dark:text-slate-300">{t("heroBody")}</p>
          <div className="mt-8 flex flex-wrap justify-center gap-3">
            <Link href="/register" className="btn-primary px-5 py-2.5 text-base">{t("getStarted")}</Link>
            <Link href="/login" className="btn-secondary px-5 py-2.5 text-base">{t("haveAccount")}</Link>
          </div>
        </section>
        <section className="grid gap-4 sm:grid-cols-3" aria-label="DeepDrill">
          {(["Params", "Srs", "Sim"] as const).map((feature) => (
            <div key={feature} className="card">
              <h2 className="font-semibold">{t(`feature${feature}Title`)}</h2>
              <p className="mt-2 text-sm leading-relaxed text-slate-700 dark:text-slate-300">{t(`feature${feature}Body`)}</p>
            </div>
          ))}
        </section>
      </div>
    );
  }

  const [today, plan, locale] = await Promise.all([todayCounts(user.id), examPlan(user), getLocale()]);
  const steps = [
    { href: "/review", title: t("nextStepReview"), body: t("nextStepReviewBody"), primary: true },
    { href: "/decks", title: t("nextStepDecks"), body: t("nextStepDecksBody"), primary: false },
    { href: "/exam", title: t("nextStepExam"), body: t("nextStepExamBody"), primary: false },
    { href: "/architect", title: t("nextStepArchitect"), body: t("nextStepArchitectBody"), primary: false },
    { href: "/sim", title: t("nextStepSim"), body: t("nextStepSimBody"), primary: false },
    ...(user.role === "instructor" ? [{ href: "/author", title: t("nextStepAuthor"), body: t("nextStepAuthorBody"), primary: false }] : []),
  ];
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("welcome", { name: user.name })}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          {user.email} · {user.role === "instructor" ? t("roleInstructor") : t("roleStudent")}
        </p>
        {today ? (
          <p className="mt-3 font-medium" data-testid="today-summary">
            {today.due + today.new + today.redrill > 0 ? t("todaySummary", { due: today.due, fresh: today.new, redrill: today.redrill }) : t("todayDone")}
          </p>
        ) : null}
      </div>
      <ExamPlanSummary plan={plan} lang={locale} limit={5} />
      <section aria-labelledby="next-step">
        <h2 id="next-step" className="text-lg font-semibold">{t("nextStepTitle")}</h2>
        <ul className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {steps.map((step) => (
            <li key={step.href}>
              <Link href={step.href} className={`card block h-full transition hover:border-accent-500 ${step.primary ? "ring-2 ring-accent-500/40" : ""}`}>
                <span className="font-semibold text-accent-700 dark:text-accent-100">{step.title} →</span>
                <p className="mt-2 text-sm leading-relaxed text-slate-700 dark:text-slate-300">{step.body}</p>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

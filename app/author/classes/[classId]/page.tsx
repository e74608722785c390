import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getOwnedClass } from "@/lib/server/classes/classes";
import { classReadiness } from "@/lib/server/exams/exam-plan";
import { formatExamDate } from "../../../_components/exam-plan-summary";
import { ExamReadinessTable } from "../../../_components/exam-readiness-table";
import { ClassExamDateForm } from "./class-exam-date-form";
import { AppError } from "@/lib/server-shared/errors";
import { requirePageInstructor } from "@/lib/server/accounts/page-guards";
import { ClassManager } from "./class-manager";

type Params = Promise<{ classId: string }>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("classes"))("author.metaTitle") };
}

/** /author/classes/<id>: join code, decks assigned, members. Another instructor's class is a 404. */
export default async function AuthorClassPage({ params }: { params: Params }) {
  const { classId } = await params;
  const user = await requirePageInstructor(`/author/classes/${encodeURIComponent(classId)}`);
  const detail = await getOwnedClass(user, classId).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const [t, tExam, lang, readiness] = await Promise.all([getTranslations("classes"), getTranslations("examDates"), getLocale(), classReadiness(user, classId)]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <nav aria-label={t("author.breadcrumb")} className="text-sm">
          <Link className="link" href="/author/classes">
            <span aria-hidden="true">← </span>
            {t("author.title")}
          </Link>
        </nav>
        {/* Members, per-concept accuracy and exams, formula-escaped (lib/server/classes/class-results-csv.ts). */}
        <a className="btn-secondary" href={`/api/author/classes/${encodeURIComponent(detail.id)}/results`} download data-testid="class-results-csv">
          {t("author.downloadResults")}
        </a>
      </div>
      <ClassManager initial={detail} lang={lang} />
      <ClassExamDateForm classId={classId} initial={readiness.date} />
      <section aria-labelledby="class-readiness" className="card space-y-3">
        <h2 id="class-readiness" className="text-lg font-semibold">{tExam("classReadinessTitle")}</h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {readiness.date ? tExam("classReadinessHint", { date: formatExamDate(readiness.date, lang), students: readiness.students }) : tExam("classReadinessNoDate")}
        </p>
        {readiness.concepts.length === 0 ? (
          <p className="text-sm">{tExam("classReadinessEmpty")}</p>
        ) : (
          <ExamReadinessTable concepts={readiness.concepts} lang={lang} caption={tExam("classReadinessTitle")} testId="class-readiness" practiseLinks={false} />
        )}
      </section>
    </div>
  );
}

import { DataTable } from "@/app/_components/data-table";
import { RateBar } from "@/app/_components/rate-bar";
import type { StudentProgress } from "@/lib/server/analytics/analytics";
import { AnalyticsSection } from "./analytics-section";
import { percent, type AnalyticsView } from "./analytics-view";

/** Each member's progress in one row: attempts, share correct, activity, exams and weakest concept. */
export function StudentTable({ view, students }: { view: AnalyticsView; students: StudentProgress[] }) {
  const { t, lang, count, date } = view;
  return (
    <AnalyticsSection id="students-title" title={t("students.title")} className="card space-y-3">
      {students.length === 0 ? (
        <p className="text-slate-700 dark:text-slate-300">{t("emptyNoStudents")}</p>
      ) : (
        <DataTable
          caption={t("students.title")}
          columns={[
            { label: t("students.name") },
            { label: t("attempts"), numeric: true },
            { label: t("shareCorrect") },
            { label: t("students.last7"), numeric: true },
            { label: t("students.cards"), numeric: true },
            { label: t("students.lastActive") },
            { label: t("students.exams") },
            { label: t("students.weakest") },
          ]}
          testId="student-table"
          className="min-w-[48rem]"
        >
          {students.map((s) => (
            <tr key={s.userId} data-testid="student-row">
              <th scope="row" className="py-2 pr-3 font-normal">
                <span className="block">{s.name}</span>
                <span className="block break-all text-xs text-slate-600 dark:text-slate-400">{s.email}</span>
              </th>
              <td className="py-2 pr-3 text-right tabular-nums" data-testid="student-attempts">{count(s.attempts)}</td>
              <td className="py-2 pr-3 whitespace-nowrap tabular-nums">
                <RateBar rate={s.rate} /> {percent(s.rate)}
              </td>
              <td className="py-2 pr-3 text-right tabular-nums">{count(s.attemptsLast7Days)}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{count(s.cardsStudied)}</td>
              <td className="py-2 pr-3 whitespace-nowrap">{date(s.lastActive)}</td>
              <td className="py-2 pr-3 whitespace-nowrap">{s.lastExam ? t("students.examSummary", { count: s.exams, score: s.lastExam.score, total: s.lastExam.total }) : "—"}</td>
              <td className="py-2">{s.weakestConcept ? `${s.weakestConcept.name?.[lang] ?? s.weakestConcept.concept} (${percent(s.weakestConcept.rate)})` : "—"}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </AnalyticsSection>
  );
}

import { DataTable } from "@/app/_components/data-table";
import { RateBar } from "@/app/_components/rate-bar";
import type { ConceptAnalytics } from "@/lib/server/analytics/analytics";
import { AnalyticsSection } from "./analytics-section";
import { percent, type AnalyticsView } from "./analytics-view";
import { ConceptChart } from "./concept-chart";

/** The weakest concepts charted (twelve at most), and every concept in a table. */
export function ConceptSection({ view, concepts }: { view: AnalyticsView; concepts: ConceptAnalytics[] }) {
  const { t, lang, count } = view;
  return (
    <AnalyticsSection id="concepts-title" title={t("concepts.title")} lead={t("concepts.lead")} className="card space-y-4">
      <ConceptChart
        data={concepts
          .filter((c) => c.rate !== null)
          .slice(0, 12)
          .map((c) => ({ name: c.name?.[lang] ?? c.concept, rate: Math.round((c.rate ?? 0) * 100), attempts: c.attempts }))}
      />
      <DataTable
        caption={t("concepts.title")}
        columns={[{ label: t("concepts.concept") }, { label: t("attempts"), numeric: true }, { label: t("shareCorrect") }, { label: t("concepts.students"), numeric: true }]}
        testId="concept-table"
      >
        {concepts.map((c) => (
          <tr key={`${c.deckId}/${c.concept}`}>
            <th scope="row" className="py-2 pr-3 font-normal">{c.name?.[lang] ?? c.concept}</th>
            <td className="py-2 pr-3 text-right tabular-nums">{count(c.attempts)}</td>
            <td className="py-2 pr-3 whitespace-nowrap tabular-nums">
              <RateBar rate={c.rate} /> {percent(c.rate)}
            </td>
            <td className="py-2 text-right tabular-nums">{count(c.students)}</td>
          </tr>
        ))}
      </DataTable>
    </AnalyticsSection>
  );
}

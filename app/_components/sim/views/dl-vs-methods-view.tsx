"use client";
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatValue } from "@/lib/sim";
import { DataTable } from "../../data-table";
import { AXIS_TICK, ChartFrame, TOOLTIP_STYLE, tickInteger } from "../chart-frame";
import { seriesColor } from "../format";
import { labelOf, modelIndex, type ViewProps } from "./outcome-types";

const dollars = (value: unknown) => (typeof value === "number" ? `$${formatValue(value, "integer")}k` : String(value));

/** Linear regression, the lasso and the network on one split: test MAE side by side, with what each costs in parameters. */
export function DlVsMethodsView({ outcome, previews, locale }: ViewProps<"dl-vs-methods">) {
  const t = useTranslations("sim.views.dlVsMethods");
  const { methods, keptPredictors, lambda } = outcome.extras;
  const bars = methods.map((method) => ({ ...method, name: labelOf(previews, method.id, locale) }));
  const best = Math.min(...methods.map((m) => m.testMae));
  return (
    <div className="space-y-6">
      <div className="grid gap-6 lg:grid-cols-2">
        <ChartFrame title={t("maeTitle")} note={t("maeNote")} testId="sim-methods-chart">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={bars} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
              <CartesianGrid strokeOpacity={0.2} vertical={false} />
              <XAxis dataKey="name" tick={AXIS_TICK} stroke="currentColor" />
              <YAxis tick={AXIS_TICK} tickFormatter={tickInteger} stroke="currentColor" width={48} />
              <Tooltip {...TOOLTIP_STYLE} formatter={dollars} />
              <Bar dataKey="testMae" name={t("mae")} isAnimationActive={false}>
                {bars.map((bar) => (
                  <Cell key={bar.id} fill={seriesColor(modelIndex(previews, bar.id))} />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </ChartFrame>
        <DataTable
          look="figure"
          caption={t("tableCaption")}
          testId="sim-methods"
          columns={[{ label: t("model") }, { label: t("params"), numeric: true }, { label: t("inUse"), numeric: true }, { label: t("mae"), numeric: true }, { label: t("vsBest"), numeric: true }]}
        >
          {bars.map((bar) => (
            <tr key={bar.id} data-testid="sim-method" data-model-id={bar.id} data-mae={bar.testMae} data-params={bar.params} data-in-use={bar.paramsInUse}>
              <th scope="row" className="py-1 pr-3 text-left font-normal">
                {bar.name}
              </th>
              <td className="py-1 pr-3 text-right">{formatValue(bar.params, "integer")}</td>
              <td className="py-1 pr-3 text-right">{formatValue(bar.paramsInUse, "integer")}</td>
              <td className="py-1 pr-3 text-right">{dollars(bar.testMae)}</td>
              <td className="py-1 text-right">{bar.testMae === best ? t("best") : `+${formatValue((bar.testMae / best - 1) * 100, "decimal")}%`}</td>
            </tr>
          ))}
        </DataTable>
      </div>
      <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="sim-lasso-kept">
        {t("lassoKept", { count: keptPredictors.length, lambda: formatValue(lambda, "decimal"), predictors: keptPredictors.join(", ") || "—" })}
      </p>
      <p className="text-sm text-slate-700 dark:text-slate-300">{t("dataNote")}</p>
    </div>
  );
}

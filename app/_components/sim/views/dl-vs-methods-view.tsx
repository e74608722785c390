"use client";
import { useTranslations } from "next-intl";
import { formatValue } from "@/lib/sim";
import { DataTable } from "../../data-table";
import { dollars, MaeBars } from "./mae-bars";
import { labelOf, type ViewProps } from "./outcome-types";

/** Linear regression, the lasso and the network on one split: test MAE side by side, with what each costs in parameters. */
export function DlVsMethodsView({ outcome, previews, locale }: ViewProps<"dl-vs-methods">) {
  const t = useTranslations("sim.views.dlVsMethods");
  const { methods, keptPredictors, lambda } = outcome.extras;
  const bars = methods.map((method) => ({ ...method, name: labelOf(previews, method.id, locale), mae: method.testMae }));
  const best = Math.min(...methods.map((m) => m.testMae));
  return (
    <div className="space-y-6">
      <div className="grid gap-6 lg:grid-cols-2">
        <MaeBars bars={bars} previews={previews} title={t("maeTitle")} note={t("maeNote")} label={t("mae")} testId="sim-methods-chart" />
        <DataTable
          look="figure"
          caption={t("tableCaption")}
          testId="sim-methods"
          columns={[{ label: t("model") }, { label: t("params"), numeric: true }, { label: t("inUse"), numeric: true }, { label: t("mae"), numeric: true }, { label: t("vsBest"), numeric: true }]}
        >
          {bars.map((bar) => (
            <tr key={bar.id} data-testid="sim-method" data-model-id={bar.id} data-mae={bar.mae} data-params={bar.params} data-in-use={bar.paramsInUse}>
              <th scope="row" className="py-1 pr-3 text-left font-normal">
                {bar.name}
              </th>
              <td className="py-1 pr-3 text-right">{formatValue(bar.params, "integer")}</td>
              <td className="py-1 pr-3 text-right">{formatValue(bar.paramsInUse, "integer")}</td>
              <td className="py-1 pr-3 text-right">{dollars(bar.mae)}</td>
              <td className="py-1 text-right">{bar.mae === best ? t("best") : `+${formatValue((bar.mae / best - 1) * 100, "decimal")}%`}</td>
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

"use client";
import { useTranslations } from "next-intl";
import { CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatValue } from "@/lib/sim";
import { AXIS_TICK, ChartFrame, TOOLTIP_STYLE, tickInteger } from "../chart-frame";
import { seriesColor } from "../format";
import { dollars, MaeBars } from "./mae-bars";
import { labelOf, modelIndex, type ViewProps } from "./outcome-types";


/** Experiment 5: test MAE of least squares and the lab's network, the network's verified 1,051, predicted vs actual salaries. */
export function HittersView({ outcome, previews, locale }: ViewProps<"hitters">) {
  const t = useTranslations("sim.views");
  const { extras } = outcome;
  const ids = Object.keys(extras.testMae);
  const bars = ids.map((id) => ({ id, name: labelOf(previews, id, locale), mae: extras.testMae[id] ?? NaN }));
  const network = outcome.models.find((m) => m.id === "network");
  const maxSalary = Math.max(...extras.testSalary, ...ids.flatMap((id) => extras.predictions[id] ?? []));
  return (
    <div className="space-y-6">
      {network ? (
        <p className="text-sm" data-testid="sim-hitters-params" data-params={network.params} data-verified={network.paramsVerified}>
          {network.paramsVerified
            ? t("hitters.verified", { params: formatValue(network.params, "integer"), tfjs: formatValue(network.tfjsParams ?? NaN, "integer") })
            : t("hitters.notVerified", { params: formatValue(network.params, "integer"), tfjs: formatValue(network.tfjsParams ?? NaN, "integer") })}
        </p>
      ) : null}
      <dl className="grid gap-3 sm:grid-cols-2" data-testid="sim-hitters-mae">
        {bars.map((bar) => (
          <div key={bar.id} className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
            <dt className="text-sm text-slate-600 dark:text-slate-400">{t("hitters.maeOf", { model: bar.name })}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{dollars(bar.mae)}</dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-6 lg:grid-cols-2">
        <MaeBars bars={bars} previews={previews} title={t("hitters.maeTitle")} note={t("hitters.maeNote")} label={t("hitters.mae")} />
        <ChartFrame title={t("hitters.scatterTitle")} note={t("hitters.scatterNote")}>
          <ResponsiveContainer width="100%" height="100%">
            <ScatterChart margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
              <CartesianGrid strokeOpacity={0.2} />
              <XAxis dataKey="actual" type="number" name={t("hitters.actual")} domain={[0, Math.ceil(maxSalary / 500) * 500]} tick={AXIS_TICK} tickFormatter={tickInteger} stroke="currentColor" />
              <YAxis dataKey="predicted" type="number" name={t("hitters.predicted")} domain={[0, Math.ceil(maxSalary / 500) * 500]} tick={AXIS_TICK} tickFormatter={tickInteger} stroke="currentColor" width={48} allowDataOverflow />
              <Tooltip {...TOOLTIP_STYLE} formatter={dollars} />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <ReferenceLine segment={[{ x: 0, y: 0 }, { x: maxSalary, y: maxSalary }]} stroke="#64748b" strokeDasharray="5 4" />
              {ids.map((id) => (
                <Scatter
                  key={id}
                  name={labelOf(previews, id, locale)}
                  data={extras.testSalary.map((actual, i) => ({ actual, predicted: extras.predictions[id]?.[i] ?? NaN }))}
                  fill={seriesColor(modelIndex(previews, id))}
                  fillOpacity={0.7}
                  isAnimationActive={false}
                />
              ))}
            </ScatterChart>
          </ResponsiveContainer>
        </ChartFrame>
      </div>
    </div>
  );
}

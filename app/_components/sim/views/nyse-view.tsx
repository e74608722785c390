"use client";
import { useTranslations } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatValue } from "@/lib/sim";
import { AXIS_TICK, ChartFrame, TOOLTIP_STYLE, tickNumber, tooltipNumber } from "../chart-frame";
import { seriesColor } from "../format";
import { labelOf, modelIndex, type ViewProps } from "./outcome-types";

/** The last test days drawn (the whole test period is ~1,770 days: too dense to read). */
const DAYS_SHOWN = 200;

/** Experiment 11: test R² of the RNN and the linear autoregression, and their forecasts over the last test days. */
export function NyseView({ outcome, previews, locale }: ViewProps<"rnn-nyse">) {
  const t = useTranslations("sim.views.nyse");
  const { extras } = outcome;
  const ids = Object.keys(extras.testR2);
  const from = Math.max(0, extras.actual.length - DAYS_SHOWN);
  const rows = extras.actual.slice(from).map((actual, i) => {
    const row: Record<string, number | string> = { date: extras.testDates[from + i] ?? "", actual };
    for (const id of ids) row[id] = extras.predictions[id]?.[from + i] ?? NaN;
    return row;
  });
  return (
    <div className="space-y-6">
      <dl className="grid gap-3 sm:grid-cols-2" data-testid="sim-nyse-r2">
        {ids.map((id) => (
          <div key={id} className="rounded-lg border border-slate-200 p-3 dark:border-slate-800" data-model-id={id} data-r2={extras.testR2[id]}>
            <dt className="text-sm text-slate-600 dark:text-slate-400">{t("r2Of", { model: labelOf(previews, id, locale) })}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{formatValue(extras.testR2[id] ?? NaN)}</dd>
          </div>
        ))}
      </dl>
      <ChartFrame title={t("chartTitle", { days: rows.length })} note={t("chartNote")} height={300}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeOpacity={0.2} />
            <XAxis dataKey="date" tick={AXIS_TICK} stroke="currentColor" minTickGap={40} />
            <YAxis domain={["auto", "auto"]} tick={AXIS_TICK} tickFormatter={tickNumber} stroke="currentColor" width={48} />
            <Tooltip {...TOOLTIP_STYLE} formatter={tooltipNumber} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Line dataKey="actual" name={t("actual")} stroke="#64748b" strokeWidth={1} dot={false} isAnimationActive={false} />
            {ids.map((id) => (
              <Line key={id} dataKey={id} name={labelOf(previews, id, locale)} stroke={seriesColor(modelIndex(previews, id))} strokeWidth={1.5} dot={false} isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </ChartFrame>
    </div>
  );
}

"use client";
import { useTranslations } from "next-intl";
import { DataTable } from "@/app/_components/data-table";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatValue } from "@/lib/sim";
import { AXIS_TICK, ChartFrame, TOOLTIP_STYLE, tickNumber, tooltipNumber } from "../chart-frame";
import { seriesColor } from "../format";
import { labelOf, modelIndex, type ViewProps } from "./outcome-types";

/** Experiment 6: steps per epoch for every batch size (formula and count), every step's loss, the noise. */
export function MinibatchView({ outcome, previews, locale }: ViewProps<"minibatch-sgd">) {
  const t = useTranslations("sim.views");
  const { extras } = outcome;
  const series = outcome.models.map((model) => ({
    id: model.id,
    label: labelOf(previews, model.id, locale),
    color: seriesColor(modelIndex(previews, model.id)),
    points: model.stepLosses.map((loss, i) => ({ epochs: (i + 1) / model.stepsPerEpoch, loss })),
  }));
  return (
    <div className="space-y-6">
      <DataTable
        look="figure"
        caption={t("minibatch.caption", { n: extras.n })}
        columns={[
          { label: t("minibatch.batch") },
          { label: t("minibatch.formula") },
          { label: t("minibatch.counted") },
          { label: t("minibatch.noise") },
          { label: t("minibatch.finalLoss") },
        ]}
        testId="sim-minibatch-table"
      >
        {extras.runs.map((run) => (
          <tr key={run.batchSize} className={`border-t border-slate-200 dark:border-slate-800 ${run.batchSize === extras.chosen ? "font-semibold" : ""}`}>
            <th scope="row" className="py-1 pr-3 font-[inherit]">
              {run.batchSize}
              {run.batchSize === extras.chosen ? ` (${t("minibatch.chosen")})` : ""}
            </th>
            <td className="py-1 pr-3">{run.formula}</td>
            <td className="py-1 pr-3">{[...new Set(run.stepsCounted)].join(", ")}</td>
            <td className="py-1 pr-3">{formatValue(run.noise)}</td>
            <td className="py-1">{formatValue(run.finalTrainLoss)}</td>
          </tr>
        ))}
      </DataTable>
      <ChartFrame title={t("minibatch.chartTitle")} note={t("minibatch.chartNote")} height={300} testId="sim-minibatch-steps">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeOpacity={0.2} />
            <XAxis dataKey="epochs" type="number" domain={[0, "dataMax"]} tick={AXIS_TICK} tickFormatter={tickNumber} stroke="currentColor" />
            <YAxis dataKey="loss" scale="log" domain={["auto", "auto"]} tick={AXIS_TICK} tickFormatter={tickNumber} stroke="currentColor" width={56} allowDataOverflow />
            <Tooltip {...TOOLTIP_STYLE} formatter={tooltipNumber} labelFormatter={(label) => (typeof label === "number" ? formatValue(label) : String(label))} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {series.map((s) => (
              <Line key={s.id} data={s.points} dataKey="loss" name={s.label} stroke={s.color} strokeWidth={1.25} dot={false} isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </ChartFrame>
    </div>
  );
}

"use client";
import { useTranslations } from "next-intl";
import { DataTable } from "@/app/_components/data-table";
import { CartesianGrid, ComposedChart, Legend, Line, LineChart, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from "recharts";
import { formatValue, type Locale, type ModelPreview } from "@/lib/sim";
import { AXIS_TICK, ChartFrame, TOOLTIP_STYLE, tickNumber, tooltipNumber } from "../chart-frame";
import { seriesColor } from "../format";
import { labelOf, modelIndex, type ViewProps } from "./outcome-types";

interface FittedCurves {
  grid: number[];
  truth: number[];
  curves: Record<string, number[]>;
  points: { x: number[]; y: number[] };
}

/** The training points, the true curve (dashed) and every model's fitted curve on x ∈ [−3, 3]. */
export function FittedCurvesChart({ curves, previews, locale, title }: { curves: FittedCurves; previews: readonly ModelPreview[]; locale: Locale; title: string }) {
  const t = useTranslations("sim.views");
  const ids = Object.keys(curves.curves);
  const rows = curves.grid.map((x, i) => {
    const row: Record<string, number> = { x, truth: curves.truth[i] ?? NaN };
    for (const id of ids) row[id] = curves.curves[id]?.[i] ?? NaN;
    return row;
  });
  const points = curves.points.x.map((x, i) => ({ x, y: curves.points.y[i] ?? NaN }));
  return (
    <ChartFrame title={title} note={t("curvesNote")} height={300} testId="sim-fitted-curves">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeOpacity={0.2} />
          <XAxis dataKey="x" type="number" domain={[-3, 3]} ticks={[-3, -2, -1, 0, 1, 2, 3]} tick={AXIS_TICK} stroke="currentColor" />
          <YAxis type="number" domain={["auto", "auto"]} tick={AXIS_TICK} tickFormatter={tickNumber} stroke="currentColor" width={48} />
          <Tooltip {...TOOLTIP_STYLE} formatter={tooltipNumber} labelFormatter={(label) => `x = ${typeof label === "number" ? formatValue(label) : String(label)}`} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Scatter data={points} dataKey="y" name={t("trainingPoints")} fill="#64748b" fillOpacity={0.55} isAnimationActive={false} legendType="circle" />
          <Line dataKey="truth" name={t("trueCurve")} stroke="#64748b" strokeDasharray="6 4" dot={false} isAnimationActive={false} />
          {ids.map((id) => (
            <Line key={id} dataKey={id} name={labelOf(previews, id, locale)} stroke={seriesColor(modelIndex(previews, id))} strokeWidth={2} dot={false} isAnimationActive={false} />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

export function ActivationView({ outcome, previews, locale }: ViewProps<"activation"> | ViewProps<"hidden-units">) {
  const t = useTranslations("sim.views");
  return <FittedCurvesChart curves={outcome.extras} previews={previews} locale={locale} title={t("fittedCurves")} />;
}

/** Experiment 3: the fitted curves, and where each model's validation loss was lowest. */
export function OverfittingView({ outcome, previews, locale }: ViewProps<"overfitting">) {
  const t = useTranslations("sim.views");
  return (
    <div className="space-y-4">
      <FittedCurvesChart curves={outcome.extras} previews={previews} locale={locale} title={t("fittedCurves")} />
      <DataTable
        look="figure"
        caption={t("overfitting.caption")}
        columns={[
          { label: t("model") },
          { label: t("overfitting.bestEpoch") },
          { label: t("overfitting.bestValLoss") },
          { label: t("overfitting.finalValLoss") },
          { label: t("overfitting.finalTrainLoss") },
        ]}
        testId="sim-overfitting-table"
      >
        {Object.entries(outcome.extras.turns).map(([id, turn]) => (
          <tr key={id} className="border-t border-slate-200 dark:border-slate-800">
            <th scope="row" className="py-1 pr-3 font-normal">{labelOf(previews, id, locale)}</th>
            <td className="py-1 pr-3">{turn.bestEpoch}</td>
            <td className="py-1 pr-3">{formatValue(turn.bestValLoss)}</td>
            <td className="py-1 pr-3">{formatValue(turn.finalValLoss)}</td>
            <td className="py-1">{formatValue(turn.finalTrainLoss)}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

/** Experiment 4: the train/validation gap with and without dropout; predictions with dropout on vs off. */
export function DropoutView({ outcome, previews, locale }: ViewProps<"dropout">) {
  const t = useTranslations("sim.views");
  const { extras } = outcome;
  const evalCurve = extras.curves.dropout ?? [];
  const rows = extras.grid.map((x, i) => {
    const row: Record<string, number> = { x, eval: evalCurve[i] ?? NaN };
    extras.trainingModePasses.forEach((pass, p) => (row[`pass${p}`] = pass[i] ?? NaN));
    return row;
  });
  return (
    <div className="space-y-6">
      <FittedCurvesChart curves={extras} previews={previews} locale={locale} title={t("fittedCurves")} />
      <DataTable
        look="figure"
        caption={t("dropout.gapCaption")}
        columns={[
          { label: t("model") },
          { label: t("dropout.trainLoss") },
          { label: t("dropout.valLoss") },
          { label: t("dropout.gap") },
        ]}
        testId="sim-dropout-gaps"
      >
        {Object.entries(extras.gaps).map(([id, gap]) => (
          <tr key={id} className="border-t border-slate-200 dark:border-slate-800">
            <th scope="row" className="py-1 pr-3 font-normal">{labelOf(previews, id, locale)}</th>
            <td className="py-1 pr-3">{formatValue(gap.trainLoss)}</td>
            <td className="py-1 pr-3">{formatValue(gap.valLoss)}</td>
            <td className="py-1">{formatValue(gap.gap)}</td>
          </tr>
        ))}
      </DataTable>
      <ChartFrame
        title={t("dropout.passesTitle", { passes: extras.trainingModePasses.length })}
        note={t(extras.evalRepeatable ? "dropout.passesNoteRepeatable" : "dropout.passesNoteNotRepeatable", { spread: formatValue(extras.trainingModeSpread) })}
        height={280}
        testId="sim-dropout-passes"
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeOpacity={0.2} />
            <XAxis dataKey="x" type="number" domain={[-3, 3]} ticks={[-3, -2, -1, 0, 1, 2, 3]} tick={AXIS_TICK} stroke="currentColor" />
            <YAxis domain={["auto", "auto"]} tick={AXIS_TICK} tickFormatter={tickNumber} stroke="currentColor" width={48} />
            <Tooltip {...TOOLTIP_STYLE} formatter={tooltipNumber} labelFormatter={(label) => `x = ${typeof label === "number" ? formatValue(label) : String(label)}`} />
            {extras.trainingModePasses.map((_, p) => (
              <Line key={p} dataKey={`pass${p}`} name={t("dropout.pass", { pass: p + 1 })} stroke="#d97706" strokeOpacity={0.6} strokeWidth={1} dot={false} isAnimationActive={false} legendType="none" />
            ))}
            <Line dataKey="eval" name={t("dropout.evalCurve")} stroke="#4f46e5" strokeWidth={2.5} dot={false} isAnimationActive={false} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
          </LineChart>
        </ResponsiveContainer>
      </ChartFrame>
    </div>
  );
}

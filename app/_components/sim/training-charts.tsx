"use client";
import { memo } from "react";
import { useTranslations } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatValue, type EpochRecord, type ExperimentId, type Locale, type ModelPreview } from "@/lib/sim";
import { EPOCH_AXIS_PADDING, epochAxis, lossAxis } from "./chart-axes";
import { AXIS_TICK, ChartFrame, TOOLTIP_STYLE, tickInteger, tickNumber, tickPercent, tooltipNumber } from "./chart-frame";
import { EPOCH_METRIC, seriesColor } from "./format";
import type { SimulationState, StepLoss } from "./use-simulation";

interface Series {
  id: string;
  label: string;
  color: string;
  epochs: EpochRecord[];
}

/** Training loss as the model is judged: `trainMse` (scored with dropout off) where the experiment measures it, else fit's loss. */
const trainLoss = (record: EpochRecord) => record.metrics.trainMse ?? record.loss;

function epochRows(series: readonly Series[], value: (record: EpochRecord, id: string) => Record<string, number | null>) {
  const count = Math.max(0, ...series.map((s) => s.epochs.length));
  return Array.from({ length: count }, (_, i) => {
    const row: Record<string, number | null> = { epoch: i + 1 };
    for (const s of series) {
      const record = s.epochs[i];
      if (record) Object.assign(row, value(record, s.id));
    }
    return row;
  });
}

/**
 * Live charts while a run trains (and the whole record after it): loss per epoch for every model,
 * validation loss dashed where there is one; the experiment's own measure per epoch (test accuracy,
 * MAE, R²); and the minibatch losses as they are read back.
 */
export const TrainingCharts = memo(function TrainingCharts({
  experimentId,
  state,
  previews,
  locale,
}: {
  experimentId: ExperimentId;
  state: SimulationState;
  previews: readonly ModelPreview[];
  locale: Locale;
}) {
  const t = useTranslations("sim.charts");
  const gradient = previews.filter((p) => p.fit.kind === "gradient");
  const fromOutcome = state.outcome?.models;
  const series: Series[] = gradient.map((preview, index) => ({
    id: preview.id,
    label: preview.label[locale],
    color: seriesColor(previews.indexOf(preview) >= 0 ? previews.indexOf(preview) : index),
    epochs: fromOutcome?.find((m) => m.id === preview.id)?.epochs ?? state.epochs[preview.id] ?? [],
  }));
  const hasEpochs = series.some((s) => s.epochs.length > 0);
  const hasValidation = series.some((s) => s.epochs.some((e) => e.valLoss !== null));
  const lossRows = epochRows(series, (record, id) => ({ [`${id}:train`]: trainLoss(record), [`${id}:val`]: record.valLoss }));
  const lossY = lossAxis(lossRows.flatMap((row) => Object.entries(row).flatMap(([key, v]) => (key === "epoch" || v === null ? [] : [v]))));
  const metric = EPOCH_METRIC[experimentId];
  const metricRows = metric ? epochRows(series, (record, id) => ({ [id]: record.metrics[metric.key] ?? null })) : [];
  // Models fitted in closed form have no epochs: their final score is a level line to compare against.
  const closedForm = metric
    ? previews
        .map((preview, index) => ({ preview, index, value: fromOutcome?.find((m) => m.id === preview.id && m.fit !== "gradient")?.final[metric.key] }))
        .filter((entry): entry is { preview: ModelPreview; index: number; value: number } => typeof entry.value === "number" && Number.isFinite(entry.value))
    : [];
  const metricTick = metric?.style === "percent" ? tickPercent : metric?.style === "integer" ? tickInteger : tickNumber;
  const steps: { id: string; label: string; color: string; points: StepLoss[] }[] = series
    .map((s) => ({ id: s.id, label: s.label, color: s.color, points: state.stepLosses[s.id] ?? [] }))
    .filter((s) => s.points.length > 1);
  const maxEpochs = Math.max(1, ...gradient.map((p) => (p.fit.kind === "gradient" ? p.fit.training.epochs : 1)));
  const singleEpoch = lossRows.length <= 1;
  const xAxis = epochAxis(maxEpochs);

  if (!hasEpochs && steps.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">{t("empty")}</p>;
  }
  return (
    <div className="grid gap-6 lg:grid-cols-2" data-testid="sim-charts">
      {hasEpochs ? (
        <ChartFrame title={hasValidation ? t("lossTitleValidation") : t("lossTitle")} note={lossY?.scale === "log" ? t("logScale") : undefined}>
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={lossRows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
              <CartesianGrid strokeOpacity={0.2} />
              <XAxis dataKey="epoch" type="number" domain={xAxis.domain} ticks={xAxis.ticks} padding={EPOCH_AXIS_PADDING} allowDecimals={false} tick={AXIS_TICK} stroke="currentColor" />
              <YAxis
                scale={lossY?.scale ?? "auto"}
                domain={lossY?.domain ?? ["auto", "auto"]}
                ticks={lossY?.ticks}
                tick={AXIS_TICK}
                tickFormatter={lossY ? (value: number) => lossY.format(value) : tickNumber}
                stroke="currentColor"
                width={56}
              />
              <Tooltip {...TOOLTIP_STYLE} formatter={tooltipNumber} labelFormatter={(label) => t("epochLabel", { epoch: String(label) })} />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              {series.flatMap((s) => [
                <Line key={`${s.id}:train`} dataKey={`${s.id}:train`} name={hasValidation ? t("trainOf", { model: s.label }) : s.label} stroke={s.color} dot={singleEpoch} isAnimationActive={false} connectNulls />,
                hasValidation ? (
                  <Line key={`${s.id}:val`} dataKey={`${s.id}:val`} name={t("validationOf", { model: s.label })} stroke={s.color} strokeDasharray="5 4" dot={singleEpoch} isAnimationActive={false} connectNulls />
                ) : null,
              ])}
            </LineChart>
          </ResponsiveContainer>
        </ChartFrame>
      ) : null}
      {metric && hasEpochs ? (
        <ChartFrame title={t(`metric.${metric.key}`)}>
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={metricRows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
              <CartesianGrid strokeOpacity={0.2} />
              <XAxis dataKey="epoch" type="number" domain={xAxis.domain} ticks={xAxis.ticks} padding={EPOCH_AXIS_PADDING} allowDecimals={false} tick={AXIS_TICK} stroke="currentColor" />
              <YAxis domain={["auto", "auto"]} tick={AXIS_TICK} tickFormatter={metricTick} stroke="currentColor" width={56} />
              <Tooltip {...TOOLTIP_STYLE} formatter={(value) => metricTick(value)} labelFormatter={(label) => t("epochLabel", { epoch: String(label) })} />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              {series.map((s) => (
                <Line key={s.id} dataKey={s.id} name={s.label} stroke={s.color} dot={singleEpoch} isAnimationActive={false} connectNulls />
              ))}
              {closedForm.map(({ preview, index, value }) => (
                <ReferenceLine
                  key={preview.id}
                  y={value}
                  ifOverflow="extendDomain"
                  stroke={seriesColor(index)}
                  strokeDasharray="6 4"
                  label={{ value: `${preview.label[locale]}: ${metricTick(value)}`, position: "insideTopRight", fill: "currentColor", fontSize: 12 }}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </ChartFrame>
      ) : null}
      {steps.length > 0 ? (
        <ChartFrame title={t("stepLossTitle")} note={t("stepLossNote")}>
          <ResponsiveContainer width="100%" height="100%">
            <LineChart margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
              <CartesianGrid strokeOpacity={0.2} />
              <XAxis dataKey="epochs" type="number" domain={[0, maxEpochs]} tick={AXIS_TICK} tickFormatter={(v: number) => formatValue(v)} stroke="currentColor" />
              <YAxis dataKey="loss" domain={["auto", "auto"]} tick={AXIS_TICK} tickFormatter={tickNumber} stroke="currentColor" width={56} />
              <Tooltip {...TOOLTIP_STYLE} formatter={tooltipNumber} labelFormatter={(label) => t("epochLabel", { epoch: typeof label === "number" ? formatValue(label) : String(label) })} />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              {steps.map((s) => (
                <Line key={s.id} data={s.points} dataKey="loss" name={s.label} stroke={s.color} strokeWidth={1.25} dot={false} isAnimationActive={false} />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </ChartFrame>
      ) : null}
    </div>
  );
});

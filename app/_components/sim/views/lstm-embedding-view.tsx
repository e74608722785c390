"use client";
import { useTranslations } from "next-intl";
import { CartesianGrid, LabelList, Legend, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatValue } from "@/lib/sim";
import { AXIS_TICK, ChartFrame, TOOLTIP_STYLE, tickNumber, tooltipNumber } from "../chart-frame";
import { seriesColor } from "../format";
import { labelOf, modelIndex, type ViewProps } from "./outcome-types";

const GROUPS = [
  { group: "positive", color: "#059669" },
  { group: "negative", color: "#db2777" },
  { group: "negator", color: "#d97706" },
  { group: "filler", color: "#64748b" },
] as const;

/** Experiment 13: test accuracy of the bag of words and the LSTM, the learned 2-D word embedding, example sentences. */
export function LstmEmbeddingView({ outcome, previews, locale }: ViewProps<"lstm-embedding">) {
  const t = useTranslations("sim.views.lstm");
  const { extras } = outcome;
  const ids = Object.keys(extras.testAccuracy);
  return (
    <div className="space-y-6">
      <p className="max-w-3xl text-sm leading-relaxed text-slate-700 dark:text-slate-300">{t("dataNote")}</p>
      <dl className="grid gap-3 sm:grid-cols-2">
        {ids.map((id) => (
          <div key={id} className="rounded-lg border border-slate-200 p-3 dark:border-slate-800" data-testid="sim-lstm-accuracy" data-model-id={id} data-accuracy={extras.testAccuracy[id]}>
            <dt className="text-sm text-slate-600 dark:text-slate-400">{t("accuracyOf", { model: labelOf(previews, id, locale) })}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{formatValue(extras.testAccuracy[id] ?? NaN, "percent")}</dd>
          </div>
        ))}
      </dl>
      <ChartFrame title={t("embeddingTitle")} note={t("embeddingNote")} height={340} testId="sim-embedding">
        <ResponsiveContainer width="100%" height="100%">
          <ScatterChart margin={{ top: 16, right: 24, bottom: 8, left: 8 }}>
            <CartesianGrid strokeOpacity={0.2} />
            <XAxis dataKey="x" type="number" name={t("dimension", { n: 1 })} domain={["auto", "auto"]} tick={AXIS_TICK} tickFormatter={tickNumber} stroke="currentColor" />
            <YAxis dataKey="y" type="number" name={t("dimension", { n: 2 })} domain={["auto", "auto"]} tick={AXIS_TICK} tickFormatter={tickNumber} stroke="currentColor" width={48} />
            <Tooltip {...TOOLTIP_STYLE} formatter={tooltipNumber} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {GROUPS.map(({ group, color }) => (
              <Scatter key={group} name={t(`groups.${group}`)} data={extras.embedding.filter((point) => point.group === group)} fill={color} isAnimationActive={false}>
                <LabelList dataKey="word" position="top" fontSize={11} fill="currentColor" />
              </Scatter>
            ))}
          </ScatterChart>
        </ResponsiveContainer>
      </ChartFrame>
      <div className="overflow-x-auto" role="region" aria-label={t("examplesCaption")} tabIndex={0}>
        <table className="min-w-full text-left text-sm" data-testid="sim-sentence-examples">
          <caption className="mb-2 text-left text-sm font-medium">{t("examplesCaption")}</caption>
          <thead className="text-xs text-slate-600 dark:text-slate-400">
            <tr>
              <th scope="col" className="py-1 pr-3">{t("sentence")}</th>
              <th scope="col" className="py-1 pr-3">{t("label")}</th>
              {ids.map((id) => (
                <th key={id} scope="col" className="py-1 pr-3" style={{ color: seriesColor(modelIndex(previews, id)) }}>
                  {t("positiveBy", { model: labelOf(previews, id, locale) })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {extras.examples.map((example, i) => (
              <tr key={i} className="border-t border-slate-200 dark:border-slate-800">
                <td className="py-1 pr-3 font-mono">{example.words}</td>
                <td className="py-1 pr-3">{example.label === 1 ? t("positive") : t("negative")}</td>
                {ids.map((id) => (
                  <td key={id} className="py-1 pr-3 tabular-nums">{formatValue(example.positive[id] ?? NaN, "percent")}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

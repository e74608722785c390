"use client";
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ConceptChartPoint {
  name: string;
  /** Share correct in percent. */
  rate: number;
  attempts: number;
}

// Long concept names wrapped onto three or four lines and ran into each other; one line each,
// cut with an ellipsis, fits the axis (the table below gives the full names).
const LABEL_CHARS = 26;
const shortLabel = (name: string) => (name.length > LABEL_CHARS ? `${name.slice(0, LABEL_CHARS - 1).trimEnd()}…` : name);

/** Share correct per concept, weakest first (the table below holds the same figures as text). */
export function ConceptChart({ data }: { data: ConceptChartPoint[] }) {
  const t = useTranslations("analytics");
  if (data.length === 0) return null;
  return (
    <figure aria-hidden="true" className="w-full text-xs" style={{ height: Math.max(140, 60 + 32 * data.length) }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16, top: 4, bottom: 20 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" className="stroke-slate-200 dark:stroke-slate-800" horizontal={false} />
          <XAxis type="number" domain={[0, 100]} unit="%" tick={{ fill: "currentColor" }} label={{ value: t("concepts.axis"), position: "insideBottom", offset: -14, fill: "currentColor" }} />
          <YAxis type="category" dataKey="name" width={180} tick={{ fill: "currentColor" }} tickFormatter={shortLabel} interval={0} />
          <Tooltip formatter={(value) => [`${String(value)}%`, t("shareCorrect")]} contentStyle={{ color: "#0f172a" }} />
          <Bar dataKey="rate" className="fill-accent-600" fill="currentColor" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

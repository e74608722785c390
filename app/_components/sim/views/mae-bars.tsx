"use client";
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatValue, type ModelPreview } from "@/lib/sim";
import { AXIS_TICK, ChartFrame, TOOLTIP_STYLE, tickInteger } from "../chart-frame";
import { seriesColor } from "../format";
import { modelIndex } from "./outcome-types";

/** Thousands of dollars, as the Hitters lab reports salaries: 254.3 → "$254k". */
export const dollars = (value: unknown) => (typeof value === "number" ? `$${formatValue(value, "integer")}k` : String(value));

/** One bar per model of its test mean absolute error, in the model's colour (the Hitters experiments). */
export function MaeBars({ bars, previews, title, note, label, testId }: { bars: { id: string; name: string; mae: number }[]; previews: readonly ModelPreview[]; title: string; note: string; label: string; testId?: string }) {
  return (
    <ChartFrame title={title} note={note} testId={testId}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={bars} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeOpacity={0.2} vertical={false} />
          <XAxis dataKey="name" tick={AXIS_TICK} stroke="currentColor" />
          <YAxis tick={AXIS_TICK} tickFormatter={tickInteger} stroke="currentColor" width={48} />
          <Tooltip {...TOOLTIP_STYLE} formatter={dollars} />
          <Bar dataKey="mae" name={label} isAnimationActive={false}>
            {bars.map((bar) => (
              <Cell key={bar.id} fill={seriesColor(modelIndex(previews, bar.id))} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

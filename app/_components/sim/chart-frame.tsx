"use client";
import type { ReactNode } from "react";
import { formatValue } from "@/lib/sim";

/** A chart with its caption; the SVG inherits the text colour, so axes read in light and dark mode. */
export function ChartFrame({ title, note, children, height = 240, testId }: { title: string; note?: string; children: ReactNode; height?: number; testId?: string }) {
  return (
    <figure className="min-w-0" data-testid={testId}>
      <figcaption className="text-sm font-medium">{title}</figcaption>
      {note ? <p className="text-xs text-slate-600 dark:text-slate-400">{note}</p> : null}
      <div className="mt-2 text-slate-600 dark:text-slate-300" style={{ height }}>
        {children}
      </div>
    </figure>
  );
}

export const AXIS_TICK = { fill: "currentColor", fontSize: 12 } as const;
export const TOOLTIP_STYLE = {
  contentStyle: { backgroundColor: "rgb(15 23 42 / 0.92)", border: "none", borderRadius: 8, color: "#f8fafc", fontSize: 12 },
  labelStyle: { color: "#f8fafc" },
  itemStyle: { color: "#f8fafc" },
} as const;

export function tickNumber(value: unknown): string {
  return typeof value === "number" ? formatValue(value) : String(value);
}

export function tickPercent(value: unknown): string {
  return typeof value === "number" ? formatValue(value, "percent") : String(value);
}

export function tickInteger(value: unknown): string {
  return typeof value === "number" ? formatValue(value, "integer") : String(value);
}

export function tooltipNumber(value: unknown): string {
  return typeof value === "number" ? formatValue(value) : String(value);
}

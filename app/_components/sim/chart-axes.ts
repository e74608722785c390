import { formatValue } from "@/lib/sim";

/**
 * Axes computed here rather than left to the chart library, so that a short run still reads well:
 * after one epoch the x axis is that epoch alone (not 1–2 with the point on the frame), and a loss
 * that barely moved gets a linear axis with ticks that print differently, not a log axis reading
 * "1.5, 1.5, 1.5, 1.4". Every data point lies strictly inside the domain.
 */

export interface NumberAxis {
  scale: "log" | "linear";
  domain: [number, number];
  ticks: number[];
  format(value: number): string;
}

/** Epoch axis for `epochs` planned epochs: [1, epochs], or a band around 1 for a single epoch. */
export function epochAxis(epochs: number): { domain: [number, number]; ticks?: number[] } {
  if (epochs <= 1) return { domain: [0.5, 1.5], ticks: [1] };
  return { domain: [1, epochs] };
}

/** Pixels between the frame and the first and last epoch: points are never drawn on the frame. */
export const EPOCH_AXIS_PADDING = { left: 12, right: 12 } as const;

/** A loss spanning at least this ratio gets a log axis; a narrower one reads better linear. */
export const LOG_AXIS_MIN_RATIO = 4;

const LOG_MANTISSAS = [1, 2, 5] as const;

/** 1, 2, 5 × 10^k from below `min` to above `max`. */
function logCandidates(min: number, max: number): number[] {
  const values: number[] = [];
  for (let k = Math.floor(Math.log10(min)) - 1; k <= Math.ceil(Math.log10(max)) + 1; k++) {
    for (const m of LOG_MANTISSAS) values.push(Number((m * 10 ** k).toPrecision(12)));
  }
  return values;
}

/** The step of 1, 2 or 5 × 10^k nearest above `rough`. */
function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  const mantissa = LOG_MANTISSAS.find((m) => m * power >= rough) ?? 10;
  return mantissa * power;
}

function decimalsFor(step: number): number {
  return Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
}

export function lossAxis(values: readonly number[]): NumberAxis | null {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return null;
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  if (min > 0 && max / min >= LOG_AXIS_MIN_RATIO) {
    const candidates = logCandidates(min, max);
    const lo = Math.max(...candidates.filter((c) => c < min));
    const hi = Math.min(...candidates.filter((c) => c > max));
    let ticks = candidates.filter((c) => c >= lo && c <= hi);
    // Over many decades keep the powers of ten only (and the ends).
    if (ticks.length > 7) ticks = ticks.filter((c, i) => i === 0 || i === ticks.length - 1 || Number.isInteger(Math.log10(c)));
    return { scale: "log", domain: [lo, hi], ticks, format: (value) => formatValue(value) };
  }
  const spread = max - min;
  const step = niceStep(spread > 0 ? spread / 4 : Math.abs(max) > 0 ? Math.abs(max) / 10 : 1);
  let lo = Math.floor(min / step) * step;
  if (lo >= min - step * 1e-9) lo -= step;
  let hi = Math.ceil(max / step) * step;
  if (hi <= max + step * 1e-9) hi += step;
  const decimals = decimalsFor(step);
  const ticks: number[] = [];
  for (let tick = lo; tick <= hi + step / 2; tick += step) ticks.push(Number(tick.toFixed(decimals)));
  const format = (value: number) => value.toLocaleString("en", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return { scale: "linear", domain: [Number(lo.toFixed(decimals)), Number(hi.toFixed(decimals))], ticks, format };
}

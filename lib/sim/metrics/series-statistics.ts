/** Small statistics over loss curves: where a curve bottoms out, and how noisy it is. */

export interface CurveMinimum {
  /** 1-based epoch (or step) of the smallest value. */
  at: number;
  value: number;
}

export function curveMinimum(values: readonly number[]): CurveMinimum {
  if (values.length === 0) throw new Error("empty curve");
  let at = 0;
  values.forEach((value, i) => {
    if (value < (values[at] as number)) at = i;
  });
  return { at: at + 1, value: values[at] as number };
}

/**
 * Step-to-step noise of a per-step loss curve, relative to its level: the standard deviation of
 * log(loss_t / smooth_t), where smooth_t is a centred moving average over `window` steps. A ratio
 * (not a difference) so a curve that is still falling steeply does not look noisy, and curves at
 * different loss levels compare. Full-batch gradient descent scores near 0.
 */
export function relativeNoise(values: readonly number[], window = 9): number {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  if (positive.length < 3) return 0;
  const half = Math.floor(window / 2);
  const logs: number[] = [];
  for (let i = 0; i < positive.length; i++) {
    const from = Math.max(0, i - half);
    const to = Math.min(positive.length, i + half + 1);
    let sum = 0;
    for (let j = from; j < to; j++) sum += positive[j] as number;
    logs.push(Math.log((positive[i] as number) / (sum / (to - from))));
  }
  const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
  return Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / (logs.length - 1));
}

/** Evenly spaced points on [low, high], both ends included. */
export function linspace(low: number, high: number, count: number): number[] {
  if (count === 1) return [low];
  return Array.from({ length: count }, (_, i) => low + ((high - low) * i) / (count - 1));
}

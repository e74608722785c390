/** What the runner reports while it trains: enough for a progress bar, live charts and a time estimate. */
import type { EpochRecord } from "./experiment-types";

export interface ProgressMetrics {
  /** A minibatch finished, or a whole epoch (then `record` holds its numbers). */
  kind: "batch" | "epoch";
  modelId: string;
  /** 0-based position of the model being trained, out of `modelCount` trained by gradient. */
  modelIndex: number;
  modelCount: number;
  epochs: number;
  stepsPerEpoch: number;
  /** Steps done over all models, out of `totalSteps`. */
  stepsDone: number;
  totalSteps: number;
  /** stepsDone / totalSteps. */
  fraction: number;
  /** The latest minibatch loss read back (reading is throttled, so it may be a few steps old). */
  loss: number | null;
  record?: EpochRecord;
  /** Since training began (warm-up excluded). */
  elapsedMs: number;
  /** Linear estimate from the pace so far; null before the first step. */
  remainingMs: number | null;
}

export type ProgressListener = (epoch: number, step: number, metrics: ProgressMetrics) => void;

/** Counts steps across the models of a run and turns them into fractions and time estimates. */
export function createProgressClock(totalSteps: number, now: () => number) {
  let stepsDone = 0;
  let startedAt: number | null = null;
  return {
    start() {
      startedAt ??= now();
    },
    step() {
      stepsDone++;
    },
    snapshot() {
      const elapsedMs = startedAt === null ? 0 : now() - startedAt;
      return {
        stepsDone,
        totalSteps,
        fraction: totalSteps === 0 ? 1 : Math.min(1, stepsDone / totalSteps),
        elapsedMs,
        remainingMs: stepsDone === 0 ? null : (elapsedMs / stepsDone) * Math.max(0, totalSteps - stepsDone),
      };
    },
  };
}
export type ProgressClock = ReturnType<typeof createProgressClock>;

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
  /** Smoothed estimate (see `createProgressClock`); null until there is enough to go on. */
  remainingMs: number | null;
}

export type ProgressListener = (epoch: number, step: number, metrics: ProgressMetrics) => void;

/** Weight of the latest epoch in the smoothed time per step (the rest is the running average). */
export const ESTIMATE_SMOOTHING = 0.3;
/** Before the first epoch ends, no estimate until this many steps and this much time have passed. */
export const FIRST_ESTIMATE_AFTER = { steps: 5, ms: 1500 };

/**
 * Counts steps across the models of a run and turns them into fractions and time estimates.
 *
 * The estimate is (steps left) × (time per step), where time per step is an exponential moving
 * average over finished epochs, s ← α·s_epoch + (1 − α)·s, α = ESTIMATE_SMOOTHING, each epoch's
 * figure taken from wall time between epoch ends (so the per-epoch scoring counts too). Within the
 * first epoch it is the pace so far, and only once a few steps and over a second have passed: the
 * very first steps are the slowest (buffers, kernels) and would promise half an hour.
 */
export function createProgressClock(totalSteps: number, now: () => number) {
  let stepsDone = 0;
  let startedAt: number | null = null;
  let lastEpochAt: number | null = null;
  let stepsAtLastEpoch = 0;
  let msPerStep: number | null = null;
  return {
    start() {
      startedAt ??= now();
      lastEpochAt ??= startedAt;
    },
    step() {
      stepsDone++;
    },
    /** An epoch (training and scoring) finished. */
    epochEnded() {
      const at = now();
      const steps = stepsDone - stepsAtLastEpoch;
      if (lastEpochAt !== null && steps > 0) {
        const epochRate = (at - lastEpochAt) / steps;
        msPerStep = msPerStep === null ? epochRate : ESTIMATE_SMOOTHING * epochRate + (1 - ESTIMATE_SMOOTHING) * msPerStep;
      }
      lastEpochAt = at;
      stepsAtLastEpoch = stepsDone;
    },
    snapshot() {
      const elapsedMs = startedAt === null ? 0 : now() - startedAt;
      const left = Math.max(0, totalSteps - stepsDone);
      let remainingMs: number | null = null;
      if (msPerStep !== null) remainingMs = msPerStep * left;
      else if (stepsDone >= FIRST_ESTIMATE_AFTER.steps && elapsedMs >= FIRST_ESTIMATE_AFTER.ms) remainingMs = (elapsedMs / stepsDone) * left;
      return {
        stepsDone,
        totalSteps,
        fraction: totalSteps === 0 ? 1 : Math.min(1, stepsDone / totalSteps),
        elapsedMs,
        remainingMs,
      };
    },
  };
}
export type ProgressClock = ReturnType<typeof createProgressClock>;

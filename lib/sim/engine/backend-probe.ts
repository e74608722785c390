/**
 * Times a few training steps of one model on the backend tfjs has now: the measurement behind the
 * automatic backend choice when the browser does not say conclusively what its device is. It runs
 * on the experiment's own model and first minibatch (same shapes, same kernels as the run), after
 * one untimed step that compiles shaders and allocates buffers, and stops as soon as the figure is
 * steady enough to rank backends or the budget is spent. The figure is the median step, not the
 * mean: on a shared machine another process can stall any one step many times over.
 */
import type { ArchitectureSpec } from "@/lib/model-core";
import { buildTrainableModel } from "@/lib/model-core/tfjs";
import type { ArrayDataset, TrainingConfig } from "./experiment-types";
import { runMsPerStep, type ProbeTarget } from "./probe-targets";
import type { Tf } from "./tfjs-types";
import { createOptimizer } from "./train-model";

export interface ProbeBudget {
  /** Timed steps at least, and at most. */
  minSteps: number;
  maxSteps: number;
  /** Stop timing once this much time was spent (after `minSteps`). */
  enoughMs: number;
}

/** Per pass: the worker times each candidate twice, interleaved (`PROBE_PASSES`), 0.4 s in all. */
export const DEFAULT_PROBE_BUDGET: ProbeBudget = { minSteps: 3, maxSteps: 20, enoughMs: 200 };

export interface ProbeResult {
  /** The untimed first step: shader compilation, first allocations. */
  firstStepMs: number;
  msPerStep: number;
  steps: number;
}

function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export async function timeTrainingSteps(
  tf: Tf,
  spec: ArchitectureSpec,
  training: Pick<TrainingConfig, "optimizer" | "learningRate" | "batchSize" | "loss">,
  train: ArrayDataset,
  now: () => number,
  shouldStop: () => boolean,
  budget: ProbeBudget = DEFAULT_PROBE_BUDGET,
): Promise<ProbeResult> {
  const rows = Math.min(training.batchSize, train.count);
  const perSample = train.x.length / train.count;
  const model = buildTrainableModel(spec, { seed: 0 });
  const optimizer = createOptimizer(tf, training);
  const x = tf.tensor(train.x.subarray(0, rows * perSample), [rows, ...spec.input]);
  const y = tf.tensor2d(train.y.subarray(0, rows * train.yWidth), [rows, train.yWidth]);
  try {
    model.compile({ optimizer, loss: training.loss });
    // trainOnBatch reads the loss back, so each step has finished on the device when it resolves.
    const firstAt = now();
    await model.trainOnBatch(x, y);
    const firstStepMs = now() - firstAt;
    const stepMs: number[] = [];
    const startedAt = now();
    while (stepMs.length < budget.maxSteps && !shouldStop()) {
      const stepAt = now();
      await model.trainOnBatch(x, y);
      stepMs.push(now() - stepAt);
      if (stepMs.length >= budget.minSteps && now() - startedAt >= budget.enoughMs) break;
    }
    return { firstStepMs, msPerStep: stepMs.length === 0 ? Infinity : medianOf(stepMs), steps: stepMs.length };
  } finally {
    tf.dispose([x, y]);
    optimizer.dispose();
    model.dispose();
  }
}

/**
 * Times every model of a run (`probeTargets`) on the current backend, sharing one budget between
 * them (each still gets its `minSteps`), and reports the run's time per step: the models' times per
 * step weighted by the steps each takes in the run, so a backend is judged on the whole run and not
 * on one model that happens to suit it.
 */
export async function timeRunSteps(
  tf: Tf,
  targets: readonly ProbeTarget[],
  train: ArrayDataset,
  now: () => number,
  shouldStop: () => boolean,
  budget: ProbeBudget = DEFAULT_PROBE_BUDGET,
): Promise<ProbeResult> {
  const share: ProbeBudget = { ...budget, enoughMs: budget.enoughMs / Math.max(1, targets.length) };
  const timed: { runSteps: number; msPerStep: number }[] = [];
  let firstStepMs = 0;
  let steps = 0;
  for (const target of targets) {
    if (shouldStop()) break;
    const result = await timeTrainingSteps(tf, target.spec, target.training, train, now, shouldStop, share);
    timed.push({ runSteps: target.runSteps, msPerStep: result.msPerStep });
    firstStepMs += result.firstStepMs;
    steps += result.steps;
  }
  // A probe cut short by stop has not timed every model: it ranks nothing.
  const complete = timed.length === targets.length;
  return { firstStepMs, msPerStep: complete ? runMsPerStep(timed) : Infinity, steps };
}


/**
 * What the backend probe times, and how its timings rank backends. A run's time is Σ over its
 * models of (steps it takes) × (time per step), and which model's steps are slowest depends on the
 * backend, not on the parameter count: cnn-vs-mlp's CNN has 18 times fewer parameters than its MLP
 * but is the slower per step (convolutions and their gradients against matrix products). So every distinct
 * model trained by gradient is timed, and backends are ranked by their time per step averaged over
 * the whole run, each model weighted by the steps it will take.
 */
import type { ArchitectureSpec } from "@/lib/model-core";
import type { ModelPlan, TrainingConfig } from "./experiment-types";

export interface ProbeTarget {
  spec: ArchitectureSpec;
  training: TrainingConfig;
  /** Minibatch steps this model takes in the run: epochs × ⌈n / batch⌉ (summed over plans that share it). */
  runSteps: number;
}

/** Every gradient-trained model of the run once (plans with the same spec and training share a target). */
export function probeTargets(plans: readonly ModelPlan[], specs: readonly ArchitectureSpec[], trainCount: number): ProbeTarget[] {
  const targets = new Map<string, ProbeTarget>();
  plans.forEach((plan, index) => {
    const spec = specs[index];
    if (plan.fit.kind !== "gradient" || !spec) return;
    const { training } = plan.fit;
    const steps = training.epochs * Math.ceil(trainCount / Math.min(training.batchSize, trainCount));
    const key = JSON.stringify([spec, training.batchSize, training.optimizer, training.loss]);
    const known = targets.get(key);
    if (known) known.runSteps += steps;
    else targets.set(key, { spec, training, runSteps: steps });
  });
  return [...targets.values()];
}

/** The run's time per step on one backend: each target's measured time per step, weighted by the steps it takes. */
export function runMsPerStep(timed: readonly { runSteps: number; msPerStep: number }[]): number {
  const steps = timed.reduce((sum, target) => sum + target.runSteps, 0);
  if (steps === 0) return Infinity;
  return timed.reduce((sum, target) => sum + target.runSteps * target.msPerStep, 0) / steps;
}

/**
 * Runs an experiment: loads its data sets, prepares the arrays from the seed, builds each model
 * from its spec through the model core (seeded initialisers, unseeded dropout), warms the backend
 * up (shader compilation on WebGL/WebGPU; excluded from timings), trains the models one after the
 * other, lets the experiment analyse them, phrases the outcome, and frees every tensor it made:
 * `tf.memory().numTensors` is back at its starting value when the promise settles, after a
 * completed run, a stopped one, or an error.
 */
import { deriveArchitecture, validateSpec, type ArchitectureSpec } from "@/lib/model-core";
import { buildTrainableModel, countWithTfjs } from "@/lib/model-core/tfjs";
import type { DatasetCache } from "../datasets/dataset-source";
import { lassoByCrossValidation } from "../linear/lasso";
import { fitLeastSquares, predictLeastSquares, type LeastSquaresFit } from "../linear/least-squares";
import { meanSquaredError } from "../metrics/regression-metrics";
import { createRandom, deriveSeed, type SeededRandom } from "../random/seeded-random";
import type {
  ArrayDataset,
  BaseSettings,
  CompletedRun,
  ExperimentDefinition,
  ModelPlan,
  ModelRecord,
  PreparedData,
  TrainedModel,
} from "./experiment-types";
import type { ExperimentOutcome, RunReport } from "./outcome-types";
import { timeRunSteps, type ProbeResult } from "./backend-probe";
import { probeTargets } from "./probe-targets";
import { createProgressClock, type ProgressListener } from "./progress";
import { createSplitTensors } from "./split-tensors";
import type { Sequential, Tf } from "./tfjs-types";
import { createOptimizer, trainModel } from "./train-model";
import { leastSquaresTrainedModel, tfjsTrainedModel } from "./trained-model";

export interface RunContext {
  /** The tfjs module, with its backend already chosen (the same instance the model core imports). */
  tf: Tf;
  datasets: DatasetCache;
  /** Milliseconds; `performance.now` in the worker. lib/sim reads no clock of its own. */
  now(): number;
  onProgress?: ProgressListener;
  /** Polled after every minibatch; true stops training after that step. */
  shouldStop?(): boolean;
  /** Lets the host's event loop run (so a worker can receive "stop"); called at most every `yieldEveryMs`. */
  yieldToEventLoop?(): Promise<void>;
  yieldEveryMs?: number;
  /** How often the minibatch loss is read back for progress reports (default 200 ms). */
  lossReportMs?: number;
  /** One throwaway training step per model before timing starts (default true). */
  warmUp?: boolean;
  /**
   * Called once the data and models are ready, before any tensor of the run exists: the host picks
   * the backend, timing candidates with `probe` (a few training steps of each of the run's models on
   * its own first minibatch, on whichever backend is current, weighted by the steps each will take)
   * where it must. Null when the run trains nothing by gradient.
   */
  chooseBackend?(probe: (() => Promise<ProbeResult>) | null): Promise<void>;
  /** The run moves to warm-up (untimed first steps) or to training proper. */
  onPhase?(phase: "warming-up" | "training"): void;
}

export type { CompletedOutcome, ExperimentOutcome, RunReport, StoppedOutcome } from "./outcome-types";

function parseSpec(plan: ModelPlan): ArchitectureSpec {
  const validation = validateSpec(plan.spec);
  if (!validation.ok) throw new Error(`model "${plan.id}": ${validation.error}`);
  return validation.spec;
}

function newRecord(plan: ModelPlan, spec: ArchitectureSpec, train: ArrayDataset): ModelRecord {
  const batchSize = plan.fit.kind === "gradient" ? plan.fit.training.batchSize : train.count;
  return {
    id: plan.id,
    label: plan.label,
    spec,
    fit: plan.fit.kind,
    params: deriveArchitecture(spec).total,
    tfjsParams: null,
    paramsVerified: false,
    epochs: [],
    stepLosses: [],
    stepsPerEpoch: Math.ceil(train.count / Math.min(batchSize, train.count)),
    stepsCounted: [],
    final: {},
    trainMs: 0,
    stopped: false,
  };
}

/** A linear `dense(1)` on `[p]` with no activation: the only spec least squares and the lasso can fit. */
function assertLinear(plan: ModelPlan, spec: ArchitectureSpec): number {
  const [layer, ...rest] = spec.layers;
  const features = spec.input.length === 1 ? spec.input[0] : undefined;
  const linear = layer?.type === "dense" && layer.units === 1 && (layer.activation ?? "linear") === "linear" && layer.useBias;
  if (!linear || rest.length > 0 || features === undefined) throw new Error(`model "${plan.id}": ${plan.fit.kind} needs a spec of one linear dense(1) layer on [p]`);
  return features;
}

/** Least squares, or the lasso with its cross-validated penalty: a linear model fitted without tfjs. */
function fitLinearModel(plan: ModelPlan, record: ModelRecord, data: PreparedData, now: () => number, random: SeededRandom): TrainedModel {
  const features = assertLinear(plan, record.spec);
  // No tfjs model is trained, but the count shown is still checked against one tfjs builds.
  record.tfjsParams = countWithTfjs(record.spec).total;
  record.paramsVerified = record.tfjsParams === record.params;
  const startedAt = now();
  const final: Record<string, number> = {};
  let fit: LeastSquaresFit;
  if (plan.fit.kind === "lasso") {
    const chosen = lassoByCrossValidation(data.train.x, data.train.y, features, random, { folds: plan.fit.folds });
    fit = chosen.fit;
    Object.assign(final, { lambda: chosen.lambda, nonZero: chosen.nonZero });
  } else {
    fit = fitLeastSquares(data.train.x, data.train.y, features);
  }
  record.trainMs = now() - startedAt;
  final.loss = meanSquaredError(data.train.y, predictLeastSquares(fit, data.train.x));
  if (data.validation) final.valLoss = meanSquaredError(data.validation.y, predictLeastSquares(fit, data.validation.x));
  for (const metric of plan.metrics ?? []) {
    const split = data[metric.on];
    if (split) final[metric.name] = metric.score(split, predictLeastSquares(fit, split.x));
  }
  record.final = final;
  return leastSquaresTrainedModel(fit, record);
}

/** Compiles shaders and allocates buffers for this architecture on a throwaway copy. */
async function warmUp(tf: Tf, spec: ArchitectureSpec, plan: ModelPlan, data: PreparedData): Promise<void> {
  if (plan.fit.kind !== "gradient") return;
  const rows = Math.min(plan.fit.training.batchSize, data.train.count);
  const model = buildTrainableModel(spec, { seed: 0 });
  const optimizer = createOptimizer(tf, plan.fit.training);
  try {
    model.compile({ optimizer, loss: plan.fit.training.loss });
    const perSample = data.train.x.length / data.train.count;
    const x = tf.tensor(data.train.x.subarray(0, rows * perSample), [rows, ...spec.input]);
    const y = tf.tensor2d(data.train.y.subarray(0, rows * data.train.yWidth), [rows, data.train.yWidth]);
    try {
      await model.trainOnBatch(x, y);
      const out = tf.tidy(() => {
        const result = model.predict(x);
        return Array.isArray(result) ? result[0] : result;
      });
      if (out) {
        await out.data();
        out.dispose();
      }
    } finally {
      tf.dispose([x, y]);
    }
  } finally {
    optimizer.dispose();
    model.dispose();
  }
}

export async function runExperiment<S extends BaseSettings, D extends PreparedData, E>(
  experiment: ExperimentDefinition<S, D, E>,
  settings: S,
  context: RunContext,
): Promise<ExperimentOutcome<S, E>> {
  const { tf, now } = context;
  const startedAt = now();
  const models: ModelRecord[] = [];
  const built: Sequential[] = [];
  const loaded = await context.datasets.load(experiment.datasets);
  const data = experiment.prepare(settings, loaded, createRandom(deriveSeed(settings.seed, "data")));
  const plans = experiment.models(settings);
  const specs = plans.map(parseSpec);
  const stopRequested = () => context.shouldStop?.() ?? false;
  if (context.chooseBackend) {
    // Every model is timed: the one with most parameters need not be the slowest per step.
    const targets = probeTargets(plans, specs, data.train.count);
    await context.chooseBackend(targets.length > 0 ? () => timeRunSteps(tf, targets, data.train, now, stopRequested) : null);
  }
  const backend = tf.getBackend();
  // Counted once the backend is chosen: before that, tf.memory() would start tfjs' default backend.
  const tensorsBefore = tf.memory().numTensors;
  const splits = createSplitTensors(tf, data);
  const timings = { warmupMs: 0, trainMs: 0, analyseMs: 0, totalMs: 0 };
  const freeAll = () => {
    splits.dispose();
    for (let model = built.pop(); model; model = built.pop()) model.dispose();
  };
  const report = (): RunReport => ({
    backend,
    timings: { ...timings, totalMs: now() - startedAt },
    memory: { tensorsBefore, tensorsAfter: tf.memory().numTensors },
  });

  try {
    if (context.warmUp ?? true) {
      context.onPhase?.("warming-up");
      const warmupStart = now();
      const seen = new Set<string>();
      for (const [index, plan] of plans.entries()) {
        const spec = specs[index] as ArchitectureSpec;
        const key = JSON.stringify(spec);
        if (seen.has(key) || stopRequested()) continue;
        seen.add(key);
        await warmUp(tf, spec, plan, data);
      }
      timings.warmupMs = now() - warmupStart;
    }
    context.onPhase?.("training");

    const gradientPlans = plans.filter((plan) => plan.fit.kind === "gradient");
    const totalSteps = gradientPlans.reduce((total, plan) => {
      if (plan.fit.kind !== "gradient") return total;
      return total + plan.fit.training.epochs * Math.ceil(data.train.count / Math.min(plan.fit.training.batchSize, data.train.count));
    }, 0);
    const clock = createProgressClock(totalSteps, now);
    const trained: TrainedModel[] = [];
    let stopped = false;
    const trainStart = now();
    for (const [index, plan] of plans.entries()) {
      if (stopped || stopRequested()) {
        stopped = true;
        break;
      }
      const spec = specs[index] as ArchitectureSpec;
      const record = newRecord(plan, spec, data.train);
      models.push(record);
      if (plan.fit.kind !== "gradient") {
        trained.push(fitLinearModel(plan, record, data, now, createRandom(deriveSeed(settings.seed, `folds:${plan.id}`))));
        continue;
      }
      const model = buildTrainableModel(spec, { seed: deriveSeed(settings.seed, `init:${plan.initKey ?? plan.id}`) });
      built.push(model);
      record.tfjsParams = model.countParams();
      record.paramsVerified = record.tfjsParams === record.params;
      clock.start();
      const outcome = await trainModel({
        tf,
        model,
        record,
        training: plan.fit.training,
        metrics: plan.metrics ?? [],
        splits,
        inputShape: spec.input,
        random: createRandom(deriveSeed(settings.seed, `shuffle:${plan.initKey ?? plan.id}`)),
        clock,
        modelIndex: gradientPlans.indexOf(plan),
        modelCount: gradientPlans.length,
        hooks: {
          now,
          onProgress: context.onProgress,
          shouldStop: context.shouldStop,
          yieldToEventLoop: context.yieldToEventLoop,
          yieldEveryMs: context.yieldEveryMs ?? 50,
          lossReportMs: context.lossReportMs ?? 200,
        },
      });
      stopped = outcome.stopped;
      trained.push(tfjsTrainedModel(tf, model, record));
    }
    timings.trainMs = now() - trainStart;

    if (stopped) {
      freeAll();
      return { experimentId: experiment.id, status: "stopped", settings, models, extras: null, ...report() };
    }

    const analyseStart = now();
    const extras = await experiment.analyse({
      settings,
      data,
      models: trained,
      random: createRandom(deriveSeed(settings.seed, "analyse")),
    });
    timings.analyseMs = now() - analyseStart;
    freeAll();
    const run: CompletedRun<S, E> = { experimentId: experiment.id, status: "completed", settings, backend, models, extras };
    const summary = { en: experiment.summarise(run, "en"), ko: experiment.summarise(run, "ko") };
    return { ...run, summary, ...report() };
  } finally {
    // On the normal paths this already ran (so `report()` saw the true count); after an error it frees what is left.
    freeAll();
  }
}

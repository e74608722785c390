/**
 * Trains one model by minibatch gradient descent, epoch by epoch. Each epoch draws a fresh
 * permutation from the run's seeded generator, puts the rows in that order (in JavaScript, see
 * `permuteRows`) and calls `fit({ epochs: 1, shuffle: false })`: tfjs' own shuffle uses
 * Math.random and would make runs unrepeatable. A callback counts steps, reads the minibatch loss
 * back only when asked (every step for `recordStepLoss`, otherwise a few times a second, so a GPU is
 * not stalled every step), reports progress, lets the host's event loop run, and sets
 * `stopTraining` when stop is pressed.
 */
import { permutation, type SeededRandom } from "../random/seeded-random";
import type { EpochMetric, EpochRecord, ModelRecord, TrainingConfig } from "./experiment-types";
import type { ProgressClock, ProgressListener } from "./progress";
import { permuteRows } from "./permute-rows";
import type { SplitTensorCache } from "./split-tensors";
import type { Optimizer, Sequential, Tensor, Tf } from "./tfjs-types";

export interface TrainHooks {
  now(): number;
  onProgress?: ProgressListener;
  shouldStop?(): boolean;
  yieldToEventLoop?(): Promise<void>;
  yieldEveryMs: number;
  lossReportMs: number;
}

export function createOptimizer(tf: Tf, training: Pick<TrainingConfig, "optimizer" | "learningRate">): Optimizer {
  switch (training.optimizer) {
    case "sgd":
      return tf.train.sgd(training.learningRate);
    case "adam":
      return tf.train.adam(training.learningRate);
    case "rmsprop":
      return tf.train.rmsprop(training.learningRate);
  }
}

/** Predictions of a model for a whole split, in inference mode, as a flat array. */
export async function predictAll(tf: Tf, model: Sequential, x: Tensor): Promise<Float32Array> {
  const output = tf.tidy(() => {
    const result = model.predict(x, { batchSize: 512 });
    return Array.isArray(result) ? (result[0] as Tensor) : result;
  });
  try {
    return new Float32Array(await output.data());
  } finally {
    output.dispose();
  }
}

export async function scoreMetrics(
  tf: Tf,
  model: Sequential,
  metrics: readonly EpochMetric[],
  splits: SplitTensorCache,
  inputShape: readonly number[],
): Promise<Record<string, number>> {
  const scores: Record<string, number> = {};
  const predictions = new Map<string, Float32Array>();
  for (const metric of metrics) {
    const split = splits.get(metric.on, inputShape);
    let predicted = predictions.get(metric.on);
    if (!predicted) {
      predicted = await predictAll(tf, model, split.x);
      predictions.set(metric.on, predicted);
    }
    scores[metric.name] = metric.score(split.data, predicted);
  }
  return scores;
}

function scalarLogValue(tf: Tf, logs: unknown, key: string): Tensor | number | null {
  const value = typeof logs === "object" && logs !== null ? (logs as Record<string, unknown>)[key] : undefined;
  if (typeof value === "number") return value;
  return value instanceof tf.Tensor ? value : null;
}

interface StepState {
  epoch: number;
  stepInEpoch: number;
  lastLoss: number | null;
  lastLossAt: number;
  lastYieldAt: number;
  stopped: boolean;
}

function createStepCallback(
  tf: Tf,
  model: Sequential,
  state: StepState,
  record: ModelRecord,
  report: (kind: "batch", loss: number | null) => void,
  hooks: TrainHooks,
  recordStepLoss: boolean,
) {
  class StepCallback extends tf.Callback {
    override async onBatchEnd(_batch: number, logs?: unknown): Promise<void> {
      state.stepInEpoch++;
      const now = hooks.now();
      if (recordStepLoss || now - state.lastLossAt >= hooks.lossReportMs) {
        const loss = scalarLogValue(tf, logs, "loss");
        const value = typeof loss === "number" ? loss : loss ? ((await loss.data())[0] ?? null) : null;
        if (value !== null) {
          state.lastLoss = value;
          state.lastLossAt = now;
          if (recordStepLoss) record.stepLosses.push(value);
        }
      }
      report("batch", state.lastLoss);
      if (hooks.yieldToEventLoop && now - state.lastYieldAt >= hooks.yieldEveryMs) {
        state.lastYieldAt = now;
        await hooks.yieldToEventLoop();
      }
      if (hooks.shouldStop?.()) {
        state.stopped = true;
        model.stopTraining = true;
      }
    }
  }
  return new StepCallback();
}

export interface TrainModelInput {
  tf: Tf;
  model: Sequential;
  record: ModelRecord;
  training: TrainingConfig;
  metrics: readonly EpochMetric[];
  splits: SplitTensorCache;
  inputShape: readonly number[];
  random: SeededRandom;
  clock: ProgressClock;
  modelIndex: number;
  modelCount: number;
  hooks: TrainHooks;
}

/** Trains in place and fills `record`; resolves with whether stop was pressed. */
export async function trainModel(input: TrainModelInput): Promise<{ stopped: boolean }> {
  const { tf, model, record, training, metrics, splits, inputShape, random, clock, hooks } = input;
  const optimizer = createOptimizer(tf, training);
  model.compile({ optimizer, loss: training.loss });
  const train = splits.data("train");
  const validation = training.validateOn ? splits.get(training.validateOn, inputShape) : null;
  const n = train.count;
  const state: StepState = { epoch: 0, stepInEpoch: 0, lastLoss: null, lastLossAt: -Infinity, lastYieldAt: hooks.now(), stopped: false };

  const report = (kind: "batch" | "epoch", loss: number | null, epochRecord?: EpochRecord) => {
    if (kind === "batch") clock.step();
    else clock.epochEnded();
    hooks.onProgress?.(state.epoch, state.stepInEpoch, {
      kind,
      modelId: record.id,
      modelIndex: input.modelIndex,
      modelCount: input.modelCount,
      epochs: training.epochs,
      stepsPerEpoch: record.stepsPerEpoch,
      loss,
      ...(epochRecord ? { record: epochRecord } : {}),
      ...clock.snapshot(),
    });
  };
  const callback = createStepCallback(tf, model, state, record, (kind, loss) => report(kind, loss), hooks, training.recordStepLoss ?? false);

  try {
    for (let epoch = 1; epoch <= training.epochs && !state.stopped; epoch++) {
      state.epoch = epoch;
      state.stepInEpoch = 0;
      // The epoch's time includes drawing and applying the permutation: that is the engine's cost.
      const startedAt = hooks.now();
      const shuffled = permuteRows(train, permutation(n, random));
      const xs = tf.tensor(shuffled.x, [n, ...inputShape]);
      const ys = tf.tensor2d(shuffled.y, [n, train.yWidth]);
      let history;
      try {
        history = await model.fit(xs, ys, {
          epochs: 1,
          batchSize: training.batchSize,
          shuffle: false,
          verbose: 0,
          callbacks: callback,
          ...(validation ? { validationData: [validation.x, validation.y] as [Tensor, Tensor] } : {}),
        });
      } finally {
        tf.dispose([xs, ys]);
      }
      const ms = hooks.now() - startedAt;
      record.stepsCounted.push(state.stepInEpoch);
      const loss = Number(history.history.loss?.[0] ?? NaN);
      const valLoss = history.history.val_loss?.[0];
      if (state.stopped && state.stepInEpoch < record.stepsPerEpoch) break; // a partial epoch is not an epoch
      const scoredAt = hooks.now();
      const scores = await scoreMetrics(tf, model, metrics, splits, inputShape);
      const epochRecord: EpochRecord = {
        epoch,
        loss,
        valLoss: valLoss === undefined ? null : Number(valLoss),
        metrics: scores,
        ms,
        evalMs: hooks.now() - scoredAt,
      };
      record.epochs.push(epochRecord);
      record.trainMs += ms;
      report("epoch", state.lastLoss ?? loss, epochRecord);
    }
  } finally {
    optimizer.dispose();
  }
  const last = record.epochs.at(-1);
  if (last) {
    record.final = { loss: last.loss, ...(last.valLoss === null ? {} : { valLoss: last.valLoss }), ...last.metrics };
  }
  record.stopped = state.stopped;
  return { stopped: state.stopped };
}

/**
 * What an experiment is: data. An id and titles, the concept it illustrates (linked from the
 * question engine's concept cards), the data sets it loads, a pure seeded `prepare` that turns
 * settings and data into arrays, one or more models as architecture specs (built by the model
 * core, so the parameter counts shown are the verified ones) each with its training configuration
 * and per-epoch measurements, an `analyse` step that reads the trained models (fitted curves,
 * confusion matrices, feature maps), and `summarise`, which phrases the outcome in words.
 * `runExperiment` does the rest; nothing here touches tensors directly.
 */
import type { ArchitectureSpec, ArchitectureSpecInput } from "@/lib/model-core";
import type { DatasetId } from "../datasets/dataset-files";
import type { LoadedDatasets } from "../datasets/dataset-source";
import type { SeededRandom } from "../random/seeded-random";
import type { Locale, Localized } from "./localized";
import type { SettingsDefinition } from "./settings";
import type { ExperimentId } from "../experiment-ids";

export { EXPERIMENT_IDS, type ExperimentId } from "../experiment-ids";

/** Every experiment's settings have these; each adds its own. */
export interface BaseSettings {
  seed: number;
}

/** Samples as flat rows: `x` is count × (values per sample), reshaped to each model's input shape. */
export interface ArrayDataset {
  x: Float32Array;
  y: Float32Array;
  count: number;
  /** Values per sample in `y`: 1 for a regression, 10 for one-hot digits. */
  yWidth: number;
  /** When `y` was standardised for training: y_original = y · sd + mean (metrics report original units). */
  yScale?: { mean: number; sd: number };
}

export interface PreparedData {
  train: ArrayDataset;
  /** Data held out from training, scored every epoch (tfjs `validationData`) when a model asks. */
  validation?: ArrayDataset;
  test?: ArrayDataset;
}

export type DataSplit = keyof PreparedData;
export type OptimizerName = "sgd" | "adam" | "rmsprop";
/** Mean squared error for regressions; cross-entropy for a softmax output over one-hot labels. */
export type LossName = "meanSquaredError" | "categoricalCrossentropy";

export interface TrainingConfig {
  optimizer: OptimizerName;
  learningRate: number;
  epochs: number;
  batchSize: number;
  loss: LossName;
  /** The split whose loss is reported as `valLoss` each epoch. */
  validateOn?: Exclude<DataSplit, "train">;
  /** Record every minibatch's loss (reads it back each step: for small data only). */
  recordStepLoss?: boolean;
}

/** A number computed each epoch from the model's predictions on one split (test accuracy, MAE, R²). */
export interface EpochMetric {
  name: string;
  on: DataSplit;
  score(data: ArrayDataset, predictions: Float32Array): number;
}

export type ModelFit =
  | { kind: "gradient"; training: TrainingConfig }
  /** Ordinary least squares in closed form: for a spec that is one linear `dense(1)` on `[p]`. */
  | { kind: "least-squares" }
  /**
   * The lasso on the same spec, its penalty chosen by `folds`-fold cross-validation (lib/sim/linear/lasso.ts);
   * the record's `final` holds the chosen `lambda` and `nonZero`, the coefficients it kept.
   */
  | { kind: "lasso"; folds: number };

export interface ModelPlan {
  id: string;
  label: Localized;
  spec: ArchitectureSpecInput;
  fit: ModelFit;
  metrics?: readonly EpochMetric[];
  /**
   * Models with the same key start from the same initial weights and see the minibatches in the
   * same order (when their shapes match), so a comparison changes one thing only. Defaults to `id`.
   */
  initKey?: string;
}

export interface EpochRecord {
  epoch: number;
  loss: number;
  valLoss: number | null;
  metrics: Record<string, number>;
  /** Time to shuffle and train this epoch (the minibatch steps, and tfjs' validation pass if any); warm-up excluded. */
  ms: number;
  /** Time to score the per-epoch metrics afterwards (one prediction pass per split they use). */
  evalMs: number;
}

export interface ModelRecord {
  id: string;
  label: Localized;
  spec: ArchitectureSpec;
  fit: ModelFit["kind"];
  /** Parameters by the closed form (`deriveArchitecture`). */
  params: number;
  /** Parameters tfjs counted on the model it built (for least squares, on a model built just to count). */
  tfjsParams: number | null;
  /** Closed form and tfjs agree. */
  paramsVerified: boolean;
  /** One record per epoch; empty for least squares and the lasso (fitted without epochs: see `final`). */
  epochs: EpochRecord[];
  /** Loss of every minibatch, in order, when the plan asked for it. */
  stepLosses: number[];
  /** ⌈n / batch⌉, and the steps tfjs actually took in each epoch. */
  stepsPerEpoch: number;
  stepsCounted: number[];
  /** Metrics after training (the last epoch's, or least squares' only ones). */
  final: Record<string, number>;
  trainMs: number;
  /** Training stopped early (stop pressed). */
  stopped: boolean;
}

/** Read access to a trained model for `analyse` (tensors are created and freed inside). */
export interface TrainedModel {
  record: ModelRecord;
  /** Predictions for `count` samples; `training: true` keeps dropout on (tfjs `training` kwarg). */
  predict(x: Float32Array, count: number, options?: { training?: boolean }): Promise<Float32Array>;
  /** The output of layer `index` (0-based, as in the spec) for `count` samples. */
  layerOutput(index: number, x: Float32Array, count: number): Promise<{ shape: number[]; values: Float32Array }>;
  /** The weights of layer `index`: kernel first, then bias (tfjs order). */
  layerWeights(index: number): Promise<{ shape: number[]; values: Float32Array }[]>;
}

export interface AnalysisInput<S, D extends PreparedData> {
  settings: S;
  data: D;
  models: TrainedModel[];
  random: SeededRandom;
}

export interface CompletedRun<S, E> {
  experimentId: ExperimentId;
  status: "completed";
  settings: S;
  backend: string;
  models: ModelRecord[];
  extras: E;
}

export interface ExperimentDefinition<S extends BaseSettings, D extends PreparedData, E> {
  id: ExperimentId;
  title: Localized;
  /** One sentence: what the student sees happen. */
  shows: Localized;
  /** Concept ids of the question engine's cards this experiment illustrates. */
  conceptIds: readonly string[];
  /** Where the book explains it: "ISLP (2023) §10.1". */
  islp: string;
  settings: SettingsDefinition<S>;
  datasets: readonly DatasetId[];
  prepare(settings: S, datasets: LoadedDatasets, random: SeededRandom): D;
  models(settings: S): ModelPlan[];
  analyse(input: AnalysisInput<S, D>): Promise<E>;
  summarise(run: CompletedRun<S, E>, locale: Locale): string;
}

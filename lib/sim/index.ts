/**
 * lib/sim for pages: the experiments (titles, settings with their ranges and URL parsing, model
 * previews with parameter counts), the worker's message protocol, the backend preference, the
 * shapes of results, and the pure helpers a page uses to draw them (the convolution cell for the
 * hover, number formatting). Loads no tfjs: training happens in `worker/sim-worker.ts`, started as
 *   new Worker(new URL("@/lib/sim/worker/sim-worker.ts", import.meta.url), { type: "module" })
 * Node code (tests, benchmarks) runs experiments directly with `engine/run-experiment`.
 */
export {
  EXPERIMENTS,
  experimentsForConcept,
  isExperimentId,
  parseExperimentSettings,
  previewModels,
  trainedLayerTypes,
  type ExperimentRegistry,
  type ExtrasOf,
  type ModelPreview,
  type SettingsOf,
} from "./experiments/registry";
export {
  EXPERIMENT_IDS,
  type CompletedRun,
  type EpochRecord,
  type ExperimentDefinition,
  type ExperimentId,
  type ModelPlan,
  type ModelRecord,
  type TrainingConfig,
} from "./engine/experiment-types";
export type { CompletedOutcome, ExperimentOutcome, RunReport, StoppedOutcome } from "./engine/outcome-types";
export type { ProgressMetrics } from "./engine/progress";
export type { ChoiceFieldMeta, FieldMeta, NumberFieldMeta, SettingsDefinition, SettingsError, SettingsParse } from "./engine/settings";
export { formatValue, type Locale, type Localized } from "./engine/localized";
export { BACKEND_PREFERENCE, UNTRAINABLE_LAYERS, isBackendName, isSoftwareRenderer, planBackends, type BackendName, type BackendPlan, type ChoiceReason } from "./backend/backend-choice";
export type { BackendAttempt, BackendReady } from "./backend/init-best-backend";
export { convolutionCell, EDGE_FILTERS, type ConvolutionCell, type Filter } from "./vision/convolution";
export type { Grid } from "./vision/image";
export { isSimRequest, isSimResponse } from "./worker/protocol";
export type {
  AnyOutcome,
  BackendMessage,
  ErrorMessage,
  MemoryMessage,
  OutcomeOf,
  PhaseMessage,
  ProgressMessage,
  RunPhase,
  ResultMessage,
  SimRequest,
  SimResponse,
  StartRequest,
  StopRequest,
} from "./worker/protocol";
export { DATASET_FILES, DATASETS_URL_PATH } from "./datasets/dataset-files";
export { SHAPE_CLASSES } from "./datasets/colour-shapes";

/**
 * All experiments by id, and what a page needs to show one before anything trains: titles,
 * settings (ranges, defaults, URL parsing), the models' specs and parameter counts, and which tfjs
 * layer types get trained (for the backend choice). Importing this loads no tfjs.
 */
import { deriveArchitecture, validateSpec, type ArchitectureSpec, type LayerType } from "@/lib/model-core";
import { layerTypesOf } from "../backend/backend-choice";
import type { SettingsParse } from "../engine/settings";
import { EXPERIMENT_IDS, type ExperimentDefinition, type ExperimentId, type ModelPlan, type PreparedData } from "../engine/experiment-types";
import type { Localized } from "../engine/localized";
import { activationExperiment } from "./activation";
import { cnnVsMlpExperiment } from "./cnn-vs-mlp";
import { convolutionExperiment } from "./convolution";
import { dropoutExperiment } from "./dropout";
import { hiddenUnitsExperiment } from "./hidden-units";
import { hittersExperiment } from "./hitters";
import { maxPoolingExperiment } from "./max-pooling";
import { minibatchSgdExperiment } from "./minibatch-sgd";
import { mnistMlpExperiment } from "./mnist-mlp";
import { overfittingExperiment } from "./overfitting";
import { rnnNyseExperiment } from "./rnn-nyse";
import { dlVsMethodsExperiment } from "./dl-vs-methods";
import { weightShapesExperiment } from "./weight-shapes";
import { cnnBlocksExperiment } from "./cnn-blocks";
import { lstmEmbeddingExperiment } from "./lstm-embedding";

export const EXPERIMENTS = {
  activation: activationExperiment,
  "hidden-units": hiddenUnitsExperiment,
  overfitting: overfittingExperiment,
  dropout: dropoutExperiment,
  hitters: hittersExperiment,
  "minibatch-sgd": minibatchSgdExperiment,
  "mnist-mlp": mnistMlpExperiment,
  convolution: convolutionExperiment,
  "max-pooling": maxPoolingExperiment,
  "cnn-vs-mlp": cnnVsMlpExperiment,
  "rnn-nyse": rnnNyseExperiment,
  "dl-vs-methods": dlVsMethodsExperiment,
  "weight-shapes": weightShapesExperiment,
  "cnn-blocks": cnnBlocksExperiment,
  "lstm-embedding": lstmEmbeddingExperiment,
} as const satisfies Record<ExperimentId, unknown>;

export type ExperimentRegistry = typeof EXPERIMENTS;
type DefinitionOf<K extends ExperimentId> = ExperimentRegistry[K];
/** The parsed settings of experiment K. */
export type SettingsOf<K extends ExperimentId> = DefinitionOf<K>["settings"]["defaults"];
/** What experiment K's `analyse` returns (charts' data). */
export type ExtrasOf<K extends ExperimentId> = Awaited<ReturnType<DefinitionOf<K>["analyse"]>>;

export function isExperimentId(value: unknown): value is ExperimentId {
  return typeof value === "string" && (EXPERIMENT_IDS as readonly string[]).includes(value);
}

/** Experiments that illustrate a concept card (for links from practice). */
export function experimentsForConcept(conceptId: string): ExperimentId[] {
  return EXPERIMENT_IDS.filter((id) => (EXPERIMENTS[id].conceptIds as readonly string[]).includes(conceptId));
}

/** Validates settings (URL parameters or an object) for experiment `id`. */
export function parseExperimentSettings<K extends ExperimentId>(
  id: K,
  input: URLSearchParams | Readonly<Record<string, unknown>>,
): SettingsParse<SettingsOf<K>> {
  return (EXPERIMENTS[id] as ExperimentDefinition<SettingsOf<K>, PreparedData, unknown>).settings.parse(input);
}

export interface ModelPreview {
  id: string;
  label: Localized;
  spec: ArchitectureSpec;
  /** Parameters by the closed form (the runner also counts them with tfjs and reports agreement). */
  params: number;
  fit: ModelPlan["fit"];
}

/** The models experiment `id` will train with these settings, with their parameter counts: no tfjs needed. */
export function previewModels<K extends ExperimentId>(id: K, settings: SettingsOf<K>): ModelPreview[] {
  const experiment = EXPERIMENTS[id] as ExperimentDefinition<SettingsOf<K>, PreparedData, unknown>;
  return experiment.models(settings).map((plan) => {
    const validation = validateSpec(plan.spec);
    if (!validation.ok) throw new Error(`${id}/${plan.id}: ${validation.error}`);
    return { id: plan.id, label: plan.label, spec: validation.spec, params: deriveArchitecture(validation.spec).total, fit: plan.fit };
  });
}

/** The layer types the run will train with tfjs (least-squares models train none). */
export function trainedLayerTypes<K extends ExperimentId>(id: K, settings: SettingsOf<K>): LayerType[] {
  const experiment = EXPERIMENTS[id] as ExperimentDefinition<SettingsOf<K>, PreparedData, unknown>;
  return layerTypesOf(experiment.models(settings).filter((plan) => plan.fit.kind === "gradient").map((plan) => plan.spec));
}

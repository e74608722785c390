/**
 * Runs an experiment named by id with settings from outside (a worker message, URL parameters):
 * the settings are validated by the experiment's schema first, and rejected with per-field
 * messages instead of being run. Imports the runner, hence the model core's tfjs half: for the
 * worker and Node, not for pages.
 */
import type { BaseSettings, ExperimentDefinition, ExperimentId, PreparedData } from "../engine/experiment-types";
import type { ExperimentOutcome } from "../engine/outcome-types";
import { runExperiment, type RunContext } from "../engine/run-experiment";
import type { SettingsError } from "../engine/settings";
import { EXPERIMENTS, type ExtrasOf, type SettingsOf } from "./registry";

/** Experiment K's outcome (distributes over a union of ids). */
export type OutcomeOf<K extends ExperimentId> = K extends ExperimentId ? ExperimentOutcome<SettingsOf<K>, ExtrasOf<K>> : never;
/** Any experiment's outcome; narrow on `experimentId`. */
export type AnyOutcome = OutcomeOf<ExperimentId>;

export type RunByIdResult<K extends ExperimentId> = { ok: true; outcome: OutcomeOf<K> } | { ok: false; errors: SettingsError[] };

async function validateAndRun<S extends BaseSettings, D extends PreparedData, E>(
  experiment: ExperimentDefinition<S, D, E>,
  rawSettings: URLSearchParams | Readonly<Record<string, unknown>>,
  context: RunContext,
): Promise<{ ok: true; outcome: ExperimentOutcome<S, E> } | { ok: false; errors: SettingsError[] }> {
  const parsed = experiment.settings.parse(rawSettings);
  if (!parsed.ok) return parsed;
  return { ok: true, outcome: await runExperiment(experiment, parsed.settings, context) };
}

type Runner<K extends ExperimentId> = (raw: URLSearchParams | Readonly<Record<string, unknown>>, context: RunContext) => Promise<RunByIdResult<K>>;

const RUNNERS: { [K in ExperimentId]: Runner<K> } = {
  activation: (raw, context) => validateAndRun(EXPERIMENTS.activation, raw, context),
  "hidden-units": (raw, context) => validateAndRun(EXPERIMENTS["hidden-units"], raw, context),
  overfitting: (raw, context) => validateAndRun(EXPERIMENTS.overfitting, raw, context),
  dropout: (raw, context) => validateAndRun(EXPERIMENTS.dropout, raw, context),
  hitters: (raw, context) => validateAndRun(EXPERIMENTS.hitters, raw, context),
  "minibatch-sgd": (raw, context) => validateAndRun(EXPERIMENTS["minibatch-sgd"], raw, context),
  "mnist-mlp": (raw, context) => validateAndRun(EXPERIMENTS["mnist-mlp"], raw, context),
  convolution: (raw, context) => validateAndRun(EXPERIMENTS.convolution, raw, context),
  "max-pooling": (raw, context) => validateAndRun(EXPERIMENTS["max-pooling"], raw, context),
  "cnn-vs-mlp": (raw, context) => validateAndRun(EXPERIMENTS["cnn-vs-mlp"], raw, context),
  "rnn-nyse": (raw, context) => validateAndRun(EXPERIMENTS["rnn-nyse"], raw, context),
  "dl-vs-methods": (raw, context) => validateAndRun(EXPERIMENTS["dl-vs-methods"], raw, context),
  "weight-shapes": (raw, context) => validateAndRun(EXPERIMENTS["weight-shapes"], raw, context),
  "cnn-blocks": (raw, context) => validateAndRun(EXPERIMENTS["cnn-blocks"], raw, context),
  "lstm-embedding": (raw, context) => validateAndRun(EXPERIMENTS["lstm-embedding"], raw, context),
};

export function runExperimentById<K extends ExperimentId>(
  id: K,
  rawSettings: URLSearchParams | Readonly<Record<string, unknown>>,
  context: RunContext,
): Promise<RunByIdResult<K>> {
  return (RUNNERS[id] as Runner<K>)(rawSettings, context);
}

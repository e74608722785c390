/** What `runExperiment` resolves with: a completed run (with extras and a summary) or a stopped one. */
import type { CompletedRun, ExperimentId, ModelRecord } from "./experiment-types";
import type { Localized } from "./localized";

/** Where and how long it ran, and the tensor count before and after (equal: nothing leaked). */
export interface RunReport {
  backend: string;
  timings: { warmupMs: number; trainMs: number; analyseMs: number; totalMs: number };
  memory: { tensorsBefore: number; tensorsAfter: number };
}

export type CompletedOutcome<S, E> = CompletedRun<S, E> & RunReport & { summary: Localized };
export interface StoppedOutcome<S> extends RunReport {
  experimentId: ExperimentId;
  status: "stopped";
  settings: S;
  models: ModelRecord[];
  extras: null;
}
export type ExperimentOutcome<S, E> = CompletedOutcome<S, E> | StoppedOutcome<S>;

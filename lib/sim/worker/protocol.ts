/**
 * The messages between a simulation page and `sim-worker.ts`. Types only (and two guards): a page
 * imports this without loading tfjs. One run at a time per worker; every message names its run.
 *
 *   page → worker   start {runId, experimentId, settings, backend?}   stop {runId}
 *   worker → page   phase(loading) → phase(choosing) → backend → phase(warming-up) → phase(training)
 *                   → progress* → result → memory                     (completed or stopped)
 *                   error → memory                                   (bad settings, failure)
 *   A GPU backend that fails mid-run is dropped: the run starts again on the next backend, whose
 *   `backend` message names the one that failed (`fallbackFrom`).
 *
 * `result.outcome.status` is "completed" (with `extras` and a `summary` in both languages) or
 * "stopped" (epochs so far, no extras). `memory` follows every run: tensors alive in the worker
 * against the count before the run (they are equal when nothing leaked).
 */
import type { BackendName, ChoiceReason } from "../backend/backend-choice";
import type { BackendAttempt } from "../backend/init-best-backend";
import type { ExperimentId } from "../engine/experiment-types";
import type { ProgressMetrics } from "../engine/progress";
import type { SettingsError } from "../engine/settings";
import type { AnyOutcome } from "../experiments/run-by-id";

export type { AnyOutcome, OutcomeOf } from "../experiments/run-by-id";
export type { BackendName, ChoiceReason } from "../backend/backend-choice";
export type { ProgressMetrics } from "../engine/progress";
export type { SettingsError } from "../engine/settings";

export interface StartRequest {
  type: "start";
  runId: number;
  experimentId: ExperimentId;
  /** Parsed settings or raw URL parameters: the worker validates them again. */
  settings: Readonly<Record<string, unknown>>;
  /** Try this backend first (when it can train the experiment's layers). */
  backend?: BackendName;
}

export interface StopRequest {
  type: "stop";
  runId: number;
}

export type SimRequest = StartRequest | StopRequest;

export interface BackendMessage {
  type: "backend";
  runId: number;
  backend: BackendName;
  /** What the browser says about the device (WebGL renderer, WebGPU adapter), or null. */
  device: string | null;
  /** Backends tried in order, with the reason each failed. */
  attempts: BackendAttempt[];
  /** Registered backends not tried because they cannot train this experiment's layers. */
  skipped: { backend: BackendName; reason: string }[];
  /** Why this backend: a real GPU, the page's choice, the only one left, or the fastest timed. */
  reason: ChoiceReason;
  /** Backends that started but were set aside without timing (a software renderer), and why. */
  setAside: { backend: BackendName; reason: ChoiceReason }[];
  /** Training steps timed on each candidate (empty when no timing was needed). */
  probes: { backend: BackendName; msPerStep: number; firstStepMs: number; steps: number }[];
  /** A backend that failed in the middle of this run, which then started again on this one. */
  fallbackFrom?: { backend: BackendName; error: string };
}

/** What the worker is doing before the first training step (each can take seconds). */
export type RunPhase = "loading" | "choosing" | "warming-up" | "training";

export interface PhaseMessage {
  type: "phase";
  runId: number;
  phase: RunPhase;
}

export interface ProgressMessage {
  type: "progress";
  runId: number;
  /** 1-based epoch and step within it. */
  epoch: number;
  step: number;
  metrics: ProgressMetrics;
}

export interface ResultMessage {
  type: "result";
  runId: number;
  outcome: AnyOutcome;
}

export interface ErrorMessage {
  type: "error";
  runId: number;
  message: string;
  /** Present when the settings were rejected: one entry per bad field. */
  settingsErrors?: SettingsError[];
}

export interface MemoryMessage {
  type: "memory";
  runId: number;
  /** tf.memory() after the run, and the tensor count before it. */
  numTensors: number;
  numBytes: number;
  tensorsBefore: number;
}

export type SimResponse = PhaseMessage | BackendMessage | ProgressMessage | ResultMessage | ErrorMessage | MemoryMessage;

export function isSimRequest(value: unknown): value is SimRequest {
  if (typeof value !== "object" || value === null) return false;
  const message = value as Partial<SimRequest>;
  if (typeof message.runId !== "number") return false;
  if (message.type === "stop") return true;
  return message.type === "start" && typeof message.experimentId === "string" && typeof message.settings === "object" && message.settings !== null;
}

export function isSimResponse(value: unknown): value is SimResponse {
  if (typeof value !== "object" || value === null) return false;
  const { type, runId } = value as { type?: unknown; runId?: unknown };
  return typeof runId === "number" && (type === "phase" || type === "backend" || type === "progress" || type === "result" || type === "error" || type === "memory");
}

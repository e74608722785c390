"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import {
  isSimResponse,
  type AnyOutcome,
  type BackendMessage,
  type BackendName,
  type EpochRecord,
  type ExperimentId,
  type MemoryMessage,
  type ProgressMessage,
  type RunPhase,
  type SettingsError,
  type SimRequest,
  type SimResponse,
} from "@/lib/sim";

export type RunStatus = "idle" | "starting" | "running" | "stopping" | "completed" | "stopped" | "failed";

export interface StepLoss {
  /** Where in training, in epochs: (epoch − 1) + step / stepsPerEpoch (so batch sizes line up). */
  epochs: number;
  loss: number;
}

export interface SimulationState {
  status: RunStatus;
  runId: number;
  /** The settings the run was started with (raw, as sent). */
  startedWith: Readonly<Record<string, unknown>> | null;
  /** What the worker is doing before training proper (loading, choosing a backend, warming up). */
  phase: RunPhase | null;
  backend: BackendMessage | null;
  progress: ProgressMessage | null;
  /** Per model, its epochs as they finish (live). */
  epochs: Record<string, EpochRecord[]>;
  /** Per model, minibatch losses as they are read back (thinned when long). */
  stepLosses: Record<string, StepLoss[]>;
  outcome: AnyOutcome | null;
  memory: MemoryMessage | null;
  error: { message: string; settingsErrors?: SettingsError[] } | null;
  /** Stop could not wait for the worker (it was compiling, or slow to answer): it was ended, its memory with it. */
  workerEnded: boolean;
}

const INITIAL: SimulationState = {
  status: "idle",
  runId: 0,
  startedWith: null,
  phase: null,
  backend: null,
  progress: null,
  epochs: {},
  stepLosses: {},
  outcome: null,
  memory: null,
  error: null,
  workerEnded: false,
};

/**
 * Stop must take effect within a second. Between training steps the worker answers in
 * milliseconds; while it compiles kernels or times backends it cannot look at its messages, so a
 * stop before training ends the worker at once, and one during training ends it if no answer came
 * within this grace period.
 */
export const STOP_GRACE_MS = 600;

/** Progress arrives every minibatch; the page redraws at most this often (charts are not free). */
const REDRAW_MS = 250;
/** Step-loss series longer than this are thinned to every other point. */
const MAX_STEP_POINTS = 1500;

function applyMessage(state: SimulationState, message: SimResponse): SimulationState {
  switch (message.type) {
    case "phase":
      return { ...state, phase: message.phase };
    case "backend":
      return { ...state, status: state.status === "stopping" ? "stopping" : "running", backend: message };
    case "progress": {
      const { metrics } = message;
      let { epochs, stepLosses } = state;
      if (metrics.kind === "epoch" && metrics.record) {
        epochs = { ...epochs, [metrics.modelId]: [...(epochs[metrics.modelId] ?? []), metrics.record] };
      } else if (metrics.loss !== null) {
        const series = stepLosses[metrics.modelId] ?? [];
        // Losses are read back every step for some experiments, a few times a second for others: keep new readings.
        if (series.at(-1)?.loss !== metrics.loss) {
          let next = [...series, { epochs: message.epoch - 1 + message.step / metrics.stepsPerEpoch, loss: metrics.loss }];
          if (next.length > MAX_STEP_POINTS) next = next.filter((_, i) => i % 2 === 0 || i === next.length - 1);
          stepLosses = { ...stepLosses, [metrics.modelId]: next };
        }
      }
      return { ...state, progress: message, epochs, stepLosses };
    }
    case "result":
      return { ...state, status: message.outcome.status === "completed" ? "completed" : "stopped", outcome: message.outcome };
    case "error":
      return { ...state, status: "failed", error: { message: message.message, settingsErrors: message.settingsErrors } };
    case "memory":
      return { ...state, memory: message };
  }
}

/**
 * One simulation worker per page, started on the first run and ended when the page goes. Runs are
 * numbered: messages of a run that was reset away are ignored. Progress is gathered as it comes and
 * drawn a few times a second, so the main thread stays free while the worker trains.
 */
export function useSimulation(experimentId: ExperimentId) {
  const [state, setState] = useState<SimulationState>(INITIAL);
  const live = useRef<SimulationState>(INITIAL);
  const worker = useRef<Worker | null>(null);
  const redraw = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stopTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const nextRunId = useRef(0);

  const flush = useCallback(() => {
    if (redraw.current !== null) clearTimeout(redraw.current);
    redraw.current = null;
    setState(live.current);
  }, []);

  const update = useCallback(
    (next: SimulationState, urgent: boolean) => {
      live.current = next;
      if (urgent) flush();
      else redraw.current ??= setTimeout(flush, REDRAW_MS);
    },
    [flush],
  );

  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
      if (redraw.current !== null) clearTimeout(redraw.current);
      if (stopTimer.current !== null) clearTimeout(stopTimer.current);
    },
    [],
  );

  /** Ends the worker (and with it every tensor it held); the next run starts a fresh one. */
  const endWorker = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
    if (stopTimer.current !== null) clearTimeout(stopTimer.current);
    stopTimer.current = null;
  }, []);

  const ensureWorker = useCallback((): Worker => {
    if (worker.current) return worker.current;
    // A module worker; tfjs is imported inside it on the first start, never by this page's bundle.
    const created = new Worker(new URL("../../../lib/sim/worker/sim-worker.ts", import.meta.url), { type: "module", name: "deepdrill-sim" });
    created.addEventListener("message", (event: MessageEvent<unknown>) => {
      const message = event.data;
      if (!isSimResponse(message) || message.runId !== live.current.runId) return;
      const urgent = message.type !== "progress";
      if (message.type === "result" && stopTimer.current !== null) {
        clearTimeout(stopTimer.current);
        stopTimer.current = null;
      }
      update(applyMessage(live.current, message), urgent);
    });
    created.addEventListener("error", (event) => {
      event.preventDefault();
      worker.current?.terminate();
      worker.current = null;
      const current = live.current;
      if (current.status === "starting" || current.status === "running" || current.status === "stopping") {
        update({ ...current, status: "failed", error: { message: event.message || "the simulation worker could not start" } }, true);
      }
    });
    worker.current = created;
    return created;
  }, [update]);

  const post = (request: SimRequest) => ensureWorker().postMessage(request);

  const start = (settings: Readonly<Record<string, unknown>>, backend?: BackendName) => {
    const runId = ++nextRunId.current;
    update({ ...INITIAL, status: "starting", runId, startedWith: settings }, true);
    try {
      post({ type: "start", runId, experimentId, settings, ...(backend ? { backend } : {}) });
    } catch (error) {
      update({ ...live.current, status: "failed", error: { message: error instanceof Error ? error.message : String(error) } }, true);
    }
  };

  const stop = () => {
    const current = live.current;
    if (current.status !== "starting" && current.status !== "running") return;
    if (current.phase !== "training") {
      endWorker();
      update({ ...current, status: "stopped", workerEnded: true }, true);
      return;
    }
    update({ ...current, status: "stopping" }, true);
    worker.current?.postMessage({ type: "stop", runId: current.runId } satisfies SimRequest);
    stopTimer.current = setTimeout(() => {
      stopTimer.current = null;
      const now = live.current;
      if (now.runId !== current.runId || now.status !== "stopping") return;
      endWorker();
      update({ ...now, status: "stopped", workerEnded: true }, true);
    }, STOP_GRACE_MS);
  };

  /** Stops a run in progress and clears everything it showed. */
  const reset = () => {
    const current = live.current;
    if (current.status === "starting" || current.status === "running" || current.status === "stopping") {
      if (current.phase === "training") worker.current?.postMessage({ type: "stop", runId: current.runId } satisfies SimRequest);
      else endWorker();
    }
    // A fresh run id: late messages of the old run no longer match and are dropped.
    update({ ...INITIAL, runId: ++nextRunId.current }, true);
  };

  return { state, start, stop, reset };
}

export function isBusy(status: RunStatus): boolean {
  return status === "starting" || status === "running" || status === "stopping";
}

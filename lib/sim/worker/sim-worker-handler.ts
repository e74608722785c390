/**
 * The worker's logic without the worker: takes requests, posts responses. `sim-worker.ts` wires it
 * to `self` with the browser's tfjs; the tests wire it to Node's. Runs are serialised: a new
 * `start` stops the run in progress and begins when it has settled (so "reset" is just start).
 */
import { BACKEND_PREFERENCE, isBackendName, planBackends, type BackendName } from "../backend/backend-choice";
import { initBestBackend } from "../backend/init-best-backend";
import type { DatasetCache } from "../datasets/dataset-source";
import type { Tf } from "../engine/tfjs-types";
import type { ExperimentId } from "../engine/experiment-types";
import { isExperimentId, parseExperimentSettings, trainedLayerTypes } from "../experiments/registry";
import type { runExperimentById } from "../experiments/run-by-id";
import type { SimRequest, SimResponse, StartRequest } from "./protocol";

/** What the worker loads on its first start (dynamically: this is where tfjs comes in). */
export interface SimRuntime {
  tf: Tf;
  datasets: DatasetCache;
  runExperimentById: typeof runExperimentById;
}

export interface SimWorkerOptions {
  post(message: SimResponse): void;
  /** Loads tfjs, registers backends: once, on the first start. */
  loadRuntime(): Promise<SimRuntime>;
  now(): number;
  yieldToEventLoop(): Promise<void>;
}

export function createSimWorkerHandler({ post, loadRuntime, now, yieldToEventLoop }: SimWorkerOptions) {
  let runtime: Promise<SimRuntime> | null = null;
  let queue: Promise<void> = Promise.resolve();
  let active: { runId: number; stopRequested: boolean } | null = null;
  const devices = new Map<BackendName, string | null>();

  const chooseBackend = async (tf: Tf, request: StartRequest & { experimentId: ExperimentId }) => {
    const parsed = parseExperimentSettings(request.experimentId, request.settings);
    // Bad settings are reported by the run itself; the backend is still chosen so the page learns it.
    const layerTypes = parsed.ok ? trainedLayerTypes(request.experimentId, parsed.settings) : [];
    const available = BACKEND_PREFERENCE.filter((name) => Boolean(tf.findBackendFactory(name)));
    const preferred = request.backend && isBackendName(request.backend) ? request.backend : undefined;
    const plan = planBackends({ available, layerTypes, preferred });
    const current = tf.getBackend();
    if (isBackendName(current) && current === plan.order[0] && devices.has(current)) {
      return { backend: current, device: devices.get(current) ?? null, attempts: [], skipped: plan.skipped };
    }
    const ready = await initBestBackend(tf, plan.order);
    devices.set(ready.backend, ready.device);
    return { ...ready, skipped: plan.skipped };
  };

  const run = async (request: StartRequest) => {
    const { runId } = request;
    const control = { runId, stopRequested: false };
    active = control;
    let tf: Tf | null = null;
    let tensorsBefore = 0;
    try {
      const experimentId = request.experimentId;
      if (!isExperimentId(experimentId)) throw new Error(`unknown experiment "${String(experimentId)}"`);
      if (!runtime) {
        runtime = loadRuntime();
        // A failed load (a wasm file missing, say) is retried by the next start.
        runtime.catch(() => (runtime = null));
      }
      const loaded = await runtime;
      tf = loaded.tf;
      const backend = await chooseBackend(tf, { ...request, experimentId });
      post({ type: "backend", runId, ...backend });
      tensorsBefore = tf.memory().numTensors;
      const result = await loaded.runExperimentById(experimentId, request.settings, {
        tf,
        datasets: loaded.datasets,
        now,
        yieldToEventLoop,
        shouldStop: () => control.stopRequested,
        onProgress: (epoch, step, metrics) => post({ type: "progress", runId, epoch, step, metrics }),
      });
      if (result.ok) post({ type: "result", runId, outcome: result.outcome });
      else post({ type: "error", runId, message: result.errors.map((e) => e.message.en).join("; "), settingsErrors: result.errors });
    } catch (error) {
      post({ type: "error", runId, message: error instanceof Error ? error.message : String(error) });
    } finally {
      if (tf) {
        const memory = tf.memory();
        post({ type: "memory", runId, numTensors: memory.numTensors, numBytes: memory.numBytes, tensorsBefore });
      }
      if (active === control) active = null;
    }
  };

  return {
    handle(request: SimRequest): Promise<void> {
      if (request.type === "stop") {
        if (active?.runId === request.runId) active.stopRequested = true;
        return queue;
      }
      if (active) active.stopRequested = true;
      queue = queue.then(() => run(request));
      return queue;
    },
  };
}

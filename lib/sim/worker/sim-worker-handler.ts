/**
 * The worker's logic without the worker: takes requests, posts responses. `sim-worker.ts` wires it
 * to `self` with the browser's tfjs; the tests wire it to Node's. Runs are serialised: a new
 * `start` stops the run in progress and begins when it has settled (so "reset" is just start).
 *
 * The backend (see docs/architecture.md, "Simulations"): the page's choice when it made one;
 * otherwise every backend that can train the run's layers is started and asked what it runs on
 * (`screenBackends`), and where that is not conclusive the candidates are timed on the run's own
 * first minibatch and the fastest kept. The decision is remembered per experiment and settings.
 * A backend that fails mid-run (a lost WebGPU device, say) is dropped and the run starts again on
 * the next one.
 */
import {
  BACKEND_PREFERENCE,
  fastestProbe,
  isBackendName,
  isSoftwareRenderer,
  planBackends,
  screenBackends,
  type BackendName,
} from "../backend/backend-choice";
import { initBestBackend, startCandidates } from "../backend/init-best-backend";
import type { DatasetCache } from "../datasets/dataset-source";
import type { ProbeResult } from "../engine/backend-probe";
import type { Tf } from "../engine/tfjs-types";
import type { ExperimentId } from "../engine/experiment-types";
import { isExperimentId, parseExperimentSettings, trainedLayerTypes } from "../experiments/registry";
import type { runExperimentById } from "../experiments/run-by-id";
import type { BackendMessage, SimRequest, SimResponse, StartRequest } from "./protocol";

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

type Choice = Omit<BackendMessage, "type" | "runId">;

/** Times each candidate backend is timed, in turn (see `chooseBackend`). */
const PROBE_PASSES = 2;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createSimWorkerHandler({ post, loadRuntime, now, yieldToEventLoop }: SimWorkerOptions) {
  let runtime: Promise<SimRuntime> | null = null;
  let queue: Promise<void> = Promise.resolve();
  let active: { runId: number; stopRequested: boolean } | null = null;
  /** Automatic decisions already made, by experiment and settings: the same run need not be timed twice. */
  const decisions = new Map<string, Choice>();

  const chooseBackend = async (
    tf: Tf,
    request: StartRequest & { experimentId: ExperimentId },
    excluded: ReadonlySet<BackendName>,
    probe: (() => Promise<ProbeResult>) | null,
  ): Promise<Choice> => {
    const parsed = parseExperimentSettings(request.experimentId, request.settings);
    const layerTypes = parsed.ok ? trainedLayerTypes(request.experimentId, parsed.settings) : [];
    const available = BACKEND_PREFERENCE.filter((name) => Boolean(tf.findBackendFactory(name)) && !excluded.has(name));
    const preferred = request.backend && isBackendName(request.backend) ? request.backend : undefined;
    const plan = planBackends({ available, layerTypes, preferred });
    if (preferred && plan.order[0] === preferred) {
      const ready = await initBestBackend(tf, plan.order);
      return { backend: ready.backend, device: ready.device, attempts: ready.attempts, skipped: plan.skipped, reason: { kind: "preferred" }, setAside: [], probes: [] };
    }
    const key = `${request.experimentId}|${JSON.stringify(parsed.ok ? parsed.settings : request.settings)}|${[...excluded].join(",")}`;
    const known = decisions.get(key);
    if (known && (await tf.setBackend(known.backend))) return { ...known, attempts: [] };

    const { started, attempts } = await startCandidates(tf, plan.order, isSoftwareRenderer);
    const screening = screenBackends(started);
    const deviceOf = (backend: BackendName) => started.find((s) => s.backend === backend)?.device ?? null;
    let choice: Choice;
    if (screening.chosen) {
      choice = { backend: screening.chosen, device: deviceOf(screening.chosen), attempts, skipped: plan.skipped, reason: screening.reason ?? { kind: "only-candidate" }, setAside: screening.setAside, probes: [] };
    } else {
      // Interleaved passes (wasm, cpu, wasm, cpu), each backend's faster pass kept: a burst of load
      // on a shared machine, or WebAssembly still being optimised in the background on the first
      // pass, then slows one pass and not the ranking.
      const timed = new Map<BackendName, ProbeResult>();
      for (let pass = 0; pass < PROBE_PASSES; pass++) {
        for (const backend of probe ? screening.probe : []) {
          if (active?.stopRequested) break;
          await tf.setBackend(backend);
          const result = await (probe as () => Promise<ProbeResult>)();
          const known = timed.get(backend);
          if (!known || result.msPerStep < known.msPerStep) timed.set(backend, { ...result, firstStepMs: known?.firstStepMs ?? result.firstStepMs, steps: (known?.steps ?? 0) + result.steps });
          else timed.set(backend, { ...known, steps: known.steps + result.steps });
        }
      }
      const probes: Choice["probes"] = screening.probe.flatMap((backend) => {
        const result = timed.get(backend);
        return result ? [{ backend, ...result }] : [];
      });
      const fastest = fastestProbe(probes);
      const backend = fastest?.backend ?? (screening.probe[0] as BackendName);
      choice = {
        backend,
        device: deviceOf(backend),
        attempts,
        skipped: plan.skipped,
        reason: fastest ? { kind: "probe", msPerStep: fastest.msPerStep } : { kind: "only-candidate" },
        setAside: screening.setAside,
        probes,
      };
    }
    await tf.setBackend(choice.backend);
    if (!active?.stopRequested && parsed.ok) decisions.set(key, choice);
    return choice;
  };

  const run = async (request: StartRequest) => {
    const { runId } = request;
    const control = { runId, stopRequested: false };
    active = control;
    let tf: Tf | null = null;
    let tensorsBefore: number | null = null;
    try {
      const experimentId = request.experimentId;
      if (!isExperimentId(experimentId)) throw new Error(`unknown experiment "${String(experimentId)}"`);
      post({ type: "phase", runId, phase: "loading" });
      if (!runtime) {
        runtime = loadRuntime();
        // A failed load (a wasm file missing, say) is retried by the next start.
        runtime.catch(() => (runtime = null));
      }
      const loaded = await runtime;
      tf = loaded.tf;
      const typed = { ...request, experimentId };
      const excluded = new Set<BackendName>();
      let fallbackFrom: BackendMessage["fallbackFrom"];
      for (;;) {
        let chosen = false;
        const announce = async (probe: (() => Promise<ProbeResult>) | null) => {
          post({ type: "phase", runId, phase: "choosing" });
          const choice = await chooseBackend(loaded.tf, typed, excluded, probe);
          chosen = true;
          // Counted once a backend is current (before that tf.memory() would start tfjs' default one).
          tensorsBefore ??= loaded.tf.memory().numTensors;
          post({ type: "backend", runId, ...choice, ...(fallbackFrom ? { fallbackFrom } : {}) });
        };
        // A scope around the attempt: a run that dies inside tfjs' fit leaves its batch tensors
        // behind, and ending the scope frees them (the outcome holds plain arrays, no tensors).
        tf.engine().startScope();
        try {
          const result = await loaded.runExperimentById(experimentId, request.settings, {
            tf,
            datasets: loaded.datasets,
            now,
            yieldToEventLoop,
            shouldStop: () => control.stopRequested,
            chooseBackend: announce,
            onPhase: (phase) => post({ type: "phase", runId, phase }),
            onProgress: (epoch, step, metrics) => post({ type: "progress", runId, epoch, step, metrics }),
          });
          if (result.ok) post({ type: "result", runId, outcome: result.outcome });
          else post({ type: "error", runId, message: result.errors.map((e) => e.message.en).join("; "), settingsErrors: result.errors });
          break;
        } catch (error) {
          // A backend that started and then failed mid-run (a GPU device lost, a kernel missing):
          // drop it and run again on the next one, unless the student asked to stop or it was the last.
          const failed = tf.getBackend();
          if (!chosen || control.stopRequested || !isBackendName(failed) || failed === "cpu") throw error;
          excluded.add(failed);
          fallbackFrom = { backend: failed, error: errorText(error) };
        } finally {
          tf.engine().endScope();
        }
      }
    } catch (error) {
      post({ type: "error", runId, message: errorText(error) });
    } finally {
      // No backend was ever started (bad settings on the first run): there is no memory to report.
      if (tf && tf.getBackend()) {
        const memory = tf.memory();
        post({ type: "memory", runId, numTensors: memory.numTensors, numBytes: memory.numBytes, tensorsBefore: tensorsBefore ?? memory.numTensors });
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

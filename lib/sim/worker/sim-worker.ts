/**
 * The simulation Web Worker (a module worker). A client component starts it with
 *   new Worker(new URL("@/lib/sim/worker/sim-worker.ts", import.meta.url), { type: "module" })
 * and talks to it in the messages of `./protocol`. tfjs and its backends are imported dynamically
 * on the first `start`, so the worker comes up at once and the page's own bundle never holds tfjs.
 * The wasm backend fetches its .wasm files from /tfjs-wasm/ (copied there by the build); the WebGPU
 * backend is loaded only when the browser has `navigator.gpu`. Timing uses `performance.now()`:
 * the one clock in lib/sim, passed into the pure engine from here.
 */
import { DATASETS_URL_PATH } from "../datasets/dataset-files";
import { isSimRequest } from "./protocol";
import type { SimResponse } from "./protocol";
import { createSimWorkerHandler, type SimRuntime } from "./sim-worker-handler";

/**
 * Lets the worker read a pending `stop` between batches. A MessageChannel round trip, not
 * `setTimeout(0)`: browsers clamp back-to-back timers to ≥ 4 ms, which cost ~10% of an MNIST epoch
 * on WASM (bench/sim-overhead.ts).
 */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Where `deepdrill build` copies @tensorflow/tfjs-backend-wasm's .wasm files. */
const WASM_PATH = "/tfjs-wasm/";

interface WorkerScope {
  postMessage(message: SimResponse): void;
  addEventListener(type: "message", listener: (event: MessageEvent<unknown>) => void): void;
  location: { origin: string };
}

const scope = globalThis as unknown as WorkerScope;

async function loadBrowserRuntime(): Promise<SimRuntime> {
  const tf = await import("@tensorflow/tfjs");
  const wasm = await import("@tensorflow/tfjs-backend-wasm");
  wasm.setWasmPaths(WASM_PATH);
  if (typeof navigator !== "undefined" && "gpu" in navigator) {
    // Registers the "webgpu" backend; a failure here just leaves WebGL first in line.
    await import("@tensorflow/tfjs-backend-webgpu").catch(() => undefined);
  }
  const [{ installFastCpuTrainingKernels }, { createDatasetCache, fetchDatasetSource }, { runExperimentById }] = await Promise.all([
    import("../backend/cpu-training-kernels"),
    import("../datasets/dataset-source"),
    import("../experiments/run-by-id"),
  ]);
  installFastCpuTrainingKernels(tf);
  tf.enableProdMode();
  const datasets = createDatasetCache(fetchDatasetSource(new URL(DATASETS_URL_PATH, scope.location.origin).href));
  return { tf, datasets, runExperimentById };
}

const handler = createSimWorkerHandler({
  post: (message) => scope.postMessage(message),
  loadRuntime: loadBrowserRuntime,
  now: () => performance.now(),
  // A macrotask, so "stop" messages queued behind training get delivered.
  yieldToEventLoop,
});

scope.addEventListener("message", (event) => {
  if (isSimRequest(event.data)) void handler.handle(event.data);
});

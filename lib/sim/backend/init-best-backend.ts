/**
 * Starting the best backend in the browser (the worker calls this): tries each backend of the plan
 * in order, falls back when one fails to initialise or to run a first operation, and says which
 * one runs on what device where the browser tells (WebGL's unmasked renderer, WebGPU's adapter
 * info). Takes the tfjs module as an argument, so importing this file loads no tfjs.
 */
import type * as TF from "@tensorflow/tfjs";
import type { BackendName } from "./backend-choice";

export interface BackendAttempt {
  backend: BackendName;
  ok: boolean;
  error?: string;
}

export interface BackendReady {
  backend: BackendName;
  /** "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device …))", "apple m2", "WebAssembly (SIMD)"…; null when unknown. */
  device: string | null;
  attempts: BackendAttempt[];
}

type Tf = typeof TF;

function property(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null && key in value ? (value as Record<string, unknown>)[key] : undefined;
}

/** The WebGL renderer string through WEBGL_debug_renderer_info, when the browser exposes it. */
function webglDevice(tf: Tf): string | null {
  const gl = property(property(tf.backend(), "gpgpu"), "gl");
  if (typeof WebGL2RenderingContext !== "undefined" && gl instanceof WebGL2RenderingContext) {
    const info = gl.getExtension("WEBGL_debug_renderer_info");
    const renderer: unknown = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
    return typeof renderer === "string" ? renderer : null;
  }
  return null;
}

/**
 * WebGPU adapter info (vendor, architecture, device, description), from the backend or the
 * navigator, with "(fallback adapter)" appended when the browser says the adapter is its software
 * fallback (`GPUAdapter.isFallbackAdapter`, or `info.isFallbackAdapter` in newer browsers).
 */
async function webgpuDevice(tf: Tf): Promise<string | null> {
  const describe = (info: unknown) => {
    const parts = ["vendor", "architecture", "device", "description"]
      .map((key) => property(info, key))
      .filter((part): part is string => typeof part === "string" && part !== "");
    return parts.length > 0 ? [...new Set(parts)].join(" ") : null;
  };
  let described = describe(property(tf.backend(), "adapterInfo"));
  let fallback = false;
  const gpu = typeof navigator === "undefined" ? undefined : property(navigator, "gpu");
  const requestAdapter = property(gpu, "requestAdapter");
  if (typeof requestAdapter === "function") {
    try {
      const adapter: unknown = await requestAdapter.call(gpu);
      described ??= describe(property(adapter, "info"));
      fallback = property(adapter, "isFallbackAdapter") === true || property(property(adapter, "info"), "isFallbackAdapter") === true;
    } catch {
      // no second adapter: what the backend said stands
    }
  }
  if (fallback) return `${described ?? "WebGPU"} (fallback adapter)`;
  return described;
}

async function deviceOf(tf: Tf, backend: BackendName): Promise<string | null> {
  switch (backend) {
    case "webgl":
      return webglDevice(tf);
    case "webgpu":
      return webgpuDevice(tf);
    case "wasm": {
      const simd = await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT").catch(() => false);
      const threads = await tf.env().getAsync("WASM_HAS_MULTITHREAD_SUPPORT").catch(() => false);
      return `WebAssembly${simd ? " SIMD" : ""}${threads ? " multithreaded" : ""}`;
    }
    case "cpu":
      return "JavaScript (main CPU)";
  }
}

/** Runs an op and reads it back: some backends initialise fine and fail on first use. */
async function smokeTest(tf: Tf): Promise<void> {
  const probe = tf.tidy(() => tf.matMul(tf.ones([2, 2]), tf.ones([2, 2])).sum());
  const [value] = await probe.data();
  probe.dispose();
  if (value !== 8) throw new Error(`first operation returned ${value}, expected 8`);
}

async function start(tf: Tf, backend: BackendName): Promise<void> {
  const ok = await tf.setBackend(backend);
  if (!ok) throw new Error("tfjs could not initialise it");
  await tf.ready();
  await smokeTest(tf);
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const noBackendStarted = (attempts: readonly BackendAttempt[]) => new Error(`no backend could start: ${attempts.map((a) => `${a.backend}: ${a.error ?? "failed"}`).join("; ")}`);

export async function initBestBackend(tf: Tf, order: readonly BackendName[]): Promise<BackendReady> {
  const attempts: BackendAttempt[] = [];
  for (const backend of order) {
    try {
      await start(tf, backend);
      attempts.push({ backend, ok: true });
      return { backend, device: await deviceOf(tf, backend), attempts };
    } catch (error) {
      attempts.push({ backend, ok: false, error: message(error) });
    }
  }
  throw noBackendStarted(attempts);
}

export interface StartedBackends {
  started: { backend: BackendName; device: string | null }[];
  attempts: BackendAttempt[];
}

/**
 * Starts the backends of the plan in order and asks each what it runs on, so the choice can be
 * made on what the machine really has. Stops at the first GPU backend on a real (not software)
 * device: nothing after it could be faster. Leaves the last one started current.
 */
export async function startCandidates(tf: Tf, order: readonly BackendName[], isSoftware: (device: string | null) => boolean): Promise<StartedBackends> {
  const started: StartedBackends["started"] = [];
  const attempts: BackendAttempt[] = [];
  for (const backend of order) {
    try {
      await start(tf, backend);
      attempts.push({ backend, ok: true });
      const device = await deviceOf(tf, backend);
      started.push({ backend, device });
      if ((backend === "webgpu" || backend === "webgl") && device !== null && !isSoftware(device)) break;
    } catch (error) {
      attempts.push({ backend, ok: false, error: message(error) });
    }
  }
  if (started.length === 0) throw noBackendStarted(attempts);
  return { started, attempts };
}

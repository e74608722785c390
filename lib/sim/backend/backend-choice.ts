/**
 * Which tfjs backend trains an experiment: the fastest one the browser has that can train all of
 * its layers. Pure: the caller says which backends are registered; `initBestBackend` then tries
 * them in this order and falls back when one fails to start.
 */
import type { ArchitectureSpecInput, LayerType } from "@/lib/model-core";

/** Fastest first: WebGPU, then WebGL, then WebAssembly, then plain JavaScript. */
export const BACKEND_PREFERENCE = ["webgpu", "webgl", "wasm", "cpu"] as const;
export type BackendName = (typeof BACKEND_PREFERENCE)[number];

export function isBackendName(value: unknown): value is BackendName {
  return typeof value === "string" && (BACKEND_PREFERENCE as readonly string[]).includes(value);
}

/**
 * Layers a backend can run forward but not train, in tfjs 4.22: the wasm backend has no
 * `Conv2DBackpropFilter` (conv2d's weight gradient) and no `UnsortedSegmentSum` (the embedding's).
 */
export const UNTRAINABLE_LAYERS: Readonly<Record<BackendName, readonly LayerType[]>> = {
  webgpu: [],
  webgl: [],
  wasm: ["conv2d", "embedding"],
  cpu: [],
};

export interface BackendPlan {
  /** Backends to try, best first. Never empty when `cpu` is available. */
  order: BackendName[];
  /** Registered backends left out, and why ("wasm cannot train conv2d layers"). */
  skipped: { backend: BackendName; reason: string }[];
}

/** The layer types across an experiment's model specs. */
export function layerTypesOf(specs: readonly Pick<ArchitectureSpecInput, "layers">[]): LayerType[] {
  return [...new Set(specs.flatMap((spec) => spec.layers.map((layer) => layer.type)))];
}

/**
 * Orders the `available` backends by preference, dropping those that cannot train `layerTypes`.
 * A `preferred` backend (the page's backend picker) goes first when it is usable.
 */
export function planBackends({
  available,
  layerTypes,
  preferred,
}: {
  available: readonly string[];
  layerTypes: readonly LayerType[];
  preferred?: BackendName;
}): BackendPlan {
  const order: BackendName[] = [];
  const skipped: BackendPlan["skipped"] = [];
  for (const backend of BACKEND_PREFERENCE) {
    if (!available.includes(backend)) continue;
    const missing = UNTRAINABLE_LAYERS[backend].filter((type) => layerTypes.includes(type));
    if (missing.length > 0) skipped.push({ backend, reason: `${backend} cannot train ${missing.join(" or ")} layers in tfjs 4.22` });
    else order.push(backend);
  }
  if (preferred && order.includes(preferred)) order.splice(0, order.length, preferred, ...order.filter((b) => b !== preferred));
  return { order, skipped };
}

/** Backends that run on a graphics device (which may turn out to be a software rasteriser). */
export const GPU_BACKENDS: readonly BackendName[] = ["webgpu", "webgl"];

/**
 * The device string names a software rasteriser, not a GPU: Chromium's SwiftShader (WebGL's
 * unmasked renderer "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)…))", WebGPU's
 * adapter architecture "swiftshader"), Mesa's llvmpipe/softpipe, Windows' "Microsoft Basic Render
 * Driver", a WebGPU fallback adapter, or a renderer that calls itself "Software".
 */
export function isSoftwareRenderer(device: string | null): boolean {
  return device !== null && /swiftshader|llvmpipe|softpipe|software|basic render|fallback adapter/i.test(device);
}

/** Why a backend was kept or dropped before (or instead of) timing it. */
export type ChoiceReason =
  | { kind: "hardware-gpu"; device: string }
  | { kind: "software-renderer"; device: string }
  | { kind: "probe"; msPerStep: number }
  | { kind: "only-candidate" }
  | { kind: "preferred" };

export interface Screening {
  /** A backend chosen without timing (a real GPU), or null when the candidates must be timed. */
  chosen: BackendName | null;
  /** Backends to time on the experiment's own first batches, in plan order (empty when `chosen`). */
  probe: BackendName[];
  /** Backends that started but were set aside, and why. */
  setAside: { backend: BackendName; reason: ChoiceReason }[];
  /** Why `chosen` (when set). */
  reason: ChoiceReason | null;
}

/**
 * Screens the backends that started (in plan order, with what the browser says about their device)
 * before timing anything. A GPU backend on a device that is not a software rasteriser wins at once:
 * a real GPU beats WebAssembly on every experiment here. A GPU backend on a software rasteriser is
 * set aside when WebAssembly can train the model (SwiftShader's WebGL ran the activation
 * experiment 3.2× slower than WASM), and timed otherwise (it may still beat plain JavaScript on a
 * CNN). Everything else — a GPU whose renderer is masked, WASM against CPU — is timed.
 */
export function screenBackends(started: readonly { backend: BackendName; device: string | null }[]): Screening {
  const setAside: Screening["setAside"] = [];
  const hardware = started.find(({ backend, device }) => GPU_BACKENDS.includes(backend) && device !== null && !isSoftwareRenderer(device));
  if (hardware) {
    return { chosen: hardware.backend, probe: [], setAside, reason: { kind: "hardware-gpu", device: hardware.device ?? "" } };
  }
  const wasmStarted = started.some(({ backend }) => backend === "wasm");
  const probe: BackendName[] = [];
  for (const { backend, device } of started) {
    if (GPU_BACKENDS.includes(backend) && isSoftwareRenderer(device) && wasmStarted) {
      setAside.push({ backend, reason: { kind: "software-renderer", device: device ?? "" } });
    } else probe.push(backend);
  }
  if (probe.length === 1) return { chosen: probe[0] as BackendName, probe: [], setAside, reason: { kind: "only-candidate" } };
  return { chosen: null, probe, setAside, reason: null };
}

/**
 * How much faster a later (less preferred) backend must time to be chosen over an earlier one. The
 * probe's steps of a small model last under a millisecond, and at that size the two timings of one
 * backend differ by 15–20% on a quiet machine (bench/sim.ts: minibatch-sgd timed WASM 0.4–0.7 ms
 * and CPU 0.5–0.6 ms a step in five runs), so a smaller lead is not evidence: it counts as a tie,
 * and ties go to the preferred backend, which keeps the choice the same from run to run.
 */
export const PROBE_TIE_MARGIN = 0.15;

/**
 * The fastest of the timed backends, in preference order: a later one wins only when its time per
 * step is below (1 − {@link PROBE_TIE_MARGIN}) of the best so far; non-finite times never win.
 */
export function fastestProbe(timings: readonly { backend: BackendName; msPerStep: number }[]): { backend: BackendName; msPerStep: number } | null {
  let best: { backend: BackendName; msPerStep: number } | null = null;
  for (const timing of timings) {
    if (!Number.isFinite(timing.msPerStep)) continue;
    if (best === null || timing.msPerStep < (1 - PROBE_TIE_MARGIN) * best.msPerStep) best = timing;
  }
  return best;
}

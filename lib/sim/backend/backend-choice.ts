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

import type { BackendName, ExperimentId, Locale } from "@/lib/sim";

/** Model colours: distinct in light and dark mode, and for the commonest colour-vision deficiencies. */
export const SERIES_COLORS = ["#4f46e5", "#d97706", "#059669", "#db2777", "#0284c7", "#7c3aed", "#65a30d"] as const;

export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length] as string;
}

export const BACKEND_LABELS: Record<BackendName, string> = {
  webgpu: "WebGPU",
  webgl: "WebGL",
  wasm: "WebAssembly (WASM)",
  cpu: "CPU (JavaScript)",
};

/** The device string says the "GPU" is a software rasteriser (SwiftShader, llvmpipe, …). */
export function isSoftwareDevice(device: string | null): boolean {
  return device !== null && /swiftshader|llvmpipe|softpipe|software|basic render/i.test(device);
}

/** 3,400 ms → "3.4 s"; 95,000 ms → "1 min 35 s". */
export function formatDuration(ms: number, locale: Locale): string {
  if (!Number.isFinite(ms)) return "—";
  const seconds = ms / 1000;
  if (seconds < 10) return locale === "ko" ? `${seconds.toFixed(1)}초` : `${seconds.toFixed(1)} s`;
  if (seconds < 60) return locale === "ko" ? `${Math.round(seconds)}초` : `${Math.round(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds - minutes * 60);
  return locale === "ko" ? `${minutes}분 ${rest}초` : `${minutes} min ${rest} s`;
}

export function asLocale(locale: string): Locale {
  return locale === "ko" ? "ko" : "en";
}

/** Which per-epoch measurement each experiment charts beside its loss (and how it reads). */
export const EPOCH_METRIC: Partial<Record<ExperimentId, { key: string; style: "percent" | "decimal" | "integer" }>> = {
  "mnist-mlp": { key: "testAccuracy", style: "percent" },
  "cnn-vs-mlp": { key: "testAccuracy", style: "percent" },
  convolution: { key: "testAccuracy", style: "percent" },
  "max-pooling": { key: "testAccuracy", style: "percent" },
  hitters: { key: "testMae", style: "integer" },
  "rnn-nyse": { key: "testR2", style: "decimal" },
};

/** The deck the experiments belong to; practice links point into it. */
export const SIM_DECK_ID = "islp-ch10";

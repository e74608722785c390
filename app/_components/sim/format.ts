import { isSoftwareRenderer, type BackendName, type ExperimentId, type Locale } from "@/lib/sim";

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
export const isSoftwareDevice = isSoftwareRenderer;

function minutesAndSeconds(totalSeconds: number, locale: Locale): string {
  const minutes = Math.floor(totalSeconds / 60);
  const rest = totalSeconds - minutes * 60;
  if (locale === "ko") return rest === 0 ? `${minutes}분` : `${minutes}분 ${rest}초`;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

/**
 * A measured time: 3,400 ms → "3.4 s"; 59,600 ms → "1 min" (rounded before it is split, so never
 * "60 s" or "1 min 60 s"); 95,000 ms → "1 min 35 s".
 */
export function formatDuration(ms: number, locale: Locale): string {
  if (!Number.isFinite(ms)) return "—";
  const tenths = Math.round(ms / 100) / 10;
  if (tenths < 10) return locale === "ko" ? `${tenths.toFixed(1)}초` : `${tenths.toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return locale === "ko" ? `${seconds}초` : `${seconds} s`;
  return minutesAndSeconds(seconds, locale);
}

/**
 * A time still to come, as precise as an estimate deserves: to 5 s under a minute (at least 5 s),
 * to 10 s under ten minutes, to the minute beyond. 59 s → "1 min"; 6 min 58 s → "7 min".
 */
export function formatEstimate(ms: number, locale: Locale): string {
  if (!Number.isFinite(ms)) return "—";
  const raw = ms / 1000;
  const grain = raw < 57.5 ? 5 : raw < 595 ? 10 : 60;
  const seconds = Math.max(5, Math.round(raw / grain) * grain);
  if (seconds < 60) return locale === "ko" ? `${seconds}초` : `${seconds} s`;
  return minutesAndSeconds(seconds, locale);
}

/** Which per-epoch measurement each experiment charts beside its loss (and how it reads). */
export const EPOCH_METRIC: Partial<Record<ExperimentId, { key: string; style: "percent" | "decimal" | "integer" }>> = {
  "mnist-mlp": { key: "testAccuracy", style: "percent" },
  "cnn-vs-mlp": { key: "testAccuracy", style: "percent" },
  convolution: { key: "testAccuracy", style: "percent" },
  "max-pooling": { key: "testAccuracy", style: "percent" },
  hitters: { key: "testMae", style: "integer" },
  "rnn-nyse": { key: "testR2", style: "decimal" },
  "dl-vs-methods": { key: "testMae", style: "integer" },
  "weight-shapes": { key: "testAccuracy", style: "percent" },
  "cnn-blocks": { key: "testAccuracy", style: "percent" },
  "lstm-embedding": { key: "testAccuracy", style: "percent" },
};

/** The deck the experiments belong to; practice links point into it. */
export const SIM_DECK_ID = "islp-ch10";

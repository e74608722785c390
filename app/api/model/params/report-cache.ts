import { BoundedCache, stringBytes } from "@/lib/bounded-cache";
import { validateSpec } from "@/lib/model-core";
import { verifyArchitecture, type ParamsReport, type ParamsReportError } from "@/lib/model-core/tfjs";
import { stableStringify } from "@/lib/questions/hash";

/**
 * Reports by spec. tfjs keeps a global table of every weight name it ever created (~2.6 KB per
 * CIFAR-sized verification, never freed), so a long-running server answers repeated specs
 * (presets, shared links, the page's debounced re-checks) from here instead of rebuilding.
 *
 * Only valid specs are kept (an error costs no tfjs and anyone can send endless distinct ones),
 * keyed by the canonical spec (zod's output with defaults filled in and unknown fields gone,
 * serialised with sorted keys, so padding or reordering a body does not make a new entry), within
 * a budget of bytes (docs/architecture.md, "Security").
 */
export const REPORT_CACHE_BYTES = 8 * 1024 * 1024;

export const reportCache = new BoundedCache<ParamsReport>({
  maxBytes: REPORT_CACHE_BYTES,
  bytesOf: (key, report) => stringBytes(key) + stringBytes(JSON.stringify(report)),
});

export function cachedParamsReport(body: unknown): ParamsReport | ParamsReportError {
  const validation = validateSpec(body);
  if (!validation.ok) {
    const { ok: _ok, ...problem } = validation;
    return problem;
  }
  const key = stableStringify(validation.spec);
  const cached = reportCache.get(key);
  if (cached) return cached;
  const report = verifyArchitecture(validation.spec);
  reportCache.set(key, report);
  return report;
}

import { z } from "zod";
import { InvalidSpecError } from "@/lib/model-core";
import { isParamsReportError, paramsReportFor, quietTfjs } from "@/lib/model-core/tfjs";
import { parseJsonBody, route } from "@/lib/server/http";
import { TOO_DEEP_MESSAGE, nestsDeeperThan } from "@/app/architect/spec-depth";

// tfjs' "running in Node.js" banner and notes go to the server log otherwise, once per process.
quietTfjs();

/** Anything JSON: `validateSpec` is the schema, so its messages (which name the layer) are the ones sent back. */
const anyJson = z.unknown();

/**
 * Reports by request body. tfjs keeps a global table of every weight name it ever created
 * (~2.6 KB per CIFAR-sized verification, never freed), so a long-running server answers repeated
 * specs (presets, shared links, the page's debounced re-checks) from here instead of rebuilding.
 * Cleared when full: a simple bound is enough for a cache of pure results.
 */
const reportCache = new Map<string, ReturnType<typeof paramsReportFor>>();
const REPORT_CACHE_LIMIT = 5_000;

function cachedReport(body: unknown): ReturnType<typeof paramsReportFor> {
  const key = JSON.stringify(body);
  const cached = reportCache.get(key);
  if (cached) return cached;
  const result = paramsReportFor(body);
  if (reportCache.size >= REPORT_CACHE_LIMIT) reportCache.clear();
  reportCache.set(key, result);
  return result;
}

/**
 * POST /api/model/params, body = an architecture spec (DESIGN.md) → 200 with what
 * `deepdrill params` prints: `{convention, total, trainable, layers, tfjs: {total, agrees}, ...}`.
 * An invalid spec → 422 `{error, fields, layerIndex?}`, the error naming the layer
 * ("layer 2 (dense): units must be a positive integer, got 0"); malformed JSON → 400, too large → 413,
 * not JSON → 415 (lib/server/http.ts). An invalid spec never reaches tfjs.
 */
export const POST = route(async (request) => {
  const body = await parseJsonBody(request, anyJson);
  if (nestsDeeperThan(body)) return Response.json({ error: TOO_DEEP_MESSAGE, fields: { _: [TOO_DEEP_MESSAGE] } }, { status: 422 });
  let result: ReturnType<typeof paramsReportFor>;
  try {
    result = cachedReport(body);
  } catch (error) {
    // validateSpec has already run; a layer that still does not fit is a bad spec, not our failure.
    if (error instanceof InvalidSpecError) result = { error: error.message, ...(error.layerIndex === undefined ? {} : { layerIndex: error.layerIndex }) };
    else throw error;
  }
  if (isParamsReportError(result)) {
    const { error, layerIndex, path } = result;
    const field = path && path.length > 0 ? path.join(".") : "_";
    return Response.json({ error, fields: { [field]: [error] }, ...(layerIndex === undefined ? {} : { layerIndex }) }, { status: 422 });
  }
  return Response.json(result);
});

import { z } from "zod";
import { InvalidSpecError } from "@/lib/model-core";
import { isParamsReportError, quietTfjs, type ParamsReport, type ParamsReportError } from "@/lib/model-core/tfjs";
import { parseJsonBody, route } from "@/lib/server/platform/http";
import { TOO_DEEP_MESSAGE, nestsDeeperThan } from "@/app/architect/spec-depth";
import { cachedParamsReport } from "./report-cache";

// tfjs' "running in Node.js" banner and notes go to the server log otherwise, once per process.
quietTfjs();

/** Anything JSON: `validateSpec` is the schema, so its messages (which name the layer) are the ones sent back. */
const anyJson = z.unknown();

/**
 * POST /api/model/params, body = an architecture spec (README "Architecture spec") → 200 with what
 * `deepdrill params` prints: `{convention, total, trainable, layers, tfjs: {total, agrees}, ...}`.
 * An invalid spec → 422 `{error, fields, layerIndex?}`, the error naming the layer
 * ("layer 2 (dense): units must be a positive integer, got 0"); malformed JSON → 400, too large → 413,
 * not JSON → 415 (lib/server/platform/http.ts). An invalid spec never reaches tfjs.
 */
export const POST = route(async (request) => {
  const body = await parseJsonBody(request, anyJson);
  if (nestsDeeperThan(body)) return Response.json({ error: TOO_DEEP_MESSAGE, fields: { _: [TOO_DEEP_MESSAGE] } }, { status: 422 });
  let result: ParamsReport | ParamsReportError;
  try {
    result = cachedParamsReport(body);
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

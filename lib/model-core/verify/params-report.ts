import { validateSpec } from "../validate-spec";
import { verifyArchitecture, type ParamsReport } from "./verify-architecture";

/** An input that is not a valid spec: the one-line message and, when it concerns one, the layer. */
export interface ParamsReportError {
  error: string;
  layerIndex?: number;
  path?: (string | number)[];
}

/**
 * Validate, then verify: the report for a valid spec, `{error}` for anything else, so an invalid
 * spec never reaches tfjs. Shared by the CLI (one entry of a batch) and `POST /api/model/params`.
 */
export function paramsReportFor(input: unknown): ParamsReport | ParamsReportError {
  const validation = validateSpec(input);
  if (!validation.ok) {
    const { ok: _ok, ...problem } = validation;
    return problem;
  }
  return verifyArchitecture(validation.spec);
}

export function isParamsReportError(result: ParamsReport | ParamsReportError): result is ParamsReportError {
  return "error" in result;
}

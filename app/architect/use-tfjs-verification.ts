"use client";
import { useEffect, useState } from "react";
import type { ArchitectureSpec } from "@/lib/model-core";
// Type only: the report's shape. tfjs itself never reaches the browser; the server counts.
import type { ParamsReport } from "@/lib/model-core/tfjs";
import { api } from "@/lib/api-client";

export type Verification =
  | { status: "idle" }
  | { status: "checking" }
  | { status: "done"; report: ParamsReport }
  | { status: "failed"; message: string };

/** Wait this long after the last edit before asking the server, so typing "1024" sends one request, not four. */
const SETTLE_MS = 300;

function isParamsReport(value: unknown): value is ParamsReport {
  if (typeof value !== "object" || value === null) return false;
  const report = value as Partial<ParamsReport>;
  return typeof report.total === "number" && Array.isArray(report.layers) && typeof report.tfjs?.agrees === "boolean";
}

/**
 * The TensorFlow.js check of a valid spec, from `POST /api/model/params`: "checking" until the
 * answer for exactly this spec arrives (an answer for an older spec is dropped), then the report.
 */
export function useTfjsVerification(spec: ArchitectureSpec | null): Verification {
  const key = spec === null ? null : JSON.stringify(spec);
  const [answer, setAnswer] = useState<{ key: string; verification: Verification } | null>(null);

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      let verification: Verification;
      try {
        // The key is the architecture's JSON already: sent as it is.
        const body = await api<unknown>("/api/model/params", { raw: { data: key, contentType: "application/json" }, signal: controller.signal });
        verification = isParamsReport(body) ? { status: "done", report: body } : { status: "failed", message: "HTTP 200" };
      } catch (error) {
        if (controller.signal.aborted) return;
        verification = { status: "failed", message: error instanceof Error ? error.message : String(error) };
      }
      if (!controller.signal.aborted) setAnswer({ key, verification });
    }, SETTLE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key]);

  if (key === null) return { status: "idle" };
  return answer?.key === key ? answer.verification : { status: "checking" };
}

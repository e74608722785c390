"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { formatValue, type Locale, type ModelPreview } from "@/lib/sim";
import { BACKEND_LABELS, formatDuration, formatEstimate, isSoftwareDevice } from "./format";
import type { SimulationState } from "./use-simulation";

function modelLabel(previews: readonly ModelPreview[], id: string, locale: Locale): string {
  return previews.find((p) => p.id === id)?.label[locale] ?? id;
}

/** The progress bar: epoch, step and time left, for the model being trained. */
export function RunProgress({ state, previews, locale }: { state: SimulationState; previews: readonly ModelPreview[]; locale: Locale }) {
  const t = useTranslations("sim");
  const { progress, status } = state;
  const metrics = progress?.metrics;
  const finished = status === "completed";
  const fraction = finished ? 1 : (metrics?.fraction ?? 0);
  const percent = Math.round(fraction * 100);
  let line: string;
  if (status === "idle") line = t("progress.idle");
  else if (status === "completed") line = t("progress.done");
  else if (status === "stopped") line = state.workerEnded ? t("status.stoppedEnded") : t("status.stopped");
  else if (status === "failed") line = t("status.failed");
  else if (!metrics) {
    const backendLabel = state.backend ? BACKEND_LABELS[state.backend.backend] : "";
    line =
      state.phase === "loading"
        ? t("progress.loading")
        : state.phase === "choosing"
          ? t("progress.choosing")
          : state.phase === "warming-up"
            ? t("progress.warmingUp", { backend: backendLabel })
            : state.phase === "training"
              ? t("progress.firstSteps")
              : t("progress.starting");
    if (status === "stopping") line = `${line} · ${t("status.stopping")}`;
  } else {
    const parts = [
      metrics.modelCount > 1 ? t("progress.model", { index: metrics.modelIndex + 1, count: metrics.modelCount, name: modelLabel(previews, metrics.modelId, locale) }) : null,
      t("progress.epoch", { epoch: progress.epoch, epochs: metrics.epochs }),
      t("progress.step", { step: progress.step, steps: metrics.stepsPerEpoch }),
      status === "stopping"
        ? t("status.stopping")
        : fraction >= 1
          ? t("progress.analysing")
          : metrics.remainingMs === null
            ? t("progress.estimating")
            : t("progress.left", { time: formatEstimate(metrics.remainingMs, locale) }),
    ];
    line = parts.filter(Boolean).join(" · ");
  }
  return (
    <div className="space-y-2">
      <div
        role="progressbar"
        aria-label={t("progress.label")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}% — ${line}`}
        className="h-3 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
        data-testid="sim-progress"
      >
        <div className="h-full rounded-full bg-accent-600 transition-[width] duration-200 dark:bg-accent-500" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-sm tabular-nums text-slate-700 dark:text-slate-300" data-testid="sim-progress-text" data-phase={state.phase ?? ""}>
        {line}
      </p>
    </div>
  );
}

/** Why the worker runs on this backend, in a sentence (with the timings when it measured them). */
function BackendReason({ backend }: { backend: NonNullable<SimulationState["backend"]> }) {
  const t = useTranslations("sim");
  const name = BACKEND_LABELS[backend.backend];
  const { reason } = backend;
  const timings = backend.probes.map((probe) => t("details.probeTiming", { backend: BACKEND_LABELS[probe.backend], ms: probe.msPerStep.toFixed(1) })).join(", ");
  const text =
    reason.kind === "hardware-gpu"
      ? t("details.reason.hardware-gpu", { backend: name, device: reason.device })
      : reason.kind === "probe"
        ? t("details.reason.probe", { backend: name, timings })
        : reason.kind === "preferred"
          ? t("details.reason.preferred", { backend: name })
          : t("details.reason.only-candidate", { backend: name });
  return (
    <p className="text-slate-700 dark:text-slate-300" data-testid="sim-backend-reason" data-reason={reason.kind}>
      {text}
    </p>
  );
}

/** Which backend ran on what device; memory after the run; the details (fallbacks, timings) on request. */
export function RunDetails({ state, previews, locale }: { state: SimulationState; previews: readonly ModelPreview[]; locale: Locale }) {
  const t = useTranslations("sim");
  const [open, setOpen] = useState(false);
  const { backend, memory, outcome } = state;
  const software = backend ? isSoftwareDevice(backend.device) : false;
  return (
    <div className="space-y-2 text-sm">
      {backend ? (
        <p data-testid="sim-backend" data-backend={backend.backend}>
          <span className="font-medium">{t("backend.ranOn")}</span> {BACKEND_LABELS[backend.backend]}
          {backend.device ? <span className="text-slate-600 dark:text-slate-400"> — {backend.device}</span> : null}
          {software ? <span className="text-slate-600 dark:text-slate-400"> ({t("backend.software")})</span> : null}
        </p>
      ) : null}
      {backend ? <BackendReason backend={backend} /> : null}
      {state.workerEnded ? (
        <p data-testid="sim-memory" data-worker-ended="true">
          <span className="font-medium">{t("memory.label")}</span> {t("memory.workerEnded")}
        </p>
      ) : memory ? (
        <p data-testid="sim-memory" data-num-tensors={memory.numTensors} data-tensors-before={memory.tensorsBefore}>
          <span className="font-medium">{t("memory.label")}</span>{" "}
          {memory.numTensors === memory.tensorsBefore
            ? t("memory.clean", { tensors: memory.numTensors, before: memory.tensorsBefore })
            : t("memory.leak", { tensors: memory.numTensors, before: memory.tensorsBefore })}
        </p>
      ) : null}
      {backend || outcome ? (
        <div>
          <button type="button" className="link text-sm" aria-expanded={open} aria-controls="sim-run-details" onClick={() => setOpen(!open)} data-testid="sim-details-toggle">
            {open ? t("details.hide") : t("details.show")}
          </button>
          <div id="sim-run-details" hidden={!open} className="mt-2 space-y-2 rounded-lg border border-slate-200 p-3 dark:border-slate-800">
            {backend ? (
              <ul className="list-disc space-y-1 pl-5">
                {backend.attempts.map((attempt) => (
                  <li key={attempt.backend}>
                    {attempt.ok ? t("details.started", { backend: BACKEND_LABELS[attempt.backend] }) : t("details.failed", { backend: BACKEND_LABELS[attempt.backend], reason: attempt.error ?? "" })}
                  </li>
                ))}
                {backend.attempts.length === 0 ? <li>{t("details.reused", { backend: BACKEND_LABELS[backend.backend] })}</li> : null}
                {backend.skipped.map((skip) => (
                  <li key={skip.backend}>{t("details.skipped", { backend: BACKEND_LABELS[skip.backend], reason: skip.reason })}</li>
                ))}
                {backend.setAside.map((aside) => (
                  <li key={aside.backend} data-testid="sim-backend-set-aside" data-backend={aside.backend}>
                    {t("details.setAside", { backend: BACKEND_LABELS[aside.backend], device: aside.reason.kind === "software-renderer" ? aside.reason.device : "" })}
                  </li>
                ))}
                {backend.fallbackFrom ? (
                  <li data-testid="sim-backend-fallback">
                    {t("details.fallback", { from: BACKEND_LABELS[backend.fallbackFrom.backend], error: backend.fallbackFrom.error, backend: BACKEND_LABELS[backend.backend] })}
                  </li>
                ) : null}
              </ul>
            ) : null}
            {outcome ? (
              <>
                <p data-testid="sim-timings" data-warmup-ms={outcome.timings.warmupMs.toFixed(0)} data-total-ms={outcome.timings.totalMs.toFixed(0)}>
                  {t("details.timings", {
                    warmup: formatDuration(outcome.timings.warmupMs, locale),
                    train: formatDuration(outcome.timings.trainMs, locale),
                    analyse: formatDuration(outcome.timings.analyseMs, locale),
                  })}
                </p>
                <ul className="space-y-1">
                  {outcome.models
                    .filter((model) => model.epochs.length > 0)
                    .map((model) => (
                      <li key={model.id} data-testid="sim-epoch-times" data-model-id={model.id} data-epoch-ms={model.epochs.map((e) => e.ms.toFixed(1)).join(",")}>
                        {t("details.perEpoch", {
                          model: modelLabel(previews, model.id, locale),
                          times: model.epochs.map((e) => formatDuration(e.ms, locale)).join(", "),
                          steps: model.stepsPerEpoch,
                        })}
                      </li>
                    ))}
                </ul>
              </>
            ) : null}
            {memory ? <p>{t("details.memory", { bytes: formatValue(memory.numBytes, "integer") })}</p> : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}

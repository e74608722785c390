"use client";
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import {
  BACKEND_PREFERENCE,
  EXPERIMENTS,
  isBackendName,
  parseExperimentSettings,
  previewModels,
  type ExperimentId,
  type FieldMeta,
  type Locale,
  type ModelPreview,
  type SettingsError,
} from "@/lib/sim";
import { HITTERS_TRAIN_ROWS } from "@/lib/sim/datasets/hitters";
import { ModelPreviews } from "./model-previews";
import { BACKEND_LABELS } from "./format";
import { RunDetails, RunProgress } from "./run-status";
import { SettingsForm, type RawSettings } from "./settings-form";
import { TrainingCharts } from "./training-charts";
import { isBusy, useSimulation, type SimulationState } from "./use-simulation";
import { ResultView } from "./views/result-view";

/** Wait for the sliders to settle before rewriting the address bar (browsers throttle history updates). */
const URL_SETTLE_MS = 250;
const AUTO_BACKEND = "";

function previewsFor(id: ExperimentId, input: Readonly<Record<string, unknown>>): ModelPreview[] {
  const parsed = parseExperimentSettings(id, input);
  const settings = parsed.ok ? parsed.settings : EXPERIMENTS[id].settings.defaults;
  try {
    return previewModels(id, settings);
  } catch {
    return [];
  }
}

function backendErrors(value: string): SettingsError[] {
  if (value === AUTO_BACKEND || isBackendName(value)) return [];
  const options = BACKEND_PREFERENCE.join(", ");
  const got = JSON.stringify(value.slice(0, 30));
  return [{ field: "backend", message: { en: `backend must be one of ${options}; got ${got}`, ko: `backend 값은 ${options} 중 하나여야 합니다 (입력: ${got})` } }];
}

/** The live step count of experiment 6: ⌈n / batch⌉ worked out from the slider, then counted as tfjs steps. */
function MinibatchCounter({ batchSize, state, previews, locale }: { batchSize: number | null; state: SimulationState; previews: readonly ModelPreview[]; locale: Locale }) {
  const t = useTranslations("sim.minibatch");
  const n = HITTERS_TRAIN_ROWS;
  const progress = state.progress;
  const current = progress ? previews.find((p) => p.id === progress.metrics.modelId) : undefined;
  const currentBatch = current?.fit.kind === "gradient" ? current.fit.training.batchSize : null;
  return (
    <div className="rounded-lg bg-slate-100 p-3 text-sm dark:bg-slate-800" data-testid="sim-steps-per-epoch">
      {batchSize !== null ? (
        <p className="tabular-nums">
          {t("formula", { n, batch: batchSize, steps: Math.ceil(n / batchSize), formula: `⌈${n} / ${batchSize}⌉ = ${Math.ceil(n / batchSize)}` })}
        </p>
      ) : null}
      {progress && currentBatch !== null && isBusy(state.status) ? (
        <p className="mt-1 tabular-nums" data-testid="sim-steps-counted" data-step={progress.step} data-steps={progress.metrics.stepsPerEpoch}>
          {t("counting", { model: current?.label[locale] ?? "", epoch: progress.epoch, step: progress.step, steps: progress.metrics.stepsPerEpoch })}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A simulation page's interactive part: settings (from the link, validated; every change goes back
 * into the link), start / stop / reset, progress, the backend, live charts, the outcome in words and
 * the experiment's own views, and the models with their parameter counts.
 */
export function Simulation({ experimentId, initialQuery }: { experimentId: ExperimentId; initialQuery: Readonly<Record<string, string>> }) {
  const t = useTranslations("sim");
  const locale: Locale = useLocale();
  const definition = EXPERIMENTS[experimentId];
  const fields = definition.settings.fields as unknown as Readonly<Record<string, { meta: FieldMeta }>>;
  const [values, setValues] = useState<RawSettings>(() =>
    Object.fromEntries(Object.entries(fields).map(([name, { meta }]) => [name, initialQuery[name] ?? String(meta.default)])),
  );
  const [backend, setBackend] = useState(initialQuery.backend ?? AUTO_BACKEND);
  const [copied, setCopied] = useState<"copied" | "failed" | null>(null);
  const edited = useRef(false);
  const { state, start, stop, reset } = useSimulation(experimentId);
  const busy = isBusy(state.status);

  const parsed = useMemo(() => parseExperimentSettings(experimentId, values), [experimentId, values]);
  const errors = useMemo(() => [...(parsed.ok ? [] : parsed.errors), ...backendErrors(backend)], [parsed, backend]);
  const previews = useMemo(() => previewsFor(experimentId, values), [experimentId, values]);
  const runPreviews = useMemo(() => (state.startedWith ? previewsFor(experimentId, state.startedWith) : previews), [experimentId, state.startedWith, previews]);

  useEffect(() => {
    if (!edited.current) return;
    const query = new URLSearchParams(values);
    if (backend !== AUTO_BACKEND) query.set("backend", backend);
    const search = `?${query.toString()}`;
    const timer = setTimeout(() => {
      if (window.location.search !== search) window.history.replaceState(window.history.state, "", `${window.location.pathname}${search}`);
    }, URL_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [values, backend]);

  const change = useCallback((name: string, value: string) => {
    edited.current = true;
    setCopied(null);
    setValues((current) => ({ ...current, [name]: value }));
  }, []);
  // Charts redraw at a lower priority than the progress bar and the buttons (React may interrupt them).
  const chartState = useDeferredValue(state);
  const trained = state.outcome?.models ?? null;

  const run = () => {
    if (!parsed.ok || errors.length > 0) return;
    start(parsed.settings as Readonly<Record<string, unknown>>, isBackendName(backend) ? backend : undefined);
  };

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  };

  const outcome = state.outcome;
  const completed = outcome?.status === "completed" ? outcome : null;
  const seed = parsed.ok ? String(parsed.settings.seed) : (values.seed ?? "");
  const batchSize = experimentId === "minibatch-sgd" && parsed.ok && "batchSize" in parsed.settings ? Number(parsed.settings.batchSize) : null;
  const announcement =
    state.status === "running" && state.backend
      ? t("announce.running", { backend: BACKEND_LABELS[state.backend.backend] })
      : state.status === "completed"
        ? t("announce.completed")
        : state.status === "stopped"
          ? t("announce.stopped")
          : state.status === "failed"
            ? t("announce.failed")
            : "";

  return (
    <div className="space-y-6">
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>

      <section className="card space-y-5" aria-labelledby="sim-settings-title">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="sim-settings-title" className="text-lg font-semibold">
            {t("settingsTitle")}
          </h2>
          <p className="text-sm tabular-nums text-slate-600 dark:text-slate-400" data-testid="sim-seed">
            {t("seedShown", { seed })}
          </p>
        </div>
        {errors.length > 0 ? (
          <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100" data-testid="sim-settings-errors">
            <p className="font-medium">{t("invalidSettings")}</p>
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {errors.map((error) => (
                <li key={error.field} data-field={error.field}>
                  <span className="font-mono">{error.field}</span>: {error.message[locale]}
                </li>
              ))}
            </ul>
            <p className="mt-2">{t("invalidSettingsHint")}</p>
          </div>
        ) : null}
        <SettingsForm fields={fields} values={values} errors={errors} locale={locale} disabled={busy} onChange={change} />
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <div>
            <label className="field-label" htmlFor="sim-backend-choice">
              {t("backend.choose")}
            </label>
            <select
              id="sim-backend-choice"
              className="field-input"
              value={backend}
              disabled={busy}
              aria-invalid={backendErrors(backend).length > 0}
              onChange={(e) => {
                edited.current = true;
                setBackend(e.target.value);
              }}
            >
              <option value={AUTO_BACKEND}>{t("backend.auto")}</option>
              {BACKEND_PREFERENCE.map((name) => (
                <option key={name} value={name}>
                  {BACKEND_LABELS[name]}
                </option>
              ))}
              {backend !== AUTO_BACKEND && !isBackendName(backend) ? <option value={backend}>{backend}</option> : null}
            </select>
          </div>
        </div>
        {batchSize !== null || experimentId === "minibatch-sgd" ? <MinibatchCounter batchSize={batchSize} state={state} previews={runPreviews} locale={locale} /> : null}
        <div className="flex flex-wrap items-center gap-3">
          <button type="button" className="btn-primary" onClick={run} disabled={busy || errors.length > 0} data-testid="sim-start">
            {t("start")}
          </button>
          <button type="button" className="btn-secondary" onClick={stop} disabled={state.status !== "running" && state.status !== "starting"} data-testid="sim-stop">
            {state.status === "stopping" ? t("stopping") : t("stop")}
          </button>
          <button type="button" className="btn-secondary" onClick={reset} disabled={state.status === "idle"} data-testid="sim-reset">
            {t("reset")}
          </button>
          <button type="button" className="link ml-auto text-sm" onClick={copyLink}>
            {copied === "copied" ? t("linkCopied") : copied === "failed" ? t("linkCopyFailed") : t("copyLink")}
          </button>
        </div>
        <RunProgress state={state} previews={runPreviews} locale={locale} />
        <RunDetails state={state} previews={runPreviews} locale={locale} />
        {state.error ? (
          <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100" data-testid="sim-run-error">
            <p className="font-medium">{t("runFailed")}</p>
            {state.error.settingsErrors?.length ? (
              <ul className="mt-2 list-disc pl-5">
                {state.error.settingsErrors.map((e) => (
                  <li key={e.field}>
                    <span className="font-mono">{e.field}</span>: {e.message[locale]}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-1 break-words font-mono text-xs">{state.error.message}</p>
            )}
          </div>
        ) : null}
      </section>

      {completed || outcome?.status === "stopped" || state.workerEnded ? (
        <section className="card space-y-4" aria-labelledby="sim-outcome-title">
          <h2 id="sim-outcome-title" className="text-lg font-semibold">
            {t("outcomeTitle")}
          </h2>
          {completed ? (
            <p className="rounded-lg bg-accent-50 p-4 text-base leading-relaxed text-slate-900 dark:bg-slate-800 dark:text-slate-100" data-testid="sim-summary">
              {completed.summary[locale]}
            </p>
          ) : (
            <p className="text-sm" data-testid="sim-stopped">
              {t("stoppedAfter", {
                epochs: Math.max(0, ...(outcome ? outcome.models.map((m) => m.epochs.length) : Object.values(state.epochs).map((epochs) => epochs.length))),
              })}
            </p>
          )}
          <p className="text-xs text-slate-600 dark:text-slate-400">{t("reproduce", { seed: String(outcome?.settings.seed ?? seed) })}</p>
          {completed ? <ResultView experimentId={experimentId} outcome={completed} previews={runPreviews} locale={locale} /> : null}
        </section>
      ) : null}

      <section className="card space-y-4" aria-labelledby="sim-charts-title">
        <h2 id="sim-charts-title" className="text-lg font-semibold">
          {t("chartsTitle")}
        </h2>
        <TrainingCharts experimentId={experimentId} state={chartState} previews={runPreviews} locale={locale} />
      </section>

      <section className="card space-y-4" aria-labelledby="sim-models-title">
        <h2 id="sim-models-title" className="text-lg font-semibold">
          {t("modelsTitle")}
        </h2>
        <p className="text-sm text-slate-700 dark:text-slate-300">{t("modelsLead")}</p>
        <ModelPreviews previews={busy || outcome ? runPreviews : previews} trained={trained} locale={locale} />
      </section>
    </div>
  );
}

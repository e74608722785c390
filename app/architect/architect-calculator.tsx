"use client";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState } from "react";
import { ISLP_ARCHITECTURES, formatNumber, parseSpecText } from "@/lib/model-core";
import { NetworkDiagram } from "@/app/_components/network-diagram";
import { analyzeCandidate, analyzeText } from "./analysis";
import { ConventionComparison } from "./convention-comparison";
import { draftToSpec, specToDraft, specToText, type Draft } from "./draft";
import { LayerForm } from "./layer-form";
import { linkQuery, presetStart, type CalculatorStart, type EditorMode, type LinkProblem } from "./link-state";
import { SummaryTable } from "./summary-table";
import { useTfjsVerification } from "./use-tfjs-verification";
import { VerificationStatus } from "./verification-status";

/** Wait for typing to pause before rewriting the address bar (browsers throttle history updates). */
const URL_SETTLE_MS = 250;

const EXAMPLE_SPEC = '{"input": [784], "layers": [{"type": "dense", "units": 10}]}';

/**
 * The architecture calculator: a form or a YAML/JSON editor on one side; the closed-form summary,
 * both conventions, the diagram and TensorFlow.js' verdict on the other. Everything but the
 * verdict is computed in the browser on every keystroke; the URL follows the state.
 */
export function ArchitectCalculator({ start }: { start: CalculatorStart }) {
  const t = useTranslations("architect");
  const locale = useLocale();
  const [mode, setMode] = useState<EditorMode>(start.mode);
  const [draft, setDraft] = useState<Draft>(start.draft);
  const [text, setText] = useState(start.text);
  const [presetId, setPresetId] = useState(start.presetId);
  const [linkProblem, setLinkProblem] = useState(start.linkProblem);
  const [modeMessage, setModeMessage] = useState<string | null>(null);
  const [copied, setCopied] = useState<"copied" | "failed" | null>(null);
  const edited = useRef(false);

  const analysis = useMemo(() => (mode === "form" ? analyzeCandidate(draftToSpec(draft)) : analyzeText(text)), [mode, draft, text]);
  const verification = useTfjsVerification(analysis.ok ? analysis.spec : null);

  useEffect(() => {
    if (!edited.current) return;
    const query = linkQuery(mode, draft, text);
    const timer = setTimeout(() => {
      if (window.location.search !== query) window.history.replaceState(null, "", `${window.location.pathname}${query}`);
    }, URL_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [mode, draft, text]);

  function touched() {
    edited.current = true;
    setPresetId(undefined);
    setLinkProblem(undefined);
    setModeMessage(null);
    setCopied(null);
  }

  function changeDraft(next: Draft) {
    touched();
    setDraft(next);
  }

  function changeText(next: string) {
    touched();
    setText(next);
  }

  function switchMode(next: EditorMode) {
    if (next === mode) return;
    if (next === "text") {
      edited.current = true;
      setText(specToText(draftToSpec(draft)));
      setMode("text");
      setModeMessage(null);
      return;
    }
    const parsed = parseSpecText(text);
    const fromText = parsed.ok ? specToDraft(parsed.value) : null;
    if (!fromText) {
      setModeMessage(parsed.ok ? t("formCannotShow") : t("formNeedsParsableText"));
      return;
    }
    edited.current = true;
    setDraft(fromText);
    setMode("form");
    setModeMessage(null);
  }

  function loadPreset(id: string) {
    const preset = presetStart(id);
    if (!preset) return;
    touched();
    setDraft(preset.draft);
    setText(preset.text);
    setPresetId(id);
  }

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(`${window.location.origin}${window.location.pathname}${linkQuery(mode, draft, text)}`);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  }

  const preset = ISLP_ARCHITECTURES.find((candidate) => candidate.id === presetId);
  const presetLabel = (id: string, fallback: string) => (t.has(`presets.${id}`) ? t(`presets.${id}`) : fallback);
  const problem = analysis.ok ? undefined : analysis.problem;
  const convention = analysis.ok ? analysis.spec.convention : draft.convention;

  return (
    <div className="space-y-6">
      {linkProblem ? (
        <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100" data-testid="link-problem">
          {linkProblemText(linkProblem, t)}
        </p>
      ) : null}

      <section aria-labelledby="presets-heading" className="card">
        <h2 id="presets-heading" className="font-semibold">{t("presetsHeading")}</h2>
        <ul className="mt-3 flex flex-wrap gap-2">
          {ISLP_ARCHITECTURES.map((candidate) => (
            <li key={candidate.id}>
              <button
                type="button"
                aria-pressed={presetId === candidate.id}
                onClick={() => loadPreset(candidate.id)}
                className={`rounded-full border px-3 py-1.5 text-sm font-medium transition-colors ${
                  presetId === candidate.id
                    ? "border-accent-600 bg-accent-600 text-white"
                    : "border-slate-300 text-slate-800 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
                }`}
              >
                {presetLabel(candidate.id, candidate.title)}
              </button>
            </li>
          ))}
        </ul>
        {preset ? (
          <div className="mt-3 text-sm text-slate-700 dark:text-slate-300" data-testid="preset-note">
            <p>
              {/* The preset's description in the UI language; a preset without a translation keeps the English title. */}
              {t.has(`presetTitles.${preset.id}`) ? t(`presetTitles.${preset.id}`) : <span lang="en">{preset.title}</span>} ·{" "}
              <span className="text-slate-600 dark:text-slate-400">{preset.source}</span>
            </p>
            {preset.bookCount ? (
              <p className="mt-1">
                {/* A count under another framework's convention is not the book's: say whose it is. */}
                {t(preset.bookCount.convention === "keras" ? "kerasCount" : "bookCount", { total: formatNumber(preset.bookCount.total) })}{" "}
                {t.has(`bookNotes.${preset.id}`) ? t(`bookNotes.${preset.id}`) : <span lang="en">{preset.bookCount.note}</span>}
              </p>
            ) : null}
          </div>
        ) : null}
      </section>

      {/* On a phone the summary comes after the whole layer form: the total follows the reader here
          (visual only; the summary section below is what assistive technology reads). */}
      <p
        aria-hidden="true"
        className="sticky top-24 z-30 rounded-lg border border-slate-200 bg-white/95 px-3 py-2 text-sm shadow-sm backdrop-blur lg:hidden dark:border-slate-700 dark:bg-slate-900/95"
        data-testid="total-params-sticky"
      >
        {t("total")}: <span className="font-semibold tabular-nums">{analysis.ok ? formatNumber(analysis.derivation.total) : "—"}</span>
      </p>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
        <section aria-labelledby="build-heading" className="card min-w-0">
          <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
            <h2 id="build-heading" className="font-semibold">{t("buildHeading")}</h2>
            <div role="group" aria-label={t("editorChoice")} className="flex rounded-lg border border-slate-300 p-0.5 text-sm dark:border-slate-700">
              {(["form", "text"] as const).map((choice) => (
                <button
                  key={choice}
                  type="button"
                  aria-pressed={mode === choice}
                  onClick={() => switchMode(choice)}
                  className={`rounded-md px-3 py-1 font-medium ${mode === choice ? "bg-accent-600 text-white" : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"}`}
                >
                  {choice === "form" ? t("modeForm") : t("modeText")}
                </button>
              ))}
            </div>
          </div>
          {modeMessage ? (
            <p role="alert" className="field-error mb-3" data-testid="mode-message">
              {modeMessage}
            </p>
          ) : null}
          {mode === "form" ? (
            <LayerForm draft={draft} problem={problem} onChange={changeDraft} />
          ) : (
            <div>
              <label htmlFor="spec-text" className="field-label">
                {t("specText")}
              </label>
              <textarea
                id="spec-text"
                className="field-input min-h-72 font-mono text-sm"
                spellCheck={false}
                autoCapitalize="off"
                autoComplete="off"
                value={text}
                onChange={(event) => changeText(event.target.value)}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? "spec-text-error" : "spec-text-hint"}
              />
              {problem ? (
                <p id="spec-text-error" className="field-error" lang="en" data-testid="field-error">
                  {problem.message}
                </p>
              ) : (
                <p id="spec-text-hint" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
                  {t("specTextHint")} <code className="font-mono">{EXAMPLE_SPEC}</code>
                </p>
              )}
            </div>
          )}
        </section>

        <div className="min-w-0 space-y-6">
          <section aria-labelledby="summary-heading" className="card">
            <h2 id="summary-heading" className="font-semibold">{t("summaryHeading")}</h2>
            <dl className="mt-3 grid grid-cols-3 gap-3">
              <Total label={t("total")} value={analysis.ok ? analysis.derivation.total : undefined} testId="total-params" strong />
              <Total label={t("trainable")} value={analysis.ok ? analysis.derivation.trainable : undefined} testId="trainable-params" />
              <Total label={t("nonTrainable")} value={analysis.ok ? analysis.derivation.nonTrainable : undefined} testId="non-trainable-params" />
            </dl>
            <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
              {t("countedAs", { convention: t(`conventions.${convention}`) })}
            </p>
            <div className="mt-3">
              {analysis.ok ? (
                <VerificationStatus verification={verification} closedFormTotal={analysis.derivation.total} />
              ) : (
                <p className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100" data-testid="spec-problem">
                  <span className="font-semibold">{t("problemLead")}</span> <span lang="en">{analysis.problem.message}</span>
                </p>
              )}
            </div>
            <div className="mt-4">
              <SummaryTable
                inputShape={analysis.ok ? analysis.spec.input : undefined}
                rows={analysis.rows}
                convention={convention}
                conventions={analysis.ok ? analysis.conventions : undefined}
              />
            </div>
          </section>

          {analysis.ok ? (
            <section aria-labelledby="conventions-heading" className="card">
              <h2 id="conventions-heading" className="font-semibold">{t("conventionsHeading")}</h2>
              <div className="mt-3">
                <ConventionComparison conventions={analysis.conventions} convention={analysis.spec.convention} notes={analysis.notes} />
              </div>
            </section>
          ) : null}

          <section aria-labelledby="diagram-heading" className="card" data-testid="diagram">
            <h2 id="diagram-heading" className="font-semibold">{t("diagramHeading")}</h2>
            <div className="relative mt-3 flex justify-center overflow-x-auto">
              {analysis.ok ? (
                <NetworkDiagram spec={analysis.spec} />
              ) : (
                <p className="text-sm text-slate-600 dark:text-slate-400">{t("diagramNeedsValidSpec")}</p>
              )}
            </div>
          </section>

          <div className="flex flex-wrap items-center gap-3">
            <button type="button" className="btn-secondary" onClick={copyLink}>
              {t("copyLink")}
            </button>
            <p aria-live="polite" className="text-sm text-slate-700 dark:text-slate-300" lang={locale}>
              {copied === "copied" ? t("linkCopied") : copied === "failed" ? t("linkCopyFailed") : ""}
            </p>
          </div>
        </div>
      </div>
    </div>
  );
}

function Total({ label, value, testId, strong }: { label: string; value?: number; testId: string; strong?: boolean }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className={`font-mono tabular-nums ${strong ? "text-xl font-bold sm:text-2xl" : "text-lg font-semibold"}`} data-testid={testId}>
        {value === undefined ? "—" : formatNumber(value)}
      </dd>
    </div>
  );
}

function linkProblemText(problem: LinkProblem, t: ReturnType<typeof useTranslations<"architect">>): string {
  switch (problem.kind) {
    case "notJson":
      return t("linkNotJson", { detail: problem.detail });
    case "tooLong":
      return t("linkTooLong", { limit: formatNumber(problem.limit) });
    case "tooDeep":
      return t("linkTooDeep");
    case "unknownPreset":
      return t("linkUnknownPreset", { id: problem.id.slice(0, 60) });
  }
}

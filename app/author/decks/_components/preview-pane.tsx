"use client";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useRef } from "react";
import { MathHtml } from "@/app/_components/math-html";
import { SolutionDiagram, SolutionLayerTable } from "@/app/_components/solution-parts";
import type { PreviewVariant } from "@/lib/server/decks/authoring-preview";
import type { ShownPreview } from "./use-live-preview";

const LANGUAGES = ["en", "ko"] as const;

function paramText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((row) => (Array.isArray(row) ? `[${row.join(", ")}]` : String(row))).join(", ")}]`;
  return String(value);
}

function VariantCard({ variant, index }: { variant: PreviewVariant; index: number }) {
  const t = useTranslations("author.preview");
  const params = Object.entries(variant.params);
  const headingId = useId();
  return (
    <article className="@container space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800" aria-labelledby={headingId} data-testid="preview-variant" data-verified={variant.verification.ok} data-seed={variant.seed}>
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="text-sm font-semibold">
          {t("variant", { number: index + 1 })}
          {params.length > 0 ? (
            <span className="ml-2 font-mono text-xs font-normal text-slate-600 dark:text-slate-400">{params.map(([name, value]) => `${name}=${paramText(value)}`).join(", ")}</span>
          ) : null}
        </h3>
        {variant.verification.ok ? (
          <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200" title={variant.verification.method}>
            ✓ {t("verified", { method: variant.verification.method })}
          </span>
        ) : (
          <span className="rounded-full bg-rose-50 px-2 py-0.5 text-xs font-medium text-rose-800 dark:bg-rose-950 dark:text-rose-200" role="status">
            ✗ {t("notVerified", { message: variant.verification.message ?? "" })}
          </span>
        )}
      </header>
      {/* The two languages side by side when the card is wide enough, else one above the other. */}
      <div className="grid gap-4 @3xl:grid-cols-2">
        {LANGUAGES.map((language) => (
          <div key={language} lang={language} className="min-w-0 space-y-2">
            <p className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{t(`language.${language}`)}</p>
            <MathHtml html={variant.promptHtml[language]} lang={language} />
            {variant.choices ? (
              <ol className="ml-1 space-y-1 text-sm">
                {variant.choices.map((choice) => (
                  <li key={choice.letter}>
                    <span className="font-mono">{choice.letter}.</span> <MathHtml inline html={choice.html[language]} lang={language} />
                  </li>
                ))}
              </ol>
            ) : null}
            <p className="text-sm">
              <span className="font-medium">{t("answer")}</span> <span className="font-mono" data-testid="preview-expected">{variant.expected}</span>
            </p>
            <details className="text-sm" open={index === 0}>
              <summary className="cursor-pointer font-medium text-accent-700 dark:text-accent-100">{t("solution")}</summary>
              {/* Long worked formulas scroll here, in one focusable region, instead of in each formula. */}
              <div className="mt-2 overflow-x-auto [&_[data-math=display]]:overflow-visible" role="region" aria-label={t("solutionRegion", { number: index + 1, language: t(`language.${language}`) })} tabIndex={0}>
                <MathHtml html={variant.solutionHtml[language]} lang={language} />
              </div>
            </details>
          </div>
        ))}
      </div>
      {variant.architecture ? (
        <div className="space-y-2">
          <SolutionDiagram spec={variant.architecture} className="max-h-64" />
          <details className="text-sm">
            <summary className="cursor-pointer font-medium text-accent-700 dark:text-accent-100">{t("layers")}</summary>
            <div className="mt-2">
              <SolutionLayerTable spec={variant.architecture} />
            </div>
          </details>
        </div>
      ) : null}
    </article>
  );
}

export interface PreviewPaneProps {
  shown: ShownPreview | null;
  pending: boolean;
  error: string | null;
  onJump: (line: number) => void;
  /** The file's path, to tell its problems from deck.yaml's. */
  path: string;
}

/**
 * The live preview: the file's problems at their lines, then five variants of the item under the
 * cursor in both languages, each verified by TensorFlow.js, with its worked solution and network.
 * It records how long the newest text took from keystroke to screen (data-latency-ms).
 */
export function PreviewPane({ shown, pending, error, onJump, path }: PreviewPaneProps) {
  const t = useTranslations("author.preview");
  const language = useLocale();
  const section = useRef<HTMLElement>(null);
  const latency = useRef<HTMLSpanElement>(null);
  const headingId = useId();
  const result = shown?.result ?? null;

  useEffect(() => {
    if (!shown || !section.current) return;
    const ms = Math.round(performance.now() - shown.editedAt);
    section.current.dataset.serial = String(shown.serial);
    if (shown.editedAt > 0) {
      section.current.dataset.latencyMs = String(ms);
      if (latency.current) latency.current.textContent = t("latency", { ms });
    }
  }, [shown, t]);

  const fileErrors = result?.errors ?? [];
  const verified = result?.variants.filter((variant) => variant.verification.ok).length ?? 0;
  return (
    <section ref={section} className="card space-y-4" aria-labelledby={headingId} aria-busy={pending} data-testid="preview" data-pending={pending}>
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="text-xs text-slate-600 dark:text-slate-400" aria-live="polite">
          {pending ? <span>{t("updating")}</span> : result?.item ? <span>{t("summary", { verified, total: result.variants.length })}</span> : null}
          {/* Filled in by the effect above (hidden while empty); the dot separates it from a summary only when there is one. */}
          <span ref={latency} className="empty:hidden not-first:before:content-['_·_']" />
        </p>
      </header>
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {t("failed", { message: error })}
        </p>
      ) : null}
      {fileErrors.length > 0 ? (
        <div className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100" role="status" data-testid="preview-errors">
          <p className="font-medium">{t("errors", { count: fileErrors.length })}</p>
          <ul className="mt-2 space-y-1">
            {fileErrors.map((problem, index) => (
              <li key={`${problem.file}:${problem.line}:${index}`}>
                {problem.file === path ? (
                  <button type="button" className="text-left underline-offset-2 hover:underline" onClick={() => onJump(problem.line)}>
                    <span className="font-mono">{t("line", { line: problem.line })}</span> {problem.message}
                  </button>
                ) : (
                  <span>
                    <span className="font-mono">
                      {problem.file}:{problem.line}
                    </span>{" "}
                    {problem.message}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {result?.item ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          {t("previewing", { id: result.item.id })}
          {result.item.title ? <span className="font-medium"> · {result.item.title[language]}</span> : null}
        </p>
      ) : null}
      {result && result.problems.length > 0 ? (
        <ul className="list-disc space-y-1 pl-5 text-sm text-amber-800 dark:text-amber-200" data-testid="preview-problems">
          {result.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
      {result?.variants.map((variant, index) => <VariantCard key={`${variant.seed}-${index}`} variant={variant} index={index} />)}
      {!result && !error ? <p className="text-sm text-slate-600 dark:text-slate-400">{t("loading")}</p> : null}
      {result && !result.item && fileErrors.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">{t("empty")}</p> : null}
    </section>
  );
}

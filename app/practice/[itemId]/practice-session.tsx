"use client";
import { useLocale, useTranslations } from "next-intl";
import { asInstrumental } from "@/app/_components/korean-particle";
import { readAsForDisplay } from "@/app/_components/read-as";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import type { Bilingual } from "@/lib/questions";
import type { PracticeCheckPayload, PracticeVariantPayload } from "@/lib/server/review/practice-payload";
import { MathHtml } from "@/app/_components/math-html";
import { AnswerForm } from "@/app/_components/question-card/answer-form";
import { QuestionCard, verdictTone } from "@/app/_components/question-card/question-card";
import { RevealAnswer } from "@/app/_components/question-card/reveal-answer";
import { ShortcutList } from "@/app/_components/question-card/shortcut-list";
import { SolutionDiagram, SolutionLayerTable } from "@/app/_components/solution-parts";
import { api } from "@/lib/api-client";

type Busy = "check" | "variant" | null;

function isEditable(target: EventTarget | null): target is HTMLElement {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

const TRUE_KEYS = new Set(["t", "o"]);
const FALSE_KEYS = new Set(["f", "x"]);

/**
 * Stateless practice of one template or card: the variant arrives without its answer; a check sends
 * the seed back and the server regenerates and checks it. Keyboard first: Enter checks, N draws a new
 * variant, L shows the lab's network, letters pick an option, T/F answer a true/false card, Space
 * reveals a self-graded card, Esc leaves the answer field. An unreadable answer costs nothing.
 */
export function PracticeSession({ itemId, initial }: { itemId: string; initial: PracticeVariantPayload }) {
  const t = useTranslations("practice");
  const locale = useLocale();
  const pick = useCallback((text: Bilingual) => text[locale], [locale]);

  const [variant, setVariant] = useState(initial);
  const [response, setResponse] = useState("");
  const [result, setResult] = useState<PracticeCheckPayload | null>(null);
  const [invalid, setInvalid] = useState<PracticeCheckPayload | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  const busyRef = useRef(false);

  const answerInput = useRef<HTMLInputElement>(null);
  const firstControl = useRef<HTMLButtonElement>(null);
  const solutionHeading = useRef<HTMLHeadingElement>(null);
  const focusAfterRender = useRef<"answer" | "solution" | null>("answer");
  const ids = { prompt: useId(), hint: useId(), invalid: useId(), solution: useId(), shortcuts: useId() };

  const lab = variant.anchors.find((anchor) => anchor.lab) ?? null;
  const checked = result !== null;
  const format = variant.answerFormat;
  const usesTextField = format !== "choice" && format !== "boolean" && format !== "self";

  // Focus follows the loop: the answer control for a fresh variant, the solution after a check.
  useEffect(() => {
    const target = focusAfterRender.current;
    focusAfterRender.current = null;
    if (target === "answer") (usesTextField ? answerInput.current : firstControl.current)?.focus();
    if (target === "solution") solutionHeading.current?.focus();
  });

  // The address keeps the variant, so a reload (or a shared link) shows the same numbers.
  useEffect(() => {
    const query = new URLSearchParams({ seed: String(variant.seed), ...(variant.anchor ? { anchor: variant.anchor.id } : {}) });
    window.history.replaceState(window.history.state, "", `${window.location.pathname}?${query.toString()}`);
  }, [variant.seed, variant.anchor]);

  const exclusive = useCallback(async (kind: Exclude<Busy, null>, work: () => Promise<void>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(kind);
    setError(null);
    try {
      await work();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      busyRef.current = false;
      setBusy(null);
    }
  }, []);

  const loadVariant = useCallback(
    (anchor?: string) =>
      exclusive("variant", async () => {
        const query = anchor ? `?${new URLSearchParams({ anchor }).toString()}` : "";
        const next = await api<{ variant: PracticeVariantPayload }>(`/api/practice/${encodeURIComponent(itemId)}/variant${query}`);
        setVariant(next.variant);
        setResponse("");
        setResult(null);
        setInvalid(null);
        setChosen(null);
        focusAfterRender.current = "answer";
      }),
    [exclusive, itemId],
  );

  const check = useCallback(
    (typed: string) =>
      exclusive("check", async () => {
        if (result) return;
        setChosen(format === "choice" || format === "boolean" ? typed : null);
        const outcome = await api<PracticeCheckPayload>(`/api/practice/${encodeURIComponent(itemId)}/check`, {
          body: { seed: variant.seed, anchor: variant.anchor?.id ?? null, response: typed },
        });
        if (outcome.status === "invalid") {
          setInvalid(outcome);
          focusAfterRender.current = "answer";
          return;
        }
        setInvalid(null);
        setResult(outcome);
        focusAfterRender.current = "solution";
      }),
    [exclusive, itemId, variant, result, format],
  );

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey || event.repeat) return;
      const target = event.target;
      if (isEditable(target)) {
        if (event.key === "Escape") target.blur();
        return;
      }
      const onButton = target instanceof HTMLElement && target.closest("button, a, summary, [role=region]") !== null;
      const key = event.key.toLowerCase();
      if (key === "n") {
        event.preventDefault();
        void loadVariant();
        return;
      }
      if (key === "l" && lab) {
        event.preventDefault();
        void loadVariant(lab.id);
        return;
      }
      if (checked) return;
      if (format === "choice" && variant.choices) {
        const choice = variant.choices.find((option) => option.letter.toLowerCase() === key);
        if (choice) {
          event.preventDefault();
          void check(choice.letter);
        }
      } else if (format === "boolean" && (TRUE_KEYS.has(key) || FALSE_KEYS.has(key))) {
        event.preventDefault();
        void check(TRUE_KEYS.has(key) ? "T" : "F");
      } else if (format === "self" && (event.key === " " || event.key === "Enter") && !onButton) {
        event.preventDefault();
        void check("");
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [loadVariant, check, lab, checked, format, variant.choices]);

  const shown = (value: string | null) => {
    if (value === null) return "";
    if (format === "boolean") return value === "true" ? t("answer.trueLabel") : value === "false" ? t("answer.falseLabel") : value;
    return readAsForDisplay(value, locale);
  };

  const shortcuts: [string, string][] = [
    ...(usesTextField ? ([["Enter", t("shortcuts.enter")]] as [string, string][]) : []),
    ...(format === "choice" && variant.choices ? ([[`${variant.choices[0]?.letter ?? "A"}–${variant.choices.at(-1)?.letter ?? "D"}`, t("shortcuts.letters")]] as [string, string][]) : []),
    ...(format === "boolean" ? ([["T / F", t("shortcuts.tf")]] as [string, string][]) : []),
    ...(format === "self" ? ([["Space", t("shortcuts.space")]] as [string, string][]) : []),
    ["N", t("shortcuts.n")],
    ...(lab ? ([["L", t("shortcuts.l")]] as [string, string][]) : []),
    ...(usesTextField ? ([["Esc", t("shortcuts.escape")]] as [string, string][]) : []),
  ];

  return (
    <div className="space-y-6">
      {error ? (
        <div role="alert" className="card border-red-300 text-red-800 dark:border-red-800 dark:text-red-200">
          <p>{t("error", { message: error })}</p>
          <button type="button" className="btn-secondary mt-3" onClick={() => void loadVariant()}>
            {t("retry")}
          </button>
        </div>
      ) : null}

      <QuestionCard
        aria-labelledby={ids.prompt}
        aria-busy={busy === "variant"}
        data-testid="practice-card"
        data-seed={variant.seed}
        data-anchor={variant.anchor?.id ?? ""}
        promptHtml={pick(variant.promptHtml)}
        lang={locale}
        dimmed={busy === "variant"}
        header={
          <header className="flex flex-wrap items-center justify-between gap-2">
            <h2 id={ids.prompt} className="text-sm font-medium text-slate-600 dark:text-slate-400">
              {t("questionLabel")} · <span data-testid="variant-seed">{variant.anchor ? (variant.anchor.lab ? t("labNetwork") : t("anchoredVariant")) : t("variantSeed", { seed: variant.seed })}</span>
            </h2>
            <div className="flex flex-wrap gap-2">
              {lab ? (
                <button
                  type="button"
                  className="btn-secondary aria-pressed:border-accent-500 aria-pressed:bg-accent-50 dark:aria-pressed:bg-slate-800"
                  disabled={busy !== null}
                  aria-keyshortcuts="L"
                  aria-pressed={variant.anchor?.id === lab.id}
                  title={pick(lab.label)}
                  onClick={() => void loadVariant(lab.id)}
                >
                  {t("labNetwork")}
                </button>
              ) : null}
              <button type="button" className="btn-secondary" disabled={busy !== null} aria-keyshortcuts="N" onClick={() => void loadVariant()} data-testid="new-variant">
                {busy === "variant" ? t("loadingVariant") : t("newVariant")}
              </button>
            </div>
          </header>
        }
      >

        {format === "choice" && variant.choices ? (
          <ul className="space-y-2" aria-label={t("answer.choicesLabel")}>
            {variant.choices.map((choice, index) => {
              const isRight = result !== null && result.expected === choice.letter;
              const isChosen = result !== null && chosen === choice.letter;
              return (
                <li key={choice.letter}>
                  <button
                    ref={index === 0 ? firstControl : undefined}
                    type="button"
                    disabled={checked || busy !== null}
                    aria-keyshortcuts={choice.letter}
                    onClick={() => void check(choice.letter)}
                    className={[
                      "flex w-full items-start gap-3 rounded-lg border px-3 py-2 text-left disabled:cursor-default",
                      isRight
                        ? "border-emerald-500 bg-emerald-50 dark:border-emerald-600 dark:bg-emerald-950"
                        : isChosen
                          ? "border-rose-500 bg-rose-50 dark:border-rose-600 dark:bg-rose-950"
                          : "border-slate-200 hover:bg-slate-50 disabled:hover:bg-transparent dark:border-slate-700 dark:hover:bg-slate-800",
                    ].join(" ")}
                  >
                    <span className="font-mono font-bold" aria-hidden="true">
                      {choice.letter}
                    </span>
                    <span className="sr-only">{choice.letter}. </span>
                    <MathHtml html={pick(choice.html)} inline lang={locale} className="flex-1" />
                    {isRight ? <span className="text-sm font-semibold text-emerald-800 dark:text-emerald-200">✓ {t("feedback.rightChoice")}</span> : null}
                    {isChosen && !isRight ? <span className="text-sm font-semibold text-rose-800 dark:text-rose-200">✗ {t("feedback.yourChoice")}</span> : null}
                  </button>
                </li>
              );
            })}
          </ul>
        ) : null}

        {format === "boolean" ? (
          <div className="flex flex-wrap gap-2" role="group" aria-label={t("answer.hints.boolean")}>
            {(["T", "F"] as const).map((value, index) => (
              <button
                key={value}
                ref={index === 0 ? firstControl : undefined}
                type="button"
                className={checked && chosen === value ? "btn-primary" : "btn-secondary"}
                disabled={checked || busy !== null}
                aria-keyshortcuts={value}
                onClick={() => void check(value)}
              >
                {value === "T" ? t("answer.trueLabel") : t("answer.falseLabel")} <kbd className="font-mono text-xs opacity-70">{value}</kbd>
              </button>
            ))}
          </div>
        ) : null}

        {format === "self" && !checked ? (
          <RevealAnswer buttonRef={firstControl} disabled={busy !== null} onReveal={() => void check("")} labels={{ hint: t("answer.hints.self"), reveal: t("answer.reveal") }} />
        ) : null}

        {usesTextField ? (
          <AnswerForm
            inputId={`${ids.prompt}-answer`}
            inputRef={answerInput}
            format={format}
            value={response}
            onChange={(typed) => {
              setResponse(typed);
              if (invalid) setInvalid(null);
            }}
            onSubmit={() => void check(response)}
            checked={checked}
            invalid={invalid !== null}
            describedBy={invalid ? `${ids.invalid} ${ids.hint}` : ids.hint}
            busy={busy !== null}
            checking={busy === "check"}
            hintId={ids.hint}
            labels={{ answer: t("answer.label"), check: t("answer.check"), checking: t("answer.checking"), hint: t(`answer.hints.${format}`) }}
          />
        ) : null}

        {/* The verdict is announced as it changes (polite: it never interrupts typing). */}
        <div role="status" aria-live="polite" aria-atomic="true" data-testid="practice-feedback">
          {invalid ? (
            <p id={ids.invalid} className="rounded-lg bg-amber-50 px-3 py-2 text-amber-900 dark:bg-amber-950 dark:text-amber-100" data-status="invalid">
              <span className="block font-semibold">{t("feedback.invalid")}</span>
              {invalid.reason ? <span className="block">{pick(invalid.reason)}</span> : null}
            </p>
          ) : null}
          {result ? (
            <div className={`space-y-1 rounded-lg px-3 py-2 ${verdictTone(result.status)}`} data-status={result.status}>
              <p className="font-semibold">{t(`feedback.${result.status === "invalid" ? "wrong" : result.status}`)}</p>
              {result.readAs !== null ? <p>{t("feedback.readAs", { value: asInstrumental(shown(result.readAs), locale) })}</p> : null}
              {result.expected !== null && result.status !== "correct" ? <p>{t("feedback.expected", { value: shown(result.expected) })}</p> : null}
              {result.mistakeHtml ? <MathHtml html={pick(result.mistakeHtml)} inline lang={locale} className="block" /> : null}
            </div>
          ) : null}
        </div>

        {result?.solutionHtml ? (
          <section className="space-y-4 border-t border-slate-200 pt-4 dark:border-slate-800" aria-labelledby={ids.solution} data-testid="solution">
            <h2 id={ids.solution} ref={solutionHeading} tabIndex={-1} className="text-base font-semibold focus:outline-none focus-visible:outline-2">
              {t("feedback.solution")}
            </h2>
            <MathHtml html={pick(result.solutionHtml)} lang={locale} />
            {result.architecture ? (
              <>
                <h3 className="text-sm font-semibold">{t("feedback.layers")}</h3>
                <SolutionLayerTable spec={result.architecture} />
                <figure className="overflow-x-auto" data-testid="network-figure">
                  <SolutionDiagram spec={result.architecture} asked={result.architectureAsk} />
                  <figcaption className="mt-1 text-xs text-slate-600 dark:text-slate-400">{t("feedback.network")}</figcaption>
                </figure>
              </>
            ) : null}
            <p>
              <button type="button" className="btn-primary" disabled={busy !== null} aria-keyshortcuts="N" onClick={() => void loadVariant()}>
                {busy === "variant" ? t("loadingVariant") : t("newVariant")}
              </button>
            </p>
          </section>
        ) : null}
      </QuestionCard>

      {variant.anchors.length > 1 ? (
        <section className="card text-sm" aria-labelledby={`${ids.shortcuts}-anchors`}>
          <h2 id={`${ids.shortcuts}-anchors`} className="mb-2 font-semibold">
            {t("anchorsLabel")}
          </h2>
          <ul className="flex flex-wrap gap-2">
            {variant.anchors.map((anchor) => (
              <li key={anchor.id}>
                <button
                  type="button"
                  className="btn-secondary aria-pressed:border-accent-500 aria-pressed:bg-accent-50 dark:aria-pressed:bg-slate-800"
                  disabled={busy !== null}
                  aria-pressed={variant.anchor?.id === anchor.id} onClick={() => void loadVariant(anchor.id)}>
                  {pick(anchor.label)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="card text-sm" aria-labelledby={ids.shortcuts}>
        <h2 id={ids.shortcuts} className="mb-2 font-semibold">
          {t("shortcuts.title")}
        </h2>
        <ShortcutList shortcuts={shortcuts} />
      </section>
    </div>
  );
}

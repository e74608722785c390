"use client";
import { useLocale, useTranslations } from "next-intl";
import { answerForDisplay } from "@/app/_components/read-as";
import { asInstrumental } from "@/app/_components/korean-particle";
import Link from "next/link";
import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from "react";
import type { Bilingual } from "@/lib/questions";
import type { PublicCardState } from "@/lib/server/review-types";
import type { AnswerPayload, ReviewItemPayload } from "@/lib/server/review-payload";
import type { RemainingCounts } from "@/lib/srs";
import { MathHtml } from "@/app/_components/math-html";
import { ApiError } from "@/lib/api-client";
import { reviewApi } from "./api-client";
import { GradeButtons, type GradeButtonsHandle, type GradeValue } from "./_components/grade-buttons";
import { SessionSummary, type SessionGrade } from "./_components/session-summary";
import { ReviewSettingsForm } from "./_components/review-settings-form";
import { SolutionDiagram } from "@/app/_components/solution-parts";
import { MAX_ANSWER_LENGTH } from "@/lib/schemas/limits";

type Phase = "loading" | "question" | "feedback" | "empty" | "error";

export interface PractiseLink {
  itemId: string;
  title: Bilingual;
}

interface Props {
  deck?: string;
  concept?: string;
  /** Templates of the concept, offered when nothing of it is due. */
  practise: PractiseLink[];
}

/** Answer formats in which a typed "u" can never be part of an answer, so U may undo even from the empty field. */
const U_SAFE_FORMATS = new Set(["integer", "number", "shape", "matrix", "choice"]);

function isEditable(target: EventTarget | null): target is HTMLElement {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

/**
 * The review loop: prompt → answer → check → feedback, worked solution and suggested grade →
 * confirm or override → next card. Keyboard first: Enter checks (and then confirms the suggested
 * grade), Space reveals a self-graded card, 0–5 grade, U undoes the last grade, Esc leaves the field.
 */
export function ReviewSession({ deck, concept, practise }: Props) {
  const t = useTranslations("review");
  const locale = useLocale();
  const pick = useCallback((text: Bilingual | null | undefined) => (text ? text[locale] : ""), [locale]);

  const [phase, setPhase] = useState<Phase>("loading");
  const [item, setItem] = useState<ReviewItemPayload | null>(null);
  const [remaining, setRemaining] = useState<RemainingCounts | null>(null);
  const [result, setResult] = useState<AnswerPayload | null>(null);
  const [invalid, setInvalid] = useState<AnswerPayload | null>(null);
  const [response, setResponse] = useState("");
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [suspendedReview, setSuspendedReview] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [history, setHistory] = useState<SessionGrade[]>([]);
  const [reporting, setReporting] = useState(false);
  const [reportText, setReportText] = useState("");

  const shownAt = useRef(0);
  const answerInput = useRef<HTMLInputElement>(null);
  const revealButton = useRef<HTMLButtonElement>(null);
  const grades = useRef<GradeButtonsHandle>(null);
  const headingId = useId();
  const hintId = useId();
  const busyRef = useRef(false);
  // After an undo the card comes back answered: focus goes to the answer field, never to a grade,
  // so that typing the answer again cannot grade the card on its first keystroke.
  const cameBackFromUndo = useRef(false);
  const cardTop = useRef<HTMLElement>(null);

  const describeState = useCallback(
    (state: PublicCardState) => {
      const easiness = state.easiness.toFixed(2);
      if (state.redrillToday) return t("stateAgain", { easiness });
      if (state.dueDate === null) return t("stateNew");
      return t("stateDue", { date: state.dueDate, interval: state.interval ?? 0, easiness });
    },
    [t],
  );

  const fail = useCallback((cause: unknown) => {
    setError(cause instanceof ApiError || cause instanceof Error ? cause.message : String(cause));
  }, []);

  /** Runs one request at a time: a second key press while one is in flight does nothing. */
  const exclusive = useCallback(async (work: () => Promise<void>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (cause) {
      fail(cause);
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }, [fail]);

  const show = useCallback((next: ReviewItemPayload | null) => {
    setItem(next);
    setResponse("");
    setInvalid(null);
    setReporting(false);
    setReportText("");
    setResult(next?.answer ?? null);
    setPhase(next === null ? "empty" : next.answer ? "feedback" : "question");
    shownAt.current = performance.now();
  }, []);

  const loadNext = useCallback(async () => {
    const next = await reviewApi.next({ deck, concept });
    setRemaining(next.remaining);
    show(next.item);
  }, [deck, concept, show]);

  useEffect(() => {
    let cancelled = false;
    reviewApi
      .next({ deck, concept })
      .then((next) => {
        if (cancelled) return;
        setRemaining(next.remaining);
        show(next.item);
      })
      .catch((cause: unknown) => {
        if (cancelled) return;
        fail(cause);
        setPhase("error");
      });
    return () => {
      cancelled = true;
    };
  }, [deck, concept, show, fail]);

  // Focus follows the loop: the answer field (or the reveal button) for a question, the suggested
  // grade after a check, the answer field (or the card) when an undo brings a card back.
  useEffect(() => {
    if (phase === "question") (item?.selfGraded ? revealButton.current : answerInput.current)?.focus();
    if (phase === "feedback") {
      if (cameBackFromUndo.current) (answerInput.current ?? cardTop.current)?.focus();
      else grades.current?.focusSuggested();
    }
    cameBackFromUndo.current = false;
  }, [phase, item?.reviewId, item?.selfGraded]);

  // A self-graded card is judged by the student alone: no grade is preselected, so Enter cannot rate it.
  const suggestedGrade = result && result.status !== "revealed" ? result.suggestedGrade : null;

  const elapsed = () => Math.max(0, Math.round(performance.now() - shownAt.current));

  const check = useCallback(
    (typed: string) =>
      exclusive(async () => {
        if (!item) return;
        const checked = await reviewApi.answer(item.reviewId, typed, elapsed());
        if (checked.status === "invalid") {
          setInvalid(checked);
          answerInput.current?.focus();
          return;
        }
        setInvalid(null);
        setResult(checked);
        setPhase("feedback");
      }),
    [exclusive, item],
  );

  const grade = useCallback(
    (value: GradeValue) =>
      exclusive(async () => {
        if (!item) return;
        const outcome = await reviewApi.grade(item.reviewId, value);
        setHistory((past) => [
          ...past.filter((entry) => entry.reviewId !== item.reviewId),
          { reviewId: item.reviewId, cardId: item.cardId, grade: outcome.grade, status: result?.status ?? null, durationMs: result?.durationMs ?? elapsed() },
        ]);
        const easiness = outcome.state.easiness.toFixed(2);
        setNotice(
          outcome.state.redrillToday
            ? t("savedAgain", { easiness })
            : t("saved", { date: outcome.state.dueDate ?? "", interval: outcome.state.interval ?? 0, easiness }),
        );
        setSuspendedReview(null);
        await loadNext();
      }),
    [exclusive, item, result, loadNext, t],
  );

  const undo = useCallback(
    () =>
      exclusive(async () => {
        const last = history.at(-1);
        if (!last) return;
        const outcome = await reviewApi.undo(last.reviewId);
        setHistory((past) => past.slice(0, -1));
        setNotice(t("undone", { state: describeState(outcome.state) }));
        setSuspendedReview(null);
        cameBackFromUndo.current = true;
        // The same question is pending again (outcome.item); asking for the next card returns it
        // together with the queue's counts as they are after the undo.
        await loadNext();
      }),
    [exclusive, history, loadNext, describeState, t],
  );

  const suspend = useCallback(
    () =>
      exclusive(async () => {
        if (!item) return;
        await reviewApi.suspend(item.reviewId, true);
        setNotice(t("actions.suspended"));
        setSuspendedReview(item.reviewId);
        await loadNext();
      }),
    [exclusive, item, loadNext, t],
  );

  const unsuspend = useCallback(
    () =>
      exclusive(async () => {
        if (!suspendedReview) return;
        await reviewApi.suspend(suspendedReview, false);
        setNotice(t("actions.unsuspended"));
        setSuspendedReview(null);
        if (phase === "empty") await loadNext();
      }),
    [exclusive, suspendedReview, phase, loadNext, t],
  );

  const bury = useCallback(
    () =>
      exclusive(async () => {
        if (!item) return;
        await reviewApi.bury(item.reviewId);
        setNotice(t("actions.buried"));
        setSuspendedReview(null);
        await loadNext();
      }),
    [exclusive, item, loadNext, t],
  );

  const sendReport = useCallback(
    (event: FormEvent) => {
      event.preventDefault();
      void exclusive(async () => {
        if (!item || reportText.trim() === "") return;
        await reviewApi.report(item.reviewId, reportText.trim());
        setReporting(false);
        setReportText("");
        setNotice(t("report.sent"));
      });
    },
    [exclusive, item, reportText, t],
  );

  // Global shortcuts.
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey) return;
      const target = event.target;
      const editing = isEditable(target);
      const onButton = target instanceof HTMLElement && target.closest("button, a, summary") !== null;
      if (event.key === "Escape" && editing) {
        target.blur();
        return;
      }
      if (reporting && editing) return;
      if ((event.key === "u" || event.key === "U") && history.length > 0) {
        const emptyAnswerField = target === answerInput.current && response === "" && item !== null && U_SAFE_FORMATS.has(item.answerFormat);
        if (!editing || emptyAnswerField) {
          event.preventDefault();
          void undo();
          return;
        }
      }
      if (phase === "feedback" && result && !editing) {
        if (/^[0-5]$/.test(event.key)) {
          event.preventDefault();
          void grade(Number(event.key) as GradeValue);
        } else if (event.key === "Enter" && !onButton && suggestedGrade !== null) {
          event.preventDefault();
          void grade(suggestedGrade);
        }
        return;
      }
      if (phase === "question" && item?.selfGraded && event.key === " " && !editing && !onButton) {
        event.preventDefault();
        void check("");
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [phase, result, suggestedGrade, item, history, response, reporting, grade, undo, check]);

  const feedbackText = useMemo(() => {
    if (invalid) return `${t("feedback.invalid")}${invalid.reason ? ` ${pick(invalid.reason)}` : ""}`;
    if (!result || phase !== "feedback") return "";
    const head = t(`feedback.${result.status === "invalid" ? "wrong" : result.status}`);
    const shown = (value: string) =>
      answerForDisplay(value, { format: item?.answerFormat ?? "", locale, choices: item?.choices, words: { true: t("feedback.true"), false: t("feedback.false") } });
    const readAsValue = result.readAs ? shown(result.readAs) : "";
    const readAs = result.readAs ? ` — ${t("feedback.readAs", { value: asInstrumental(readAsValue, locale) })}` : "";
    const expectedValue = result.expectedByLanguage?.[locale] ?? result.expected;
    const expected = result.status === "wrong" && expectedValue ? `. ${t("feedback.expected", { value: shown(expectedValue) })}` : "";
    return `${head}${readAs}${expected}`;
  }, [invalid, result, phase, t, pick, locale, item?.answerFormat, item?.choices]);

  const conceptLabel = item?.conceptName ? pick(item.conceptName) : (concept ?? "");

  return (
    <div className="space-y-6">
      {concept ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          {t("filteredConcept", { name: conceptLabel })}{" "}
          <Link className="link" href="/review">
            {t("showAll")}
          </Link>
        </p>
      ) : null}

      {remaining ? (
        <div className="flex flex-wrap items-center gap-2 text-sm" aria-label={t("progress.label")} data-testid="remaining">
          <span className="font-medium">{t("progress.label")}:</span>
          <span className="rounded-full bg-sky-100 px-2 py-0.5 text-sky-900 dark:bg-sky-950 dark:text-sky-100">{t("progress.due", { count: remaining.due })}</span>
          <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">{t("progress.new", { count: remaining.new })}</span>
          <span className="rounded-full bg-amber-100 px-2 py-0.5 text-amber-900 dark:bg-amber-950 dark:text-amber-100">{t("progress.redrill", { count: remaining.redrill })}</span>
          <span className="text-slate-600 dark:text-slate-400" data-testid="session-count">
            {t("progress.session", { count: history.length })}
          </span>
        </div>
      ) : null}

      <div role="status" aria-live="polite" className="min-h-6 text-sm text-slate-700 dark:text-slate-300" data-testid="review-notice">
        {notice}
        {suspendedReview ? (
          <>
            {" "}
            <button type="button" className="link" onClick={() => void unsuspend()}>
              {t("actions.unsuspend")}
            </button>
          </>
        ) : null}
      </div>

      {error ? (
        <div role="alert" className="card border-red-300 text-red-800 dark:border-red-800 dark:text-red-200">
          <p>{t("error", { message: error })}</p>
          <button type="button" className="btn-secondary mt-3" onClick={() => void exclusive(loadNext)}>
            {t("retry")}
          </button>
        </div>
      ) : null}

      {phase === "loading" ? (
        <p className="card animate-pulse text-slate-600 dark:text-slate-400" aria-busy="true">
          {t("loading")}
        </p>
      ) : null}

      {phase === "empty" ? (
        <section className="card space-y-3" aria-labelledby={headingId} data-testid="review-empty">
          <h2 id={headingId} className="text-xl font-semibold">
            {t("empty.title")}
          </h2>
          <p className="text-slate-700 dark:text-slate-300">{concept && practise.length > 0 ? t("empty.concept") : t("empty.body")}</p>
          {concept && practise.length > 0 ? (
            <ul className="list-disc space-y-1 pl-6">
              {practise.map((link) => (
                <li key={link.itemId}>
                  <Link className="link" href={`/practice/${encodeURIComponent(link.itemId)}`}>
                    {t("empty.practise", { name: pick(link.title) })}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
          <p>
            <Link className="link" href="/stats">
              {t("empty.stats")}
            </Link>
          </p>
        </section>
      ) : null}

      {phase === "empty" && history.length > 0 ? <SessionSummary history={history} /> : null}

      {item && (phase === "question" || phase === "feedback") ? (
        <article ref={cardTop} tabIndex={-1} className="card space-y-5 focus:outline-none" aria-labelledby={headingId} data-testid="review-card" data-card-id={item.cardId} data-review-id={item.reviewId} data-kind={item.kind} data-item-type={item.itemType}>
          <header className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id={headingId} className="text-sm font-medium text-slate-600 dark:text-slate-400">
              <span className="sr-only">{t("card.label")}: </span>
              {t("card.deckConcept", { deck: pick(item.deckTitle) || item.deckId, concept: conceptLabel || item.concept })}
            </h2>
            <span
              className={[
                "rounded-full px-2 py-0.5 text-xs font-semibold",
                item.kind === "new"
                  ? "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100"
                  : item.kind === "redrill"
                    ? "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100"
                    : "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-100",
              ].join(" ")}
              data-testid="card-kind"
            >
              {t(`kind.${item.kind}`)}
            </span>
          </header>

          <div className="text-lg" data-testid="prompt">
            <MathHtml html={pick(item.promptHtml)} lang={locale} />
          </div>

          {item.choices ? (
            <ol className="space-y-2" aria-label={t("answer.choicesLabel")}>
              {item.choices.map((choice) => (
                <li key={choice.letter}>
                  {/* A tap selects; Check (or Enter in the field) confirms: a mis-tap on a phone costs nothing. */}
                  <button
                    type="button"
                    disabled={phase !== "question" || busy}
                    aria-pressed={response.trim().toUpperCase() === choice.letter}
                    data-testid="choice-option"
                    onClick={() => {
                      setResponse(choice.letter);
                      if (invalid) setInvalid(null);
                    }}
                    className="flex w-full items-start gap-3 rounded-lg border border-slate-200 px-3 py-2 text-left hover:bg-slate-50 disabled:cursor-default disabled:hover:bg-transparent aria-pressed:border-accent-500 aria-pressed:bg-accent-50 aria-pressed:ring-2 aria-pressed:ring-accent-500 dark:border-slate-700 dark:hover:bg-slate-800 dark:aria-pressed:bg-slate-800"
                  >
                    <span className="font-mono font-bold">{choice.letter}</span>
                    <MathHtml html={pick(choice.html)} inline lang={locale} />
                  </button>
                </li>
              ))}
            </ol>
          ) : null}

          {phase === "question" && item.selfGraded ? (
            <div className="space-y-2">
              <p className="text-sm text-slate-600 dark:text-slate-400">{t("answer.hints.self")}</p>
              <button ref={revealButton} type="button" className="btn-primary" disabled={busy} onClick={() => void check("")} aria-keyshortcuts="Space" data-testid="reveal-answer">
                {t("answer.reveal")}
              </button>
            </div>
          ) : null}

          {!item.selfGraded ? (
            <form
              className="space-y-2"
              onSubmit={(event) => {
                event.preventDefault();
                if (phase === "question") void check(response);
              }}
            >
              <label htmlFor="review-answer" className="field-label">
                {t("answer.label")}
              </label>
              <div className="flex flex-col gap-2 sm:flex-row">
                <input
                  id="review-answer"
                  ref={answerInput}
                  className="field-input sm:mt-0"
                  value={phase === "feedback" && result?.status !== "revealed" ? response || (result?.readAs ?? "") : response}
                  onChange={(event) => {
                    setResponse(event.target.value);
                    if (invalid) setInvalid(null);
                  }}
                  readOnly={phase !== "question"}
                  aria-invalid={invalid ? "true" : undefined}
                  aria-describedby={`${hintId}${invalid ? " review-invalid" : ""}`}
                  autoComplete="off"
                  autoCapitalize="off"
                  spellCheck={false}
                  inputMode={item.answerFormat === "integer" || item.answerFormat === "number" ? "decimal" : "text"}
                  enterKeyHint="done"
                />
                {phase === "question" ? (
                  <button type="submit" className="btn-primary shrink-0" disabled={busy} aria-keyshortcuts="Enter" data-testid="check-answer">
                    {busy ? t("answer.checking") : t("answer.check")}
                  </button>
                ) : null}
              </div>
              <p id={hintId} className="text-xs text-slate-600 dark:text-slate-400">
                {t(`answer.hints.${item.answerFormat}`)}
              </p>
              {item.answerFormat === "boolean" && phase === "question" ? (
                <div className="flex gap-2">
                  <button type="button" className="btn-secondary" disabled={busy} onClick={() => void check("T")} data-testid="answer-true">
                    {t("answer.trueLabel")}
                  </button>
                  <button type="button" className="btn-secondary" disabled={busy} onClick={() => void check("F")}>
                    {t("answer.falseLabel")}
                  </button>
                </div>
              ) : null}
            </form>
          ) : null}

          <div aria-live="polite" data-testid="feedback">
            {invalid ? (
              <p id="review-invalid" className="rounded-lg bg-amber-50 px-3 py-2 text-amber-900 dark:bg-amber-950 dark:text-amber-100">
                {feedbackText}
              </p>
            ) : null}
            {phase === "feedback" && result ? (
              <p
                className={[
                  "rounded-lg px-3 py-2 font-medium",
                  result.status === "correct"
                    ? "bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100"
                    : result.status === "wrong"
                      ? "bg-rose-50 text-rose-900 dark:bg-rose-950 dark:text-rose-100"
                      : "bg-slate-100 text-slate-900 dark:bg-slate-800 dark:text-slate-100",
                ].join(" ")}
                data-status={result.status}
              >
                {feedbackText}
                {result.mistakeHtml ? <MathHtml html={pick(result.mistakeHtml)} inline lang={locale} className="mt-1 block font-normal" /> : null}
              </p>
            ) : null}
          </div>

          {phase === "feedback" && result?.solutionHtml ? (
            <section className="space-y-3 border-t border-slate-200 pt-4 dark:border-slate-800" aria-label={t("feedback.solution")}>
              <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{t("feedback.solution")}</h3>
              <MathHtml html={pick(result.solutionHtml)} lang={locale} />
              {result.architecture ? (
                <figure className="overflow-x-auto">
                  <figcaption className="sr-only">{t("feedback.network")}</figcaption>
                  <SolutionDiagram spec={result.architecture} asked={result.architectureAsk} />
                </figure>
              ) : null}
            </section>
          ) : null}

          {phase === "feedback" && result ? <GradeButtons ref={grades} suggested={suggestedGrade} disabled={busy} onGrade={(value) => void grade(value)} /> : null}

          <footer className="flex flex-wrap gap-2 border-t border-slate-200 pt-4 dark:border-slate-800" aria-label={t("actions.label")}>
            <button type="button" className="btn-secondary" disabled={busy} onClick={() => void suspend()}>
              {t("actions.suspend")}
            </button>
            <button type="button" className="btn-secondary" disabled={busy} onClick={() => void bury()}>
              {t("actions.bury")}
            </button>
            <button type="button" className="btn-secondary" disabled={busy} aria-expanded={reporting} onClick={() => setReporting((open) => !open)}>
              {t("actions.report")}
            </button>
            {history.length > 0 ? (
              <button type="button" className="btn-secondary ml-auto" disabled={busy} onClick={() => void undo()} aria-keyshortcuts="U" data-testid="undo">
                {t("undo")}
              </button>
            ) : null}
          </footer>

          {reporting ? (
            <form className="space-y-2" onSubmit={sendReport}>
              <label htmlFor="review-report" className="field-label">
                {t("report.label")}
              </label>
              <textarea
                id="review-report"
                className="field-input min-h-24"
                value={reportText}
                maxLength={MAX_ANSWER_LENGTH}
                placeholder={t("report.placeholder")}
                onChange={(event) => setReportText(event.target.value)}
                autoFocus
              />
              <div className="flex gap-2">
                <button type="submit" className="btn-primary" disabled={busy || reportText.trim() === ""}>
                  {t("report.send")}
                </button>
                <button type="button" className="btn-secondary" onClick={() => setReporting(false)}>
                  {t("report.cancel")}
                </button>
              </div>
            </form>
          ) : null}
        </article>
      ) : null}

      {phase === "empty" && history.length > 0 ? (
        <p>
          <button type="button" className="btn-secondary" disabled={busy} onClick={() => void undo()} aria-keyshortcuts="U">
            {t("undo")}
          </button>
        </p>
      ) : null}

      <aside className="grid items-start gap-4 sm:grid-cols-2">
        <section className="keyboard-only card text-sm" aria-labelledby="review-shortcuts" data-testid="shortcuts">
          <h2 id="review-shortcuts" className="mb-2 font-semibold">
            {t("shortcuts.title")}
          </h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
            {(
              [
                ["Enter", "enter"],
                ["Space", "space"],
                ["0–5", "grades"],
                ["U", "undo"],
                ["Esc", "escape"],
              ] as const
            ).map(([key, label]) => (
              <div key={key} className="contents">
                <dt>
                  <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs dark:border-slate-700 dark:bg-slate-800">{key}</kbd>
                </dt>
                <dd className="text-slate-700 dark:text-slate-300">{t(`shortcuts.${label}`)}</dd>
              </div>
            ))}
          </dl>
        </section>
        <ReviewSettingsForm onSaved={() => void exclusive(loadNext)} />
      </aside>
    </div>
  );
}

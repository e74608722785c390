"use client";
import { useLocale, useTranslations } from "next-intl";
import { answerForDisplay } from "@/app/_components/read-as";
import { asInstrumental } from "@/app/_components/korean-particle";
import Link from "next/link";
import { useCallback, useEffect, useId, useMemo, useReducer, useRef } from "react";
import type { Bilingual } from "@/lib/questions";
import type { PublicCardState } from "@/lib/server/review/review-types";
import type { NextReviewPayload } from "@/lib/server/review/review-payload";
import { MathHtml } from "@/app/_components/math-html";
import { AnswerForm } from "@/app/_components/question-card/answer-form";
import { QuestionCard, verdictTone } from "@/app/_components/question-card/question-card";
import { RevealAnswer } from "@/app/_components/question-card/reveal-answer";
import { ShortcutList } from "@/app/_components/question-card/shortcut-list";
import { reviewApi } from "./api-client";
import { ApiError } from "@/lib/api-client";
import { GradeButtons, type GradeButtonsHandle, type GradeValue } from "./_components/grade-buttons";
import { ReportDialog } from "./_components/report-dialog";
import { SessionSummary } from "./_components/session-summary";
import { ReviewSettingsForm } from "./_components/review-settings-form";
import { SolutionDiagram } from "@/app/_components/solution-parts";
import { initialReviewState, reviewReducer, suggestedGrade as suggestedGradeOf } from "./review-machine";

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

function reason(cause: unknown): string {
  return cause instanceof ApiError || cause instanceof Error ? cause.message : String(cause);
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

  const [state, dispatch] = useReducer(reviewReducer, initialReviewState);
  const { phase, item, remaining, result, invalid, response, busy, notice, suspendedReview, error, history, cameBackFromUndo } = state;
  const { open: reporting, text: reportText } = state.report;

  const shownAt = useRef(0);
  const answerInput = useRef<HTMLInputElement>(null);
  const revealButton = useRef<HTMLButtonElement>(null);
  const grades = useRef<GradeButtonsHandle>(null);
  const headingId = useId();
  const hintId = useId();
  const busyRef = useRef(false);
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

  /** Runs one request at a time: a second key press while one is in flight does nothing. */
  const exclusive = useCallback(async (work: () => Promise<void>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    dispatch({ type: "requestStarted" });
    try {
      await work();
    } catch (cause) {
      dispatch({ type: "requestFailed", message: reason(cause) });
    } finally {
      busyRef.current = false;
      dispatch({ type: "requestEnded" });
    }
  }, []);

  const show = useCallback((next: NextReviewPayload, afterUndo = false) => {
    dispatch({ type: "cardLoaded", next, afterUndo });
    shownAt.current = performance.now();
  }, []);

  const loadNext = useCallback(async (afterUndo = false) => {
    const next = await reviewApi.next({ deck, concept });
    show(next, afterUndo);
  }, [deck, concept, show]);

  useEffect(() => {
    let cancelled = false;
    reviewApi
      .next({ deck, concept })
      .then((next) => {
        if (cancelled) return;
        show(next);
      })
      .catch((cause: unknown) => {
        if (cancelled) return;
        dispatch({ type: "loadFailed", message: reason(cause) });
      });
    return () => {
      cancelled = true;
    };
  }, [deck, concept, show]);

  // Focus follows the loop: the answer field (or the reveal button) for a question, the suggested
  // grade after a check, the answer field (or the card) when an undo brings a card back.
  useEffect(() => {
    if (phase === "question") (item?.selfGraded ? revealButton.current : answerInput.current)?.focus();
    if (phase === "feedback") {
      if (cameBackFromUndo) (answerInput.current ?? cardTop.current)?.focus();
      else grades.current?.focusSuggested();
    }
  }, [phase, item?.reviewId, item?.selfGraded, cameBackFromUndo]);

  // A self-graded card is judged by the student alone: no grade is preselected, so Enter cannot rate it.
  const suggestedGrade = suggestedGradeOf(state);

  const elapsed = () => Math.max(0, Math.round(performance.now() - shownAt.current));

  const check = useCallback(
    (typed: string) =>
      exclusive(async () => {
        if (!item) return;
        const checked = await reviewApi.answer(item.reviewId, typed, elapsed());
        dispatch({ type: "answerChecked", answer: checked });
        if (checked.status === "invalid") answerInput.current?.focus();
      }),
    [exclusive, item],
  );

  const grade = useCallback(
    (value: GradeValue) =>
      exclusive(async () => {
        if (!item) return;
        const outcome = await reviewApi.grade(item.reviewId, value);
        const easiness = outcome.state.easiness.toFixed(2);
        dispatch({
          type: "graded",
          entry: { reviewId: item.reviewId, cardId: item.cardId, grade: outcome.grade, status: result?.status ?? null, durationMs: result?.durationMs ?? elapsed() },
          notice: outcome.state.redrillToday
            ? t("savedAgain", { easiness })
            : t("saved", { date: outcome.state.dueDate ?? "", interval: outcome.state.interval ?? 0, easiness }),
        });
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
        dispatch({ type: "undone", notice: t("undone", { state: describeState(outcome.state) }) });
        // The same question is pending again (outcome.item); asking for the next card returns it
        // together with the queue's counts as they are after the undo.
        await loadNext(true);
      }),
    [exclusive, history, loadNext, describeState, t],
  );

  const suspend = useCallback(
    () =>
      exclusive(async () => {
        if (!item) return;
        await reviewApi.suspend(item.reviewId, true);
        dispatch({ type: "suspended", reviewId: item.reviewId, notice: t("actions.suspended") });
        await loadNext();
      }),
    [exclusive, item, loadNext, t],
  );

  const unsuspend = useCallback(
    () =>
      exclusive(async () => {
        if (!suspendedReview) return;
        await reviewApi.suspend(suspendedReview, false);
        dispatch({ type: "unsuspended", notice: t("actions.unsuspended") });
        if (phase === "empty") await loadNext();
      }),
    [exclusive, suspendedReview, phase, loadNext, t],
  );

  const bury = useCallback(
    () =>
      exclusive(async () => {
        if (!item) return;
        await reviewApi.bury(item.reviewId);
        dispatch({ type: "buried", notice: t("actions.buried") });
        await loadNext();
      }),
    [exclusive, item, loadNext, t],
  );

  const sendReport = useCallback(
    () =>
      exclusive(async () => {
        if (!item || reportText.trim() === "") return;
        await reviewApi.report(item.reviewId, reportText.trim());
        dispatch({ type: "reportSent", notice: t("report.sent") });
      }),
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
        <QuestionCard
          ref={cardTop}
          tabIndex={-1}
          className="focus:outline-none"
          aria-labelledby={headingId}
          data-testid="review-card"
          data-card-id={item.cardId}
          data-review-id={item.reviewId}
          data-kind={item.kind}
          data-item-type={item.itemType}
          promptHtml={pick(item.promptHtml)}
          lang={locale}
          header={
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
          }
        >
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
                    onClick={() => dispatch({ type: "responseTyped", response: choice.letter })}
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
            <RevealAnswer buttonRef={revealButton} disabled={busy} onReveal={() => void check("")} labels={{ hint: t("answer.hints.self"), reveal: t("answer.reveal") }} />
          ) : null}

          {!item.selfGraded ? (
            <AnswerForm
              inputId="review-answer"
              inputRef={answerInput}
              format={item.answerFormat}
              value={phase === "feedback" && result?.status !== "revealed" ? response || (result?.readAs ?? "") : response}
              onChange={(typed) => dispatch({ type: "responseTyped", response: typed })}
              onSubmit={() => void check(response)}
              checked={phase !== "question"}
              invalid={invalid !== null}
              describedBy={`${hintId}${invalid ? " review-invalid" : ""}`}
              busy={busy}
              checking={busy}
              hintId={hintId}
              labels={{ answer: t("answer.label"), check: t("answer.check"), checking: t("answer.checking"), hint: t(`answer.hints.${item.answerFormat}`) }}
            >
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
            </AnswerForm>
          ) : null}

          <div aria-live="polite" data-testid="feedback">
            {invalid ? (
              <p id="review-invalid" className="rounded-lg bg-amber-50 px-3 py-2 text-amber-900 dark:bg-amber-950 dark:text-amber-100">
                {feedbackText}
              </p>
            ) : null}
            {phase === "feedback" && result ? (
              <p className={`rounded-lg px-3 py-2 font-medium ${verdictTone(result.status)}`} data-status={result.status}>
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
            <button type="button" className="btn-secondary" disabled={busy} aria-expanded={reporting} onClick={() => dispatch({ type: "reportToggled" })}>
              {t("actions.report")}
            </button>
            {history.length > 0 ? (
              <button type="button" className="btn-secondary ml-auto" disabled={busy} onClick={() => void undo()} aria-keyshortcuts="U" data-testid="undo">
                {t("undo")}
              </button>
            ) : null}
          </footer>

          {reporting ? (
            <ReportDialog
              text={reportText}
              busy={busy}
              onChange={(text) => dispatch({ type: "reportTyped", text })}
              onSend={() => void sendReport()}
              onCancel={() => dispatch({ type: "reportClosed" })}
            />
          ) : null}
        </QuestionCard>
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
          <ShortcutList
            shortcuts={(
              [
                ["Enter", "enter"],
                ["Space", "space"],
                ["0–5", "grades"],
                ["U", "undo"],
                ["Esc", "escape"],
              ] as const
            ).map(([key, label]) => [key, t(`shortcuts.${label}`)] as const)}
          />
        </section>
        <ReviewSettingsForm onSaved={() => void exclusive(loadNext)} />
      </aside>
    </div>
  );
}

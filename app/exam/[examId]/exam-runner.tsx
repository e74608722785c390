"use client";
import type { Locale } from "next-intl";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import type { Bilingual } from "@/lib/questions";
import type { ExamQuestionView, RunningExam } from "@/lib/server/exams/exams";
import { MathHtml } from "@/app/_components/math-html";
import { ApiError, callApi } from "@/lib/api-client";
import { crossedThreshold, formatClock, remainingMs } from "./exam-timer";
import { MAX_ANSWER_LENGTH } from "@/lib/schemas/limits";

type SaveState = "idle" | "saving" | "saved" | "unreadable" | "error";

const SAVE_DELAY_MS = 700;

/**
 * A running exam: every question on one page with its answer field, saved as the student types (no
 * verdicts), and a clock that runs from the server's deadline. At zero the page submits by itself;
 * the server would anyway (it closes an exam read after its deadline), so a reload or a closed tab
 * never extends the time.
 */
export function ExamRunner({ initial }: { initial: RunningExam }) {
  const t = useTranslations("exam");
  const locale = useLocale();
  const pick = useCallback((text: Bilingual | null | undefined) => (text ? text[locale] : ""), [locale]);
  const router = useRouter();

  // Server clock − browser clock, measured when the page was rendered.
  const [offsetMs] = useState(() => Date.parse(initial.serverNow) - Date.now());
  const [left, setLeft] = useState(() => remainingMs(initial.deadlineAt, Date.now(), offsetMs));
  const [announcement, setAnnouncement] = useState(() => t("timer.start", { time: formatClock(initial.remainingMs) }));
  const [answers, setAnswers] = useState<Record<number, string>>(() =>
    Object.fromEntries(initial.questions.map((q) => [q.position, q.response ?? ""])),
  );
  const [saveStates, setSaveStates] = useState<Record<number, SaveState>>({});
  const [submitting, setSubmitting] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const latest = useRef<Record<number, string>>({ ...answers });
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  const chains = useRef(new Map<number, Promise<void>>());
  const submittedRef = useRef(false);
  const examUrl = `/api/exams/${encodeURIComponent(initial.id)}`;

  /** Saves one answer; saves of one question run in order, so the last typed value wins. */
  const save = useCallback(
    (position: number) => {
      const pending = timers.current.get(position);
      if (pending) clearTimeout(pending);
      timers.current.delete(position);
      const previous = chains.current.get(position) ?? Promise.resolve();
      const next = previous.then(async () => {
        if (submittedRef.current) return;
        const value = latest.current[position] ?? "";
        setSaveStates((s) => ({ ...s, [position]: "saving" }));
        try {
          const outcome = await callApi<{ readable: boolean }>("PUT", `${examUrl}/answers/${position}`, { response: value });
          setSaveStates((s) => ({ ...s, [position]: outcome.readable ? "saved" : "unreadable" }));
        } catch (cause) {
          setSaveStates((s) => ({ ...s, [position]: "error" }));
          // 409: the time ran out or the exam was submitted elsewhere; show the result.
          if (cause instanceof ApiError && cause.status === 409) router.refresh();
        }
      });
      chains.current.set(position, next);
      return next;
    },
    [examUrl, router],
  );

  const flush = useCallback(async () => {
    const positions = [...timers.current.keys()];
    await Promise.all([...positions.map((p) => save(p)), ...chains.current.values()]);
  }, [save]);

  const submit = useCallback(async () => {
    if (submittedRef.current) return;
    setSubmitting(true);
    setError(null);
    try {
      await flush();
      submittedRef.current = true;
      await callApi("POST", `${examUrl}/submit`);
      router.refresh();
    } catch (cause) {
      submittedRef.current = false;
      setSubmitting(false);
      setError(cause instanceof Error ? cause.message : String(cause));
    }
  }, [examUrl, flush, router]);

  // The clock: once a second, from the deadline (never counted down locally, so sleep and
  // background tabs cannot stretch it).
  useEffect(() => {
    let previous = remainingMs(initial.deadlineAt, Date.now(), offsetMs);
    const tick = () => {
      const now = remainingMs(initial.deadlineAt, Date.now(), offsetMs);
      setLeft(now);
      const crossed = crossedThreshold(previous, now);
      if (crossed !== null && now > 0) setAnnouncement(t("timer.left", { time: formatClock(crossed * 1000) }));
      previous = now;
      if (now <= 0 && !submittedRef.current) {
        setAnnouncement(t("timer.up"));
        void submit();
      }
    };
    tick();
    const id = setInterval(tick, 1000);
    return () => clearInterval(id);
  }, [initial.deadlineAt, offsetMs, submit, t]);

  // Leaving with an answer not yet sent: send it (keepalive survives the page).
  useEffect(() => {
    const onHide = () => {
      for (const position of timers.current.keys()) {
        void callApi("PUT", `${examUrl}/answers/${position}`, { response: latest.current[position] ?? "" }, { keepalive: true }).catch(() => undefined);
      }
    };
    window.addEventListener("pagehide", onHide);
    return () => window.removeEventListener("pagehide", onHide);
  }, [examUrl]);

  const change = (position: number, value: string, immediate = false) => {
    latest.current[position] = value;
    setAnswers((a) => ({ ...a, [position]: value }));
    setSaveStates((s) => ({ ...s, [position]: "idle" }));
    const pending = timers.current.get(position);
    if (pending) clearTimeout(pending);
    if (immediate) {
      timers.current.delete(position);
      void save(position);
    } else {
      timers.current.set(position, setTimeout(() => void save(position), SAVE_DELAY_MS));
    }
  };

  const answered = useMemo(() => initial.questions.filter((q) => (answers[q.position] ?? "").trim() !== "").length, [answers, initial.questions]);
  const unanswered = initial.questions.length - answered;
  const urgent = left <= 60_000;

  const focusQuestion = (position: number) => {
    const field = document.getElementById(`exam-q${position}-field`) ?? document.getElementById(`exam-q${position}`);
    field?.focus();
  };

  return (
    <div className="space-y-6" data-testid="exam-runner" data-exam-id={initial.id}>
      <div className="sticky top-0 z-10 -mx-4 border-b border-slate-200 bg-slate-50/95 px-4 py-3 backdrop-blur dark:border-slate-800 dark:bg-slate-950/95">
        <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
          <h1 className="text-xl font-bold">{t("runner.title")}</h1>
          <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="answered-count">
            {t("runner.answered", { answered, total: initial.questions.length })}
          </p>
          <div className="ml-auto flex items-center gap-3">
            <span className="text-sm text-slate-600 dark:text-slate-400" id="exam-timer-label">
              {t("timer.label")}
            </span>
            <span
              role="timer"
              aria-labelledby="exam-timer-label"
              className={`font-mono text-2xl font-bold tabular-nums ${urgent ? "text-rose-700 dark:text-rose-300" : ""}`}
              data-testid="exam-timer"
              data-remaining-ms={Math.round(left)}
            >
              {formatClock(left)}
            </span>
            <button type="button" className="btn-primary" disabled={submitting} onClick={() => (unanswered > 0 ? setConfirming(true) : void submit())}>
              {submitting ? t("runner.submitting") : t("runner.submit")}
            </button>
          </div>
        </div>
        {confirming && !submitting ? (
          <div className="mt-3 flex flex-wrap items-center gap-2 rounded-lg bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100" role="alertdialog" aria-label={t("runner.confirmTitle")}>
            <p>{t("runner.confirm", { count: unanswered })}</p>
            <button type="button" className="btn-primary" onClick={() => void submit()} autoFocus>
              {t("runner.confirmYes")}
            </button>
            <button type="button" className="btn-secondary" onClick={() => setConfirming(false)}>
              {t("runner.confirmNo")}
            </button>
          </div>
        ) : null}
        <nav aria-label={t("runner.palette")} className="mt-2">
          <ol className="flex flex-wrap gap-1">
            {initial.questions.map((q) => {
              const done = (answers[q.position] ?? "").trim() !== "";
              return (
                <li key={q.position}>
                  <a
                    href={`#exam-q${q.position}`}
                    onClick={(event) => {
                      event.preventDefault();
                      document.getElementById(`exam-q${q.position}`)?.scrollIntoView({ block: "start" });
                      focusQuestion(q.position);
                    }}
                    className={`grid h-8 w-8 place-items-center rounded-md border text-sm tabular-nums ${
                      done
                        ? "border-accent-600 bg-accent-600 text-white"
                        : "border-slate-300 bg-white text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
                    }`}
                    aria-label={done ? t("runner.paletteAnswered", { n: q.position }) : t("runner.paletteOpen", { n: q.position })}
                  >
                    {q.position}
                  </a>
                </li>
              );
            })}
          </ol>
        </nav>
      </div>

      <p role="status" aria-live="polite" className="sr-only" data-testid="timer-announcement">
        {announcement}
      </p>
      <p className="text-sm text-slate-600 dark:text-slate-400">{t("runner.rules")}</p>
      <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="practice-paused">
        {t("runner.practicePaused")}
      </p>

      {error ? (
        <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-rose-900 dark:bg-rose-950 dark:text-rose-100">
          {t("runner.error", { message: error })}
        </p>
      ) : null}

      <ol className="space-y-4">
        {initial.questions.map((q, index) => (
          <li key={q.position}>
            <Question
              question={q}
              value={answers[q.position] ?? ""}
              state={saveStates[q.position] ?? (q.response ? "saved" : "idle")}
              disabled={submitting}
              pick={pick}
              lang={locale}
              onChange={(value, immediate) => change(q.position, value, immediate)}
              onBlur={() => {
                if (timers.current.has(q.position)) void save(q.position);
              }}
              onNext={() => focusQuestion(initial.questions[index + 1]?.position ?? q.position)}
            />
          </li>
        ))}
      </ol>

      <div className="flex justify-end">
        <button type="button" className="btn-primary" disabled={submitting} onClick={() => (unanswered > 0 ? setConfirming(true) : void submit())}>
          {submitting ? t("runner.submitting") : t("runner.submit")}
        </button>
      </div>
    </div>
  );
}

interface QuestionProps {
  question: ExamQuestionView;
  value: string;
  state: SaveState;
  disabled: boolean;
  pick: (text: Bilingual | null | undefined) => string;
  lang: Locale;
  onChange: (value: string, immediate: boolean) => void;
  onBlur: () => void;
  onNext: () => void;
}

function Question({ question: q, value, state, disabled, pick, lang, onChange, onBlur, onNext }: QuestionProps) {
  const t = useTranslations("exam");
  const headingId = `exam-q${q.position}-heading`;
  const hintId = `exam-q${q.position}-hint`;
  const stateId = `exam-q${q.position}-state`;
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      onChange(event.currentTarget.value, true);
      onNext();
    }
  };
  // A choice's text comes typeset from the server; true and false are the page's own words.
  const options: { value: string; label: ReactNode }[] | null = q.choices
    ? q.choices.map((choice) => ({ value: choice.letter, label: <MathHtml html={pick(choice.html)} inline lang={lang} /> }))
    : q.answerFormat === "boolean"
      ? [
          { value: "T", label: <span>{t("answer.true")}</span> },
          { value: "F", label: <span>{t("answer.false")}</span> },
        ]
      : null;

  return (
    <article id={`exam-q${q.position}`} tabIndex={-1} className="card scroll-mt-40 space-y-4" aria-labelledby={headingId} data-testid="exam-question" data-position={q.position}>
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="font-semibold">
          {t("runner.question", { n: q.position })}
          <span className="ml-2 text-sm font-normal text-slate-600 dark:text-slate-400">{pick(q.conceptName) || q.concept}</span>
        </h2>
        <span id={stateId} className="text-xs text-slate-600 dark:text-slate-400" data-testid="save-state" data-state={state}>
          {state === "idle" ? "" : t(`save.${state}`)}
        </span>
      </header>
      <div className="text-lg" data-testid="exam-prompt">
        <MathHtml html={pick(q.promptHtml)} lang={lang} />
      </div>
      {options ? (
        <fieldset className="space-y-2" aria-describedby={stateId}>
          <legend className="sr-only">{t("answer.options")}</legend>
          {options.map((option, i) => (
            <label
              key={option.value}
              className="flex cursor-pointer items-start gap-3 rounded-lg border border-slate-200 px-3 py-2 hover:bg-slate-50 has-[:checked]:border-accent-600 has-[:checked]:bg-accent-50 dark:border-slate-700 dark:hover:bg-slate-800 dark:has-[:checked]:bg-slate-800"
            >
              <input
                id={i === 0 ? `exam-q${q.position}-field` : undefined}
                type="radio"
                name={`exam-q${q.position}`}
                value={option.value}
                checked={value === option.value}
                disabled={disabled}
                onChange={() => onChange(option.value, true)}
                className="mt-1 h-4 w-4 accent-accent-600"
              />
              {q.choices ? <span className="font-mono font-bold">{option.value}</span> : null}
              {option.label}
            </label>
          ))}
        </fieldset>
      ) : (
        <div className="space-y-1">
          <label htmlFor={`exam-q${q.position}-field`} className="field-label">
            {t("answer.label")}
          </label>
          <input
            id={`exam-q${q.position}-field`}
            className="field-input"
            value={value}
            disabled={disabled}
            onChange={(event) => onChange(event.target.value, false)}
            onBlur={onBlur}
            onKeyDown={onKeyDown}
            aria-describedby={`${hintId} ${stateId}`}
            aria-invalid={state === "unreadable" ? "true" : undefined}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            inputMode={q.answerFormat === "integer" || q.answerFormat === "number" ? "decimal" : "text"}
            enterKeyHint="next"
            maxLength={MAX_ANSWER_LENGTH}
          />
          <p id={hintId} className="text-xs text-slate-600 dark:text-slate-400">
            {t(`answer.hints.${q.answerFormat}`)}
          </p>
        </div>
      )}
    </article>
  );
}

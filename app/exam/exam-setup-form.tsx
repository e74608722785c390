"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { ApiError, callApi } from "@/lib/api-client";
import { MAX_QUESTIONS, MAX_TIME_LIMIT_SECONDS } from "@/lib/schemas/exams";
import { WholeNumberField, wholeNumberFrom1To } from "./whole-number-field";

interface DeckChoice {
  id: string;
  title: string;
  cards: number;
}

const MAX_MINUTES = MAX_TIME_LIMIT_SECONDS / 60;

/** Decks, number of questions, time limit, "count as reviews": starts the exam and opens it. */
export function ExamSetupForm({ decks }: { decks: DeckChoice[] }) {
  const t = useTranslations("exam");
  const router = useRouter();
  const [chosen, setChosen] = useState<string[]>(decks.slice(0, 1).map((deck) => deck.id));
  const [questions, setQuestions] = useState("10");
  const [minutes, setMinutes] = useState("10");
  const [countAsReviews, setCountAsReviews] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState<string | null>(null);
  const reviewsId = useId();
  const errorId = useId();

  const questionCount = wholeNumberFrom1To(questions, MAX_QUESTIONS);
  const minuteCount = wholeNumberFrom1To(minutes, MAX_MINUTES);
  const ready = chosen.length > 0 && questionCount !== null && minuteCount !== null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || !ready) return;
    setBusy(true);
    setError(null);
    setRunning(null);
    try {
      const started = await callApi<{ exam: { id: string } }>("POST", "/api/exams", {
        deckIds: chosen,
        questionCount,
        timeLimitSeconds: minuteCount * 60,
        countAsReviews,
      });
      router.push(`/exam/${encodeURIComponent(started.exam.id)}`);
    } catch (cause) {
      if (cause instanceof ApiError && cause.status === 409 && cause.fields?.examId?.[0]) setRunning(cause.fields.examId[0]);
      setError(cause instanceof Error ? cause.message : String(cause));
      setBusy(false);
    }
  }

  return (
    <form className="card max-w-2xl space-y-5" onSubmit={(event) => void submit(event)} aria-describedby={error ? errorId : undefined} data-testid="exam-setup">
      <fieldset className="space-y-2">
        <legend className="field-label">{t("setup.decks")}</legend>
        <ul className="space-y-1">
          {decks.map((deck) => (
            <li key={deck.id}>
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  className="h-4 w-4 accent-accent-600"
                  checked={chosen.includes(deck.id)}
                  onChange={(event) => setChosen((now) => (event.target.checked ? [...now, deck.id] : now.filter((id) => id !== deck.id)))}
                />
                <span>
                  {deck.title} <span className="text-sm text-slate-600 dark:text-slate-400">{t("setup.deckCards", { count: deck.cards })}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
        {chosen.length === 0 ? <p className="field-error">{t("setup.chooseDeck")}</p> : null}
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <WholeNumberField label={t("setup.questions")} value={questions} onChange={setQuestions} max={MAX_QUESTIONS} rangeError={t("setup.questionsRange", { max: MAX_QUESTIONS })} />
        <WholeNumberField label={t("setup.minutes")} value={minutes} onChange={setMinutes} max={MAX_MINUTES} rangeError={t("setup.minutesRange", { max: MAX_MINUTES })} />
      </div>

      <div className="flex items-start gap-2">
        <input id={reviewsId} type="checkbox" className="mt-1 h-4 w-4 accent-accent-600" checked={countAsReviews} onChange={(event) => setCountAsReviews(event.target.checked)} />
        <label htmlFor={reviewsId}>
          <span className="font-medium">{t("setup.countAsReviews")}</span>
          <span className="block text-sm text-slate-600 dark:text-slate-400">{t("setup.countAsReviewsHint")}</span>
        </label>
      </div>

      <p className="text-sm text-slate-600 dark:text-slate-400">{t("setup.rules")}</p>

      {error ? (
        <p id={errorId} role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-rose-900 dark:bg-rose-950 dark:text-rose-100">
          {error}{" "}
          {running ? (
            <Link className="link" href={`/exam/${encodeURIComponent(running)}`}>
              {t("setup.resume")}
            </Link>
          ) : null}
        </p>
      ) : null}

      <button type="submit" className="btn-primary" disabled={busy || !ready}>
        {busy ? t("setup.starting") : t("setup.start")}
      </button>
    </form>
  );
}

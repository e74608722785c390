"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { ApiError, callApi } from "./api-client";

/** Join a class with the code the instructor handed out (letters and digits; case and dashes do not matter). */
export function JoinClassForm() {
  const t = useTranslations("classes");
  const router = useRouter();
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const outcome = await callApi<{ class: { name: string }; joined: boolean }>("POST", "/api/classes/join", { code });
      setNotice(outcome.joined ? t("join.joined", { name: outcome.class.name }) : t("join.already", { name: outcome.class.name }));
      setCode("");
      router.refresh();
    } catch (cause) {
      setError(cause instanceof ApiError && cause.status === 404 ? t("join.unknown") : cause instanceof Error ? cause.message : String(cause));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card max-w-xl space-y-3" onSubmit={(event) => void submit(event)} aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`} className="text-lg font-semibold">
        {t("join.title")}
      </h2>
      <div>
        <label htmlFor={inputId} className="field-label">
          {t("join.label")}
        </label>
        <div className="flex flex-col gap-2 sm:flex-row">
          <input
            id={inputId}
            className="field-input font-mono uppercase tracking-widest sm:mt-0"
            value={code}
            onChange={(event) => setCode(event.target.value)}
            placeholder="ABCD-EFGH"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={32}
            required
            aria-invalid={error ? "true" : undefined}
            aria-describedby={error ? errorId : undefined}
          />
          <button type="submit" className="btn-primary shrink-0" disabled={busy || code.trim() === ""}>
            {busy ? t("join.joining") : t("join.submit")}
          </button>
        </div>
        {error ? (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <p role="status" aria-live="polite" className="min-h-5 text-sm text-emerald-800 dark:text-emerald-200" data-testid="join-notice">
        {notice}
      </p>
    </form>
  );
}

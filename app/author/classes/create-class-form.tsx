"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { ApiError, callApi } from "@/app/classes/api-client";

/** Create a class: a name; the server makes its join code. Goes to the new class's page. */
export function CreateClassForm() {
  const t = useTranslations("classes");
  const router = useRouter();
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const created = await callApi<{ class: { id: string } }>("POST", "/api/author/classes", { name });
      router.push(`/author/classes/${encodeURIComponent(created.class.id)}`);
    } catch (cause) {
      setError(cause instanceof ApiError ? (cause.fields?.name?.[0] ?? cause.message) : String(cause));
      setBusy(false);
    }
  }

  return (
    <form className="card max-w-xl space-y-3" onSubmit={(event) => void submit(event)}>
      <h2 className="text-lg font-semibold">{t("author.create.title")}</h2>
      <div>
        <label htmlFor={inputId} className="field-label">
          {t("author.create.name")}
        </label>
        <div className="flex flex-col gap-2 sm:flex-row">
          <input
            id={inputId}
            className="field-input sm:mt-0"
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={100}
            required
            aria-invalid={error ? "true" : undefined}
            aria-describedby={error ? errorId : undefined}
          />
          <button type="submit" className="btn-primary shrink-0" disabled={busy || name.trim() === ""}>
            {busy ? t("author.create.creating") : t("author.create.submit")}
          </button>
        </div>
        {error ? (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    </form>
  );
}

"use client";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { TextField } from "@/app/_components/text-field";
import { ApiError, callApi } from "@/lib/api-client";

/** Erase the account after the password is typed; then sign out and go home. */
export function DeleteAccountForm() {
  const t = useTranslations("account");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      await callApi("DELETE", "/api/account", { password });
      await signOut({ callbackUrl: "/" });
    } catch (cause) {
      if (cause instanceof ApiError && cause.status === 403) setError(t("wrongPassword"));
      else setError(cause instanceof ApiError && cause.body?.error ? cause.message : t("failed"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="card space-y-3 border-red-300 dark:border-red-800"
      aria-labelledby="delete-title"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2 id="delete-title" className="text-lg font-semibold">
        {t("deleteTitle")}
      </h2>
      <p className="text-slate-700 dark:text-slate-300">{t("deleteText")}</p>
      <p className="text-slate-700 dark:text-slate-300">{t("analyticsKeep")}</p>
      <TextField
        id="delete-password"
        label={t("passwordLabel")}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        required
        error={error ?? undefined}
      />
      <button type="submit" className="btn bg-red-700 text-white hover:bg-red-800" disabled={busy || password === ""}>
        {busy ? t("deleting") : t("deleteButton")}
      </button>
    </form>
  );
}

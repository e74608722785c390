"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/lib/api-client";

/** Leave a class, after a confirmation (its private decks disappear from your lists). */
export function LeaveClassButton({ classId, name }: { classId: string; name: string }) {
  const t = useTranslations("classes");
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function leave() {
    setBusy(true);
    setError(null);
    try {
      await callApi("DELETE", `/api/classes/${encodeURIComponent(classId)}`);
      router.refresh();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
      setBusy(false);
    }
  }

  if (!confirming) {
    return (
      <button type="button" className="btn-secondary" onClick={() => setConfirming(true)}>
        {t("mine.leave")}
      </button>
    );
  }
  return (
    <div className="space-y-2 rounded-lg bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100" role="group" aria-label={t("mine.leave")}>
      <p>{t("mine.leaveConfirm", { name })}</p>
      <div className="flex gap-2">
        <button type="button" className="btn-primary" disabled={busy} onClick={() => void leave()}>
          {t("mine.leaveYes")}
        </button>
        <button type="button" className="btn-secondary" disabled={busy} onClick={() => setConfirming(false)} autoFocus>
          {t("cancel")}
        </button>
      </div>
      {error ? <p role="alert">{error}</p> : null}
    </div>
  );
}

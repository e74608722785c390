"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/lib/api-client";

/**
 * Add a public deck to the review queue, or take it out again. Course and class decks are always
 * studied and show no button (the server decides which decks a user studies: deck-choices.ts).
 */
export function StudyChoice({ deckId, title, chosen }: { deckId: string; title: string; chosen: boolean }) {
  const t = useTranslations("decks");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  async function toggle() {
    setBusy(true);
    setFailed(false);
    try {
      await callApi(chosen ? "DELETE" : "PUT", `/api/decks/${encodeURIComponent(deckId)}/study`);
      router.refresh();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className={chosen ? "btn-secondary" : "btn-primary"}
        disabled={busy}
        aria-label={`${chosen ? t("study.remove") : t("study.add")}: ${title}`}
        data-testid={chosen ? "study-remove" : "study-add"}
        onClick={() => void toggle()}
      >
        {chosen ? t("study.remove") : t("study.add")}
      </button>
      {failed ? (
        <span role="alert" className="text-sm text-red-700 dark:text-red-300">
          {t("study.failed")}
        </span>
      ) : null}
    </>
  );
}

"use client";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { MAX_ANSWER_LENGTH } from "@/lib/schemas/limits";

interface Props {
  text: string;
  busy: boolean;
  onChange(text: string): void;
  onSend(): void;
  onCancel(): void;
}

/**
 * "Report a problem" with the card on screen: a note to the deck's author. It opens with the focus
 * in its field; while typing there no review shortcut fires (the session checks for it), and Esc
 * leaves the field.
 */
export function ReportDialog({ text, busy, onChange, onSend, onCancel }: Props) {
  const t = useTranslations("review.report");
  const send = (event: FormEvent) => {
    event.preventDefault();
    onSend();
  };
  return (
    <form className="space-y-2" onSubmit={send}>
      <label htmlFor="review-report" className="field-label">
        {t("label")}
      </label>
      <textarea id="review-report" className="field-input min-h-24" value={text} maxLength={MAX_ANSWER_LENGTH} placeholder={t("placeholder")} onChange={(event) => onChange(event.target.value)} autoFocus />
      <div className="flex gap-2">
        <button type="submit" className="btn-primary" disabled={busy || text.trim() === ""}>
          {t("send")}
        </button>
        <button type="button" className="btn-secondary" onClick={onCancel}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}

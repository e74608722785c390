"use client";
import { useTranslations } from "next-intl";
import { forwardRef, useImperativeHandle, useRef } from "react";

export const GRADES = [0, 1, 2, 3, 4, 5] as const;
export type GradeValue = (typeof GRADES)[number];

export interface GradeButtonsHandle {
  focusSuggested(): void;
}

interface Props {
  suggested: GradeValue | null;
  disabled: boolean;
  onGrade(grade: GradeValue): void;
}

/**
 * SuperMemo's six grades as buttons (0–5 on the keyboard), the suggested one highlighted and focused
 * so that Enter confirms it; with nothing suggested (a self-graded card) none is. Each button says
 * what its grade means. Key hints are for keyboards: touch screens do not show them.
 */
export const GradeButtons = forwardRef<GradeButtonsHandle, Props>(function GradeButtons({ suggested, disabled, onGrade }, ref) {
  const t = useTranslations("review.grade");
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const group = useRef<HTMLFieldSetElement>(null);
  useImperativeHandle(ref, () => ({
    focusSuggested() {
      // Nothing suggested (a self-graded card): focus the group, so that no key press rates the card.
      if (suggested === null) group.current?.focus();
      else buttons.current[suggested]?.focus();
    },
  }));
  return (
    <fieldset ref={group} tabIndex={-1} className="space-y-2 focus:outline-none" aria-describedby="grade-hint">
      <legend className="text-sm font-semibold">{t("legend")}</legend>
      <div className="grid grid-cols-3 gap-2 sm:grid-cols-6">
        {GRADES.map((grade) => {
          const isSuggested = grade === suggested;
          const tone =
            grade < 3
              ? "border-rose-300 dark:border-rose-800"
              : grade === 3
                ? "border-amber-300 dark:border-amber-800"
                : "border-emerald-300 dark:border-emerald-800";
          return (
            <button
              key={grade}
              ref={(element) => {
                buttons.current[grade] = element;
              }}
              type="button"
              disabled={disabled}
              onClick={() => onGrade(grade)}
              data-grade={grade}
              data-suggested={isSuggested ? "true" : undefined}
              aria-keyshortcuts={String(grade)}
              title={t(`meanings.${grade}`)}
              className={[
                "flex flex-col items-center rounded-lg border-2 bg-white px-2 py-2 text-sm transition-colors hover:bg-slate-50 disabled:opacity-60 dark:bg-slate-900 dark:hover:bg-slate-800",
                tone,
                isSuggested ? "ring-2 ring-accent-500 ring-offset-2 ring-offset-white dark:ring-offset-slate-900" : "",
              ].join(" ")}
            >
              <span className="font-mono text-lg font-bold">{grade}</span>
              <span className="font-medium">{t(`names.${grade}`)}</span>
              <span className="sr-only">: {t(`meanings.${grade}`)}</span>
              {isSuggested ? <span className="text-xs font-semibold text-accent-700 dark:text-accent-100">{t("suggested")}</span> : null}
            </button>
          );
        })}
      </div>
      <p id="grade-hint" className="text-xs text-slate-600 dark:text-slate-400">
        {suggested === null ? t("chooseHint") : <span className="keyboard-only">{t("hint")}</span>}
      </p>
    </fieldset>
  );
});

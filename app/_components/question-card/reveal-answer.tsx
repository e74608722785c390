import type { Ref } from "react";

interface Props {
  buttonRef: Ref<HTMLButtonElement>;
  disabled: boolean;
  onReveal(): void;
  labels: { hint: string; reveal: string };
}

/** A self-graded card's only control: show the answer (Space on the keyboard), then the student judges. */
export function RevealAnswer({ buttonRef, disabled, onReveal, labels }: Props) {
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600 dark:text-slate-400">{labels.hint}</p>
      <button ref={buttonRef} type="button" className="btn-primary" disabled={disabled} onClick={onReveal} aria-keyshortcuts="Space" data-testid="reveal-answer">
        {labels.reveal}
      </button>
    </div>
  );
}

import type { ReactNode, Ref } from "react";
import { MAX_ANSWER_LENGTH } from "@/lib/schemas/limits";

interface Props {
  inputId: string;
  inputRef: Ref<HTMLInputElement>;
  /** The answer format: picks the phone keyboard (decimal for numbers). */
  format: string;
  value: string;
  onChange(value: string): void;
  /** Enter in the field, or the Check button. */
  onSubmit(): void;
  /** Once checked the field keeps the answer but takes no more typing, and Check goes away. */
  checked: boolean;
  invalid: boolean;
  describedBy: string;
  /** Any request in flight: Check is disabled. */
  busy: boolean;
  /** This answer's check is the request in flight: Check says so. */
  checking: boolean;
  labels: { answer: string; check: string; checking: string; hint: string };
  hintId: string;
  /** Extra answer buttons below the hint (True / False). */
  children?: ReactNode;
}

/**
 * The typed answer of a question card: label, field, Check and the format's hint. Enter in the field
 * checks; the phone keyboard shows "done", numbers get the decimal pad, nothing is autocorrected.
 */
export function AnswerForm({ inputId, inputRef, format, value, onChange, onSubmit, checked, invalid, describedBy, busy, checking, labels, hintId, children }: Props) {
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (!checked) onSubmit();
      }}
    >
      <label htmlFor={inputId} className="field-label">
        {labels.answer}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id={inputId}
          ref={inputRef}
          className="field-input sm:mt-0"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          readOnly={checked}
          maxLength={MAX_ANSWER_LENGTH}
          aria-invalid={invalid ? "true" : undefined}
          aria-describedby={describedBy}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          inputMode={format === "integer" || format === "number" ? "decimal" : "text"}
          enterKeyHint="done"
          data-testid="answer-input"
        />
        {!checked ? (
          <button type="submit" className="btn-primary shrink-0" disabled={busy} aria-keyshortcuts="Enter" data-testid="check-answer">
            {checking ? labels.checking : labels.check}
          </button>
        ) : null}
      </div>
      <p id={hintId} className="text-xs text-slate-600 dark:text-slate-400">
        {labels.hint}
      </p>
      {children}
    </form>
  );
}

"use client";
import { useId, type InputHTMLAttributes, type ReactNode } from "react";

interface SingleFieldFormProps {
  title: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Called on submit (the browser's own submission is prevented). */
  onSubmit: () => void;
  busy: boolean;
  submitLabel: string;
  busyLabel: string;
  error: string | null;
  /** The input's own attributes (length limit, placeholder, typing hints); its look via `className`. */
  input?: Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "value" | "onChange" | "required">;
  /** Below the field, e.g. a status line. */
  children?: ReactNode;
}

/**
 * A card with one required text field and its button on one line (stacked on phones), and the
 * field's error announced under it: the shape of "create a class" and "join a class".
 */
export function SingleFieldForm({ title, label, value, onChange, onSubmit, busy, submitLabel, busyLabel, error, input, children }: SingleFieldFormProps) {
  const inputId = useId();
  const titleId = useId();
  const errorId = useId();
  const { className: inputClassName, ...inputAttributes } = input ?? {};
  return (
    <form
      className="card max-w-xl space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      aria-labelledby={titleId}
    >
      <h2 id={titleId} className="text-lg font-semibold">
        {title}
      </h2>
      <div>
        <label htmlFor={inputId} className="field-label">
          {label}
        </label>
        <div className="flex flex-col gap-2 sm:flex-row">
          <input
            {...inputAttributes}
            id={inputId}
            className={`field-input sm:mt-0 ${inputClassName ?? ""}`.trim()}
            value={value}
            onChange={(event) => onChange(event.target.value)}
            required
            aria-invalid={error ? "true" : undefined}
            aria-describedby={error ? errorId : undefined}
          />
          <button type="submit" className="btn-primary shrink-0" disabled={busy || value.trim() === ""}>
            {busy ? busyLabel : submitLabel}
          </button>
        </div>
        {error ? (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      {children}
    </form>
  );
}

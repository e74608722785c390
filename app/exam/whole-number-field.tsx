"use client";
import { useId } from "react";

/**
 * The whole number from 1 to `max` that `text` spells, or null. The field keeps the text as typed,
 * so that a half-typed or emptied value stays on screen to be corrected instead of snapping back.
 */
export function wholeNumberFrom1To(text: string, max: number): number | null {
  const value = Number(text);
  return Number.isInteger(value) && value >= 1 && value <= max ? value : null;
}

/** A labelled number input for a whole number from 1 to `max`, with its range error under it. */
export function WholeNumberField({ label, value, onChange, max, rangeError }: { label: string; value: string; onChange: (value: string) => void; max: number; rangeError: string }) {
  const id = useId();
  const valid = wholeNumberFrom1To(value, max) !== null;
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={1}
        max={max}
        step={1}
        className="field-input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={valid ? undefined : "true"}
        required
      />
      {!valid ? <p className="field-error">{rangeError}</p> : null}
    </div>
  );
}

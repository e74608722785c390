"use client";
import { memo, useId, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { FieldMeta, Locale, NumberFieldMeta, SettingsError } from "@/lib/sim";

export type RawSettings = Record<string, string>;

/** Slider positions for log-scaled fields (the value is exp of a linear position). */
const LOG_STEPS = 1000;

function roundForField(value: number, meta: NumberFieldMeta): number {
  if (meta.kind === "integer") return Math.min(meta.max, Math.max(meta.min, Math.round(value)));
  // Two significant digits on a log scale ("0.0012", "0.35"); the field's step on a linear one.
  const rounded = meta.scale === "log" ? Number(value.toPrecision(2)) : Math.round(value / meta.step) * meta.step;
  return Math.min(meta.max, Math.max(meta.min, Number(rounded.toPrecision(6))));
}

function sliderPosition(value: number, meta: NumberFieldMeta): number {
  const clamped = Number.isFinite(value) ? Math.min(meta.max, Math.max(meta.min, value)) : meta.default;
  if (meta.scale !== "log") return clamped;
  return Math.round(((Math.log(clamped) - Math.log(meta.min)) / (Math.log(meta.max) - Math.log(meta.min))) * LOG_STEPS);
}

function valueAt(position: number, meta: NumberFieldMeta): number {
  if (meta.scale !== "log") return roundForField(position, meta);
  if (position >= LOG_STEPS) return meta.max;
  if (position <= 0) return meta.min;
  return roundForField(Math.exp(Math.log(meta.min) + (position / LOG_STEPS) * (Math.log(meta.max) - Math.log(meta.min))), meta);
}

interface FieldProps {
  name: string;
  meta: FieldMeta;
  value: string;
  error: SettingsError | undefined;
  locale: Locale;
  disabled: boolean;
  onChange(value: string): void;
  /** A slider beside the number box (not for the seed: its range is two billion). */
  slider: boolean;
  extra?: ReactNode;
}

function SettingField({ name, meta, value, error, locale, disabled, onChange, slider, extra }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const label = meta.label[locale];
  const invalid = error !== undefined;
  const describedBy = invalid ? errorId : undefined;
  if (meta.kind === "choice") {
    return (
      <div data-field={name}>
        <label className="field-label" htmlFor={id}>
          {label}
        </label>
        <select id={id} className="field-input" value={value} disabled={disabled} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)}>
          {!meta.options.includes(value) ? <option value={value}>{value}</option> : null}
          {meta.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
        {invalid ? (
          <p id={errorId} className="field-error">
            {error.message[locale]}
          </p>
        ) : null}
      </div>
    );
  }
  const numeric = Number(value);
  const isLog = meta.scale === "log";
  return (
    <div data-field={name}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="mt-1 flex items-center gap-3">
        {slider ? (
        <input
          type="range"
          className="h-2 min-w-0 flex-1 accent-accent-600"
          aria-label={label}
          aria-valuetext={value}
          min={isLog ? 0 : meta.min}
          max={isLog ? LOG_STEPS : meta.max}
          step={isLog ? 1 : meta.step}
          value={sliderPosition(numeric, meta)}
          disabled={disabled}
          onChange={(e) => onChange(String(valueAt(Number(e.target.value), meta)))}
        />
        ) : null}
        <input
          id={id}
          type="number"
          inputMode={meta.kind === "integer" ? "numeric" : "decimal"}
          className={`field-input !mt-0 tabular-nums ${slider ? "w-28 shrink-0" : "min-w-0 flex-1"}`}
          value={value}
          min={meta.min}
          max={meta.max}
          step={meta.kind === "integer" ? 1 : "any"}
          disabled={disabled}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        />
        {extra}
      </div>
      {invalid ? (
        <p id={errorId} className="field-error">
          {error.message[locale]}
        </p>
      ) : null}
    </div>
  );
}

export interface SettingsFormProps {
  fields: Readonly<Record<string, { meta: FieldMeta }>>;
  values: RawSettings;
  errors: readonly SettingsError[];
  locale: Locale;
  disabled: boolean;
  onChange(name: string, value: string): void;
}

/** One slider (with a number box) or select per setting; the seed also gets a "new seed" button. */
export const SettingsForm = memo(function SettingsForm({ fields, values, errors, locale, disabled, onChange }: SettingsFormProps) {
  const t = useTranslations("sim");
  return (
    <div className="grid gap-x-6 gap-y-4 sm:grid-cols-2 lg:grid-cols-3">
      {Object.entries(fields).map(([name, { meta }]) => (
        <SettingField
          key={name}
          name={name}
          meta={meta}
          value={values[name] ?? String(meta.default)}
          error={errors.find((e) => e.field === name)}
          locale={locale}
          disabled={disabled}
          onChange={(value) => onChange(name, value)}
          slider={name !== "seed"}
          extra={
            name === "seed" && meta.kind !== "choice" ? (
              <button
                type="button"
                className="btn-secondary shrink-0 !px-3"
                disabled={disabled}
                onClick={() => onChange(name, String(Math.floor(Math.random() * meta.max)))}
              >
                {t("newSeed")}
              </button>
            ) : null
          }
        />
      ))}
    </div>
  );
});

/**
 * Experiment settings: each field carries its range and label (for the page's sliders) and its
 * zod schema, which accepts URL strings ("?epochs=40") as well as numbers and rejects anything
 * malformed or out of range with a message in both languages. A link with settings reproduces the
 * run, so every field (the seed included) round-trips through `toSearchParams` / `parse`.
 */
import { z } from "zod";
import { MAX_SEED } from "../random/seeded-random";
import type { Localized } from "./localized";

interface FieldBase<T> {
  label: Localized;
  default: T;
}

export interface NumberFieldMeta extends FieldBase<number> {
  kind: "integer" | "number";
  min: number;
  max: number;
  /** Slider step. */
  step: number;
  /** Sliders for rates and sizes move on a log scale. */
  scale: "linear" | "log";
}

export interface ChoiceFieldMeta<T extends string = string> extends FieldBase<T> {
  kind: "choice";
  options: readonly T[];
}

export type FieldMeta = NumberFieldMeta | ChoiceFieldMeta;

export interface SettingField<T> {
  meta: FieldBase<T> & FieldMeta;
  schema: z.ZodType<T, unknown>;
}

/** A field that could not be read: the URL parameter and a message in each language. */
export interface SettingsError {
  field: string;
  message: Localized;
}

export type SettingsParse<S> = { ok: true; settings: S } | { ok: false; errors: SettingsError[] };

function quote(input: unknown): string {
  const text = typeof input === "string" ? JSON.stringify(input) : String(input);
  return text.length > 30 ? `${text.slice(0, 27)}...` : text;
}

function invalid(ctx: z.core.$RefinementCtx, input: unknown, message: Localized): never {
  ctx.issues.push({ code: "custom", message: message.en, input, params: { ko: message.ko } });
  return z.NEVER;
}

function readNumber(input: unknown): number | null {
  if (typeof input === "number") return input;
  if (typeof input === "string" && input.trim() !== "" && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(input.trim())) return Number(input);
  return null;
}

function numberField(kind: "integer" | "number", name: string, options: Omit<NumberFieldMeta, "kind" | "step" | "scale"> & Partial<Pick<NumberFieldMeta, "step" | "scale">>): SettingField<number> {
  const meta: NumberFieldMeta = { kind, step: kind === "integer" ? 1 : options.min, scale: "linear", ...options };
  const what: Localized =
    kind === "integer"
      ? { en: `a whole number from ${meta.min} to ${meta.max}`, ko: `${meta.min}부터 ${meta.max} 사이의 정수` }
      : { en: `a number from ${meta.min} to ${meta.max}`, ko: `${meta.min}부터 ${meta.max} 사이의 수` };
  const schema = z.unknown().optional().transform((input, ctx): number => {
    if (input === undefined || input === null || input === "") return meta.default;
    const value = readNumber(input);
    const problem = (got: string): Localized => ({
      en: `${name} must be ${what.en}; got ${got}`,
      ko: `${name} 값은 ${what.ko}여야 합니다 (입력: ${got})`,
    });
    if (value === null || !Number.isFinite(value)) return invalid(ctx, input, problem(quote(input)));
    if (kind === "integer" && !Number.isInteger(value)) return invalid(ctx, input, problem(String(value)));
    if (value < meta.min || value > meta.max) return invalid(ctx, input, problem(String(value)));
    return value;
  });
  return { meta, schema };
}

export const integerSetting = (name: string, options: Parameters<typeof numberField>[2]) => numberField("integer", name, options);
export const numberSetting = (name: string, options: Parameters<typeof numberField>[2]) => numberField("number", name, options);

export function choiceSetting<const T extends string>(name: string, options: readonly T[], meta: FieldBase<T>): SettingField<T> {
  const schema = z.unknown().optional().transform((input, ctx): T => {
    if (input === undefined || input === null || input === "") return meta.default;
    const found = options.find((option) => option === input);
    if (found !== undefined) return found;
    return invalid(ctx, input, {
      en: `${name} must be one of ${options.join(", ")}; got ${quote(input)}`,
      ko: `${name} 값은 ${options.join(", ")} 중 하나여야 합니다 (입력: ${quote(input)})`,
    });
  });
  return { meta: { ...meta, kind: "choice", options }, schema };
}

export const seedSetting = () =>
  integerSetting("seed", { min: 0, max: MAX_SEED, default: 1, label: { en: "Seed", ko: "시드" } });

export const epochsSetting = (defaultEpochs: number, max: number) =>
  integerSetting("epochs", { min: 1, max, default: defaultEpochs, label: { en: "Epochs", ko: "에폭" } });

export const learningRateSetting = (defaultRate: number) =>
  numberSetting("learningRate", { min: 0.0001, max: 1, default: defaultRate, step: 0.0001, scale: "log", label: { en: "Learning rate", ko: "학습률" } });

export const batchSizeSetting = (defaultSize: number, max: number) =>
  integerSetting("batchSize", { min: 1, max, default: defaultSize, scale: "log", label: { en: "Batch size", ko: "배치 크기" } });

type FieldOutputs<F> = { [K in keyof F]: F[K] extends SettingField<infer T> ? T : never };

export interface SettingsDefinition<S> {
  fields: { [K in keyof S]: SettingField<S[K]> };
  schema: z.ZodType<S, unknown>;
  defaults: S;
  /** Reads URL parameters (or a plain object); unknown parameters are ignored, missing ones take defaults. */
  parse(input: URLSearchParams | Readonly<Record<string, unknown>>): SettingsParse<S>;
  /** Every field, so a link pins the whole run. */
  toSearchParams(settings: S): URLSearchParams;
}

export function defineSettings<F extends Record<string, SettingField<never> | SettingField<number> | SettingField<string>>>(
  fields: F,
): SettingsDefinition<FieldOutputs<F>> {
  type S = FieldOutputs<F>;
  const shape = Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, field.schema]));
  const schema = z.object(shape) as unknown as z.ZodType<S, unknown>;
  const defaults = Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, field.meta.default])) as S;
  return {
    fields: fields as unknown as SettingsDefinition<S>["fields"],
    schema,
    defaults,
    parse(input) {
      const record: Record<string, unknown> = {};
      if (input instanceof URLSearchParams) {
        for (const key of Object.keys(fields)) if (input.has(key)) record[key] = input.get(key);
      } else {
        for (const key of Object.keys(fields)) if (key in input) record[key] = input[key];
      }
      const parsed = schema.safeParse(record);
      if (parsed.success) return { ok: true, settings: parsed.data };
      return { ok: false, errors: parsed.error.issues.map(toSettingsError) };
    },
    toSearchParams(settings) {
      const params = new URLSearchParams();
      for (const key of Object.keys(fields)) params.set(key, String(settings[key as keyof S]));
      return params;
    },
  };
}

function toSettingsError(issue: z.core.$ZodIssue): SettingsError {
  const field = String(issue.path[0] ?? "settings");
  const ko = issue.code === "custom" && typeof issue.params?.ko === "string" ? issue.params.ko : issue.message;
  return { field, message: { en: issue.message, ko } };
}

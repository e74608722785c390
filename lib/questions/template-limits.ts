import { english } from "../i18n/translate";
import { msg, packMessage, type Message } from "../i18n/message";

/**
 * What one template may state or draw. Every variant is generated, verified with TensorFlow.js and
 * checked a hundred times by the harness, so each size below keeps one variant to milliseconds of
 * work and a few megabytes of memory; the time budget of the template workers
 * (lib/server/decks/template-pool.ts) catches whatever the sizes still let through. The zod schemas
 * refuse literal values above a limit at parse time (`file:line: templates[i] (id).field: …`);
 * values computed from parameters are checked when a variant is made. docs/architecture.md
 * "Template limits" gives the reasons.
 */
export const TEMPLATE_LIMITS = {
  /** Cells of a matrix: literal (`image: [[…]]`), drawn (`{matrix: [r, c]}`) or an anchor's. */
  matrixCells: 400,
  /** Parameters of a template's network in one variant (tfjs builds it to verify the count). */
  networkParams: 5_000_000,
  /** `output-size`: image side (tfjs convolves an input×input tensor of zeros). */
  outputSizeInput: 256,
  /** `output-size` kernel side, `max-pool` size, and any stride. */
  kernelSide: 16,
  /** `output-size` padding (zero rows and columns on each side). */
  padding: 16,
  /** `dropout` units (tfjs samples draws × units masks). */
  dropoutUnits: 10_000,
  /** `steps-per-epoch` rows (a real model.fit runs over them). */
  fitRows: 1_000_000,
  /** `steps-per-epoch` minibatch steps of that fit (⌈n / batch⌉). */
  fitSteps: 2_000,
  /** `steps-per-epoch` epochs (multiplied in closed form only). */
  epochs: 10_000,
  /** Parameters, constraints, listed mistakes and anchors of one template. */
  params: 40,
  constraints: 20,
  mistakes: 20,
  anchors: 20,
  /** Values of one `[a, b, …]` / `{choice}` parameter. */
  choices: 200,
  /** Characters of one formula (a parameter, a constraint, a mistake, a computed field). */
  formulaChars: 500,
} as const;

export type TemplateLimit = keyof typeof TEMPLATE_LIMITS;

/** What a limit counts, named in the `errors` catalogue (`deckFile.unit.*`). */
export type LimitUnit = "pixels" | "cells" | "parameters" | "rows" | "epochs" | "steps" | "units";

/**
 * "stride is 20 pixels; the limit is 16 (template limit "kernelSide")": `what` is a field name as
 * written in the deck, or a catalogue message ("the matrix").
 */
export function overLimit(what: string | Message, value: number, limit: TemplateLimit, unit: LimitUnit): Message {
  return msg("deckFile.overLimit", { what, value: value.toLocaleString("en-US"), unit: msg(`deckFile.unit.${unit}`), limit: TEMPLATE_LIMITS[limit].toLocaleString("en-US"), name: limit });
}

/** {@link overLimit} in English, for errors that carry text only (VariantError). */
export function overLimitMessage(what: string | Message, value: number, limit: TemplateLimit, unit: LimitUnit): string {
  return english(overLimit(what, value, limit, unit));
}

/** {@link overLimit} packed for a zod `error:` (unpacked by the deck validator). */
export function overLimitIssue(what: string | Message, value: number, limit: TemplateLimit, unit: LimitUnit): string {
  const message = overLimit(what, value, limit, unit);
  return packMessage(message.code, message.params);
}

/** Cells of a matrix, or null when it is not rectangular. */
export function matrixCells(matrix: readonly (readonly number[])[]): number | null {
  const cols = matrix[0]?.length ?? 0;
  return matrix.every((row) => row.length === cols) ? matrix.length * cols : null;
}

/**
 * The values the question engine hands out: variants (what a student sees and what their answer
 * is checked against) and check results. Every type here is plain JSON, so a variant can be
 * stored exactly as issued (PrairieLearn's rule: later edits never change an issued question).
 */
import type { ArchitectureSpec } from "../model-core";

/** Text in both languages of the app. Markdown; TeX between `$…$` or `$$…$$` (KaTeX). */
export interface Bilingual {
  ko: string;
  en: string;
}

export type Language = keyof Bilingual;

/** A parameter's value: a number, a choice word (`"same"`), or a small integer matrix. */
export type ParamValue = number | string | number[][];

export type ParamValues = Record<string, ParamValue>;

/** |response − expected| ≤ max(absolute, relative · |expected|). */
export interface Tolerance {
  absolute: number;
  relative: number;
}

export type ExpectedAnswer =
  | { format: "integer"; value: number }
  | { format: "number"; value: number; tolerance: Tolerance; decimals: number | null }
  /** A tensor or weight-matrix shape, e.g. [785, 256]; without the batch axis. */
  | { format: "shape"; value: number[] }
  /** Cells rounded to `decimals` when not all integers (absent: exact, as in variants issued before it). */
  | { format: "matrix"; value: number[][]; tolerance: Tolerance; decimals?: number }
  /** The letter of the correct option ("A" is the first of `Variant.choices`). */
  | { format: "choice"; value: string; optionCount: number }
  | { format: "boolean"; value: boolean }
  /** Accepted spellings (compared after normalisation); the first is shown as the answer. */
  | { format: "text"; accept: string[] }
  /** No automatic check: the answer is shown and the student grades themselves (Anki-style). */
  | { format: "self"; answer: Bilingual };

export type AnswerFormat = ExpectedAnswer["format"];

/** A typical wrong answer with its feedback; matched against wrong responses. */
export interface MistakeValue {
  /** A number, a shape, a matrix (a misconception's map) or a choice letter. */
  value: number | number[] | number[][] | string;
  feedback: Bilingual;
}

export interface VariantAnchor {
  id: string;
  label: Bilingual;
  /** The variant is the lab's own network/numbers ("the lab's network"). */
  lab: boolean;
}

export interface Choice {
  letter: string;
  text: Bilingual;
}

export type ItemType = "parametric" | "qa" | "cloze" | "mc" | "tf";

/** How to recompute the expected answer independently (with TensorFlow.js) for verification. */
export type VerificationRequest =
  | {
      kind: "architecture";
      spec: ArchitectureSpec;
      ask: ArchitectureAsk;
      /** 0-based index into `spec.layers` for layer questions. */
      layerIndex: number | null;
    }
  | { kind: "calculator"; input: import("./calculators/input").CalculatorInput };

export type ArchitectureAsk =
  | "total"
  | "trainable"
  | "layer-params"
  | "islp-weight-shape"
  | "output-shape"
  | "weights"
  | "biases"
  | "convention-difference";

export interface Variant {
  itemId: string;
  itemType: ItemType;
  concept: string;
  simulation: string | null;
  seed: number;
  anchor: VariantAnchor | null;
  params: ParamValues;
  prompt: Bilingual;
  /** Options of a multiple-choice card, in the order shown (shuffled by the seed). */
  choices: Choice[] | null;
  expectedAnswer: ExpectedAnswer;
  answerFormat: AnswerFormat;
  /** Worked solution with the student's numbers (Markdown + KaTeX), or a card's explanation. */
  solution: Bilingual;
  /** The filled-in network for the layer table and diagram, when the answer comes from one. */
  architecture: ArchitectureSpec | null;
  verification: VerificationRequest | null;
  mistakes: MistakeValue[];
  /** Content hash of the template/card the variant was made from. */
  templateVersion: string;
}

export interface CheckResult {
  status: "correct" | "wrong" | "invalid";
  /** How the input was read, e.g. "235146" or "(785, 256)"; null when it could not be read. */
  readAs: string | null;
  /** The expected answer, formatted for display. */
  expected: string;
  /** Feedback of a matched common mistake (wrong answers only). */
  mistake?: Bilingual;
  /** Why the input could not be read (invalid only). */
  reason?: Bilingual;
}

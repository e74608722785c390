import "server-only";
import {
  clampToDateRange,
  formatDayNumber,
  NEW_CARD_STATE,
  startOfDay,
  type CardState,
  type Grade,
  type QueueKind,
  type RemainingCounts,
} from "@/lib/srs";
import type { AnswerFormat, AskedOfNetwork, Bilingual, Choice } from "@/lib/questions";
import type { ArchitectureSpec } from "@/lib/model-core";
import { sqlBoolean, sqlInt, sqlIntOrNull } from "../platform/direct-sql";

/**
 * The shapes of the review API (docs/architecture.md "Contracts"), shared by the route handlers, the /review page
 * (type-only imports) and the load tools, and the conversions between database rows and lib/srs values.
 */

/** A card's SM-2 state as the API shows it. */
export interface PublicCardState {
  repetition: number;
  /** Days until the next review; null for a card never reviewed. */
  interval: number | null;
  /** EF, exact to hundredths (2.5, 2.36, …). */
  easiness: number;
  /** Start of the due day in the user's time zone (ISO 8601), or null for a new card. */
  dueAt: string | null;
  /** The due day as a calendar date in the user's time zone ("2026-12-03"), or null. */
  dueDate: string | null;
  suspended: boolean;
  /** True when the card comes back later today (a same-day re-drill is owed). */
  redrillToday: boolean;
}

export interface AnswerResult {
  status: "correct" | "wrong" | "invalid" | "revealed";
  /** How the response was read ("235146"); null when it could not be read or nothing was typed. */
  readAs: string | null;
  /** The expected answer for display; null for an unreadable response (it costs nothing, and reveals nothing). */
  expected: string | null;
  /** The expected answer in each language, where it is words (lib/questions expectedByLanguage). */
  expectedByLanguage?: Bilingual;
  /** Worked solution or explanation (Markdown + TeX); null for an unreadable response. */
  solution: Bilingual | null;
  /** Feedback of a matched common mistake. */
  mistake?: Bilingual;
  /** Why the response could not be read (status "invalid"). */
  reason?: Bilingual;
  /** SuperMemo grade the app suggests (lib/srs suggestGrade); null when there is nothing to grade yet. */
  suggestedGrade: Grade | null;
  /** The filled-in network of an architecture question, for the layer table and diagram. */
  architecture: ArchitectureSpec | null;
  /** What the question asks of that network (the diagram's text says that count, not only the total). */
  architectureAsk?: AskedOfNetwork;
  durationMs: number | null;
}

export interface ReviewItem {
  reviewId: string;
  cardId: string;
  deckId: string;
  /** The template or card id within its deck (`/practice/<itemId>` for templates). */
  itemId: string;
  /** Which part of today's queue it came from. */
  kind: QueueKind;
  itemType: string;
  concept: string;
  conceptName: Bilingual | null;
  deckTitle: Bilingual | null;
  prompt: Bilingual;
  answerFormat: AnswerFormat;
  choices: Choice[] | null;
  /** Self-graded card (no automatic check): reveal the answer, then grade. */
  selfGraded: boolean;
  /** "The lab's network" and similar anchored variants. */
  anchor: Bilingual | null;
  simulation: string | null;
  issuedAt: string;
  /** Set when the review was already answered (a reload, or a grade that was undone). */
  answer: AnswerResult | null;
}

export interface NextReviewResult {
  item: ReviewItem | null;
  remaining: RemainingCounts;
}

export interface GradeOutcome {
  state: PublicCardState;
  grade: Grade;
  /** True when this grade was the day's SM-2 review (false for a same-day re-drill). */
  counted: boolean;
  /** True when this reviewId had been graded before: nothing changed. */
  repeated: boolean;
  /** True when this grade has since been undone. */
  undone: boolean;
}

export interface UndoOutcome {
  state: PublicCardState;
  /** The same question again, pending, with its answer: grade it anew. Null when the undo was repeated. */
  item: ReviewItem | null;
  repeated: boolean;
}

// ---------------------------------------------------------------------------------------------
// Conversions

/** The lib/srs fields of a CardState row. */
export interface CardStateRow {
  repetition: number;
  easinessHundredths: number;
  interval: number | null;
  dueDay: number | null;
  lastReviewDay: number | null;
  redrillDay: number | null;
  suspended: boolean;
  buriedUntilDay: number | null;
}

/** A CardState row as raw SQL returns it (see direct-sql.ts for the shapes either database gives). */
export type RawCardStateRow = { [K in keyof CardStateRow]: unknown };

export function cardStateRowFromSql(row: RawCardStateRow): CardStateRow {
  return {
    repetition: sqlInt(row.repetition),
    easinessHundredths: sqlInt(row.easinessHundredths),
    interval: sqlIntOrNull(row.interval),
    dueDay: sqlIntOrNull(row.dueDay),
    lastReviewDay: sqlIntOrNull(row.lastReviewDay),
    redrillDay: sqlIntOrNull(row.redrillDay),
    suspended: sqlBoolean(row.suspended),
    buriedUntilDay: sqlIntOrNull(row.buriedUntilDay),
  };
}

export const cardStateFields = {
  repetition: true,
  easinessHundredths: true,
  interval: true,
  dueDay: true,
  lastReviewDay: true,
  redrillDay: true,
  suspended: true,
  buriedUntilDay: true,
} as const;

export function toSrsState(row: CardStateRow | null): CardState {
  if (!row) return NEW_CARD_STATE;
  return {
    repetition: row.repetition,
    easinessHundredths: row.easinessHundredths,
    interval: row.interval,
    dueDay: row.dueDay,
    lastReviewDay: row.lastReviewDay,
    redrillDay: row.redrillDay,
    suspended: row.suspended,
    buriedUntilDay: row.buriedUntilDay,
  };
}

/** The columns a lib/srs state is saved into. */
export function stateColumns(state: CardState): CardStateRow {
  return {
    repetition: state.repetition,
    easinessHundredths: state.easinessHundredths,
    interval: state.interval,
    dueDay: state.dueDay,
    lastReviewDay: state.lastReviewDay,
    redrillDay: state.redrillDay,
    suspended: state.suspended,
    buriedUntilDay: state.buriedUntilDay,
  };
}

export function publicState(state: CardState, timeZone: string, today: number): PublicCardState {
  // A long run of 5s can schedule a card beyond the last date Date holds; both fields show that date.
  const shownDueDay = state.dueDay === null ? null : clampToDateRange(state.dueDay);
  return {
    repetition: state.repetition,
    interval: state.interval,
    easiness: state.easinessHundredths / 100,
    dueAt: shownDueDay === null ? null : startOfDay(shownDueDay, timeZone).toISOString(),
    dueDate: shownDueDay === null ? null : formatDayNumber(shownDueDay),
    suspended: state.suspended,
    redrillToday: state.redrillDay !== null && state.redrillDay === today,
  };
}

export function isQueueKind(kind: string): kind is QueueKind {
  return kind === "review" || kind === "new" || kind === "redrill";
}

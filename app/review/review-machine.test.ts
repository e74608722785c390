import { describe, expect, it } from "vitest";
import { itFollowsTheTable, type ReducerRow } from "@/app/_components/testing/reducer-table";
import type { AnswerPayload, ReviewItemPayload } from "@/lib/server/review/review-payload";
import { initialReviewState, reviewReducer, suggestedGrade, type ReviewAction, type ReviewState, type SessionGrade } from "./review-machine";

const text = (en: string) => ({ en, ko: en });

function answer(status: AnswerPayload["status"], extra: Partial<AnswerPayload> = {}): AnswerPayload {
  const graded = status === "correct" ? 5 : status === "wrong" ? 1 : null;
  return { status, readAs: status === "invalid" ? null : "42", expected: "42", solution: text("s"), solutionHtml: text("<p>s</p>"), suggestedGrade: graded, architecture: null, durationMs: 1200, ...extra };
}

function card(reviewId: string, extra: Partial<ReviewItemPayload> = {}): ReviewItemPayload {
  return {
    reviewId,
    cardId: `islp-ch10/${reviewId}`,
    deckId: "islp-ch10",
    itemId: reviewId,
    kind: "new",
    itemType: "parametric",
    concept: "single-layer",
    conceptName: text("Single layer"),
    deckTitle: text("Deep learning"),
    prompt: text("How many?"),
    promptHtml: text("<p>How many?</p>"),
    answerFormat: "integer",
    choices: null,
    selfGraded: false,
    anchor: null,
    simulation: null,
    issuedAt: "2026-12-07T00:00:00.000Z",
    answer: null,
    ...extra,
  };
}

const counts = { due: 0, new: 4, redrill: 0 };
const entry = (reviewId: string, grade = 4): SessionGrade => ({ reviewId, cardId: `islp-ch10/${reviewId}`, grade, status: "correct", durationMs: 1200 });

const question: ReviewState = { ...initialReviewState, phase: "question", item: card("r1"), remaining: counts, response: "41" };
const unreadable: ReviewState = { ...question, invalid: answer("invalid") };
const checked: ReviewState = { ...question, phase: "feedback", result: answer("correct") };
const reporting: ReviewState = { ...checked, report: { open: true, text: "typo" } };
const afterTwo: ReviewState = { ...checked, history: [entry("r0"), entry("r1")] };
const offeringUnsuspend: ReviewState = { ...checked, suspendedReview: "r0", notice: "Card suspended" };

const table: ReducerRow<ReviewState, ReviewAction>[] = [
  ["a request starts: busy, the old error cleared", { ...question, error: "down" }, { type: "requestStarted" }, { ...question, busy: true, error: null }],
  ["a request ends: not busy, its error kept", { ...question, busy: true, error: "down" }, { type: "requestEnded" }, { ...question, busy: false, error: "down" }],
  ["a request fails: the card stays, the error shows", question, { type: "requestFailed", message: "down" }, { ...question, error: "down" }],
  ["the first load fails: the error phase", initialReviewState, { type: "loadFailed", message: "down" }, { ...initialReviewState, phase: "error", error: "down" }],
  [
    "a fresh card: a question with an empty field",
    { ...reporting, invalid: answer("invalid") },
    { type: "cardLoaded", next: { item: card("r2"), remaining: counts } },
    { ...reporting, phase: "question", item: card("r2"), result: null, invalid: null, response: "", report: { open: false, text: "" } },
  ],
  [
    "an answered card (a reload): straight to the feedback",
    question,
    { type: "cardLoaded", next: { item: card("r2", { answer: answer("wrong") }), remaining: counts } },
    { ...question, phase: "feedback", item: card("r2", { answer: answer("wrong") }), result: answer("wrong"), response: "" },
  ],
  [
    "the card an undo brought back: feedback, marked for the answer field's focus",
    { ...question, phase: "empty", item: null },
    { type: "cardLoaded", next: { item: card("r1", { answer: answer("wrong") }), remaining: counts }, afterUndo: true },
    { ...question, phase: "feedback", item: card("r1", { answer: answer("wrong") }), result: answer("wrong"), response: "", cameBackFromUndo: true },
  ],
  [
    "the next card after that one: the undo mark goes",
    { ...checked, cameBackFromUndo: true },
    { type: "cardLoaded", next: { item: card("r2"), remaining: counts } },
    { ...checked, phase: "question", item: card("r2"), result: null, response: "", cameBackFromUndo: false },
  ],
  [
    "nothing left: the empty phase",
    checked,
    { type: "cardLoaded", next: { item: null, remaining: { due: 0, new: 0, redrill: 0 } } },
    { ...checked, phase: "empty", item: null, result: null, response: "", remaining: { due: 0, new: 0, redrill: 0 } },
  ],
  ["typing (or tapping an option) clears an unreadable verdict", unreadable, { type: "responseTyped", response: "B" }, { ...question, response: "B", invalid: null }],
  ["an unreadable answer: still a question, nothing lost", question, { type: "answerChecked", answer: answer("invalid") }, unreadable],
  ["a readable answer: the feedback phase", unreadable, { type: "answerChecked", answer: answer("correct") }, { ...checked, invalid: null }],
  [
    "a grade: onto the history, the notice says so, no unsuspend offer",
    { ...offeringUnsuspend, history: [entry("r0")] },
    { type: "graded", entry: entry("r1"), notice: "Saved" },
    { ...checked, history: [entry("r0"), entry("r1")], notice: "Saved", suspendedReview: null },
  ],
  [
    "a card graded again (after an undo) replaces its entry",
    { ...checked, history: [entry("r1", 2), entry("r0")] },
    { type: "graded", entry: entry("r1", 4), notice: "Saved" },
    { ...checked, history: [entry("r0"), entry("r1", 4)], notice: "Saved" },
  ],
  ["an undo pops the last grade", afterTwo, { type: "undone", notice: "Grade undone" }, { ...checked, history: [entry("r0")], notice: "Grade undone" }],
  ["a suspend offers it back", checked, { type: "suspended", reviewId: "r1", notice: "Card suspended" }, { ...checked, suspendedReview: "r1", notice: "Card suspended" }],
  ["an unsuspend withdraws the offer", offeringUnsuspend, { type: "unsuspended", notice: "Card unsuspended" }, { ...checked, notice: "Card unsuspended" }],
  ["a bury withdraws an unsuspend offer", offeringUnsuspend, { type: "buried", notice: "Buried" }, { ...checked, notice: "Buried" }],
  ["Report opens the dialog", checked, { type: "reportToggled" }, { ...checked, report: { open: true, text: "" } }],
  ["Report again closes it, keeping the text", reporting, { type: "reportToggled" }, { ...reporting, report: { open: false, text: "typo" } }],
  ["Cancel closes it, keeping the text", reporting, { type: "reportClosed" }, { ...reporting, report: { open: false, text: "typo" } }],
  ["typing a report", reporting, { type: "reportTyped", text: "typo in b" }, { ...reporting, report: { open: true, text: "typo in b" } }],
  ["a sent report: closed, emptied, thanked", reporting, { type: "reportSent", notice: "Thanks" }, { ...checked, notice: "Thanks" }],
];

describe("reviewReducer", () => {
  itFollowsTheTable(reviewReducer, table);
});

describe("suggestedGrade", () => {
  it("is the server's suggestion for a checked answer, none before a check or for a revealed (self-graded) card", () => {
    expect(suggestedGrade(checked)).toBe(5);
    expect(suggestedGrade(question)).toBeNull();
    expect(suggestedGrade({ result: answer("revealed", { suggestedGrade: 3 }) })).toBeNull();
  });
});

import type { AnswerPayload, NextReviewPayload } from "@/lib/server/review/review-payload";
import type { ReviewItemPayload } from "@/lib/server/review/review-payload";
import type { RemainingCounts } from "@/lib/srs";

/**
 * The review session's state and every way it changes, as one pure reducer: the component sends
 * what happened (a card arrived, an answer was checked, a grade was saved …) and renders the state;
 * requests, focus and keys stay in the component. Texts arrive already translated.
 */

export type ReviewPhase = "loading" | "question" | "feedback" | "empty" | "error";

/** One grade of this sitting, for the undo stack and the end-of-session summary. */
export interface SessionGrade {
  reviewId: string;
  cardId: string;
  grade: number;
  status: string | null;
  durationMs: number | null;
}

export interface ReviewState {
  phase: ReviewPhase;
  item: ReviewItemPayload | null;
  remaining: RemainingCounts | null;
  /** The checked answer of the card on screen (also when it arrives answered, after an undo). */
  result: AnswerPayload | null;
  /** An unreadable answer: no penalty, the card stays a question. */
  invalid: AnswerPayload | null;
  response: string;
  /** A request is in flight: controls are disabled. */
  busy: boolean;
  notice: string | null;
  /** The review just suspended, offered back by an "Unsuspend" link until something else happens. */
  suspendedReview: string | null;
  error: string | null;
  history: SessionGrade[];
  report: { open: boolean; text: string };
  /**
   * The card on screen came back through an undo: focus goes to its answer field, never to a grade,
   * so that typing the answer again cannot grade it on its first keystroke.
   */
  cameBackFromUndo: boolean;
}

export type ReviewAction =
  | { type: "requestStarted" }
  | { type: "requestEnded" }
  | { type: "requestFailed"; message: string }
  /** The first load failed: there is no card to fall back on. */
  | { type: "loadFailed"; message: string }
  | { type: "cardLoaded"; next: NextReviewPayload; afterUndo?: boolean }
  | { type: "responseTyped"; response: string }
  | { type: "answerChecked"; answer: AnswerPayload }
  | { type: "graded"; entry: SessionGrade; notice: string }
  | { type: "undone"; notice: string }
  | { type: "suspended"; reviewId: string; notice: string }
  | { type: "unsuspended"; notice: string }
  | { type: "buried"; notice: string }
  | { type: "reportToggled" }
  | { type: "reportClosed" }
  | { type: "reportTyped"; text: string }
  | { type: "reportSent"; notice: string };

export const initialReviewState: ReviewState = {
  phase: "loading",
  item: null,
  remaining: null,
  result: null,
  invalid: null,
  response: "",
  busy: false,
  notice: null,
  suspendedReview: null,
  error: null,
  history: [],
  report: { open: false, text: "" },
  cameBackFromUndo: false,
};

const closedReport = { open: false, text: "" };

export function reviewReducer(state: ReviewState, action: ReviewAction): ReviewState {
  switch (action.type) {
    case "requestStarted":
      return { ...state, busy: true, error: null };
    case "requestEnded":
      return { ...state, busy: false };
    case "requestFailed":
      return { ...state, error: action.message };
    case "loadFailed":
      return { ...state, error: action.message, phase: "error" };
    case "cardLoaded": {
      const item = action.next.item;
      return {
        ...state,
        remaining: action.next.remaining,
        item,
        response: "",
        invalid: null,
        report: closedReport,
        result: item?.answer ?? null,
        phase: item === null ? "empty" : item.answer ? "feedback" : "question",
        cameBackFromUndo: action.afterUndo === true,
      };
    }
    case "responseTyped":
      return { ...state, response: action.response, invalid: null };
    case "answerChecked":
      if (action.answer.status === "invalid") return { ...state, invalid: action.answer };
      return { ...state, invalid: null, result: action.answer, phase: "feedback" };
    case "graded":
      return {
        ...state,
        history: [...state.history.filter((entry) => entry.reviewId !== action.entry.reviewId), action.entry],
        notice: action.notice,
        suspendedReview: null,
      };
    case "undone":
      return { ...state, history: state.history.slice(0, -1), notice: action.notice, suspendedReview: null };
    case "suspended":
      return { ...state, notice: action.notice, suspendedReview: action.reviewId };
    case "unsuspended":
      return { ...state, notice: action.notice, suspendedReview: null };
    case "buried":
      return { ...state, notice: action.notice, suspendedReview: null };
    case "reportToggled":
      return { ...state, report: { ...state.report, open: !state.report.open } };
    case "reportClosed":
      return { ...state, report: { ...state.report, open: false } };
    case "reportTyped":
      return { ...state, report: { ...state.report, text: action.text } };
    case "reportSent":
      return { ...state, report: closedReport, notice: action.notice };
  }
}

/** The grade Enter confirms: a self-graded card (revealed) has none, so Enter cannot rate it. */
export function suggestedGrade(state: Pick<ReviewState, "result">): AnswerPayload["suggestedGrade"] | null {
  return state.result && state.result.status !== "revealed" ? state.result.suggestedGrade : null;
}

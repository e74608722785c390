import { describe, expect, it } from "vitest";
import { SPEED_THRESHOLDS, suggestGrade, type CheckOutcome } from "./suggested-grade";

const S = 1000;

describe("suggestGrade", () => {
  it.each<[CheckOutcome, number, string]>([
    [{ kind: "numeric", status: "wrong", durationMs: 5 * S }, 1, "wrong, however fast"],
    [{ kind: "numeric", status: "wrong", durationMs: 5 * S, nearMiss: true }, 2, "a listed common mistake: a near miss"],
    [{ kind: "shape", status: "wrong", durationMs: 200 * S, nearMiss: false }, 1, "wrong and slow is still 1"],
    [{ kind: "numeric", status: "invalid", durationMs: 5 * S, nearMiss: true }, 1, "unreadable is wrong, never a near miss"],
    [{ kind: "numeric", status: "correct", durationMs: 20 * S }, 5, "numeric: fast at exactly 20 s"],
    [{ kind: "numeric", status: "correct", durationMs: 20 * S + 1 }, 4, "numeric: just past fast"],
    [{ kind: "numeric", status: "correct", durationMs: 90 * S }, 4, "numeric: slow starts after 90 s"],
    [{ kind: "numeric", status: "correct", durationMs: 90 * S + 1 }, 3, "numeric: slow"],
    [{ kind: "shape", status: "correct", durationMs: 15 * S }, 5, "shape: fast at 15 s"],
    [{ kind: "shape", status: "correct", durationMs: 61 * S }, 3, "shape: slow after 60 s"],
    [{ kind: "choice", status: "correct", durationMs: 8 * S }, 5, "choice: fast at 8 s"],
    [{ kind: "choice", status: "correct", durationMs: 12 * S }, 4, "choice: ordinary"],
    [{ kind: "choice", status: "correct", durationMs: 31 * S }, 3, "choice: slow after 30 s"],
    [{ kind: "static", status: "revealed", durationMs: 0 }, 4, "static: an instant reveal is no proof of recall"],
    [{ kind: "static", status: "revealed", durationMs: 31 * S }, 3, "static: a long wait before revealing"],
    [{ kind: "numeric", status: "correct", durationMs: 30 * S, thresholds: { fastMs: 40 * S } }, 5, "a template's own fast threshold"],
    [{ kind: "numeric", status: "correct", durationMs: 30 * S, thresholds: { slowMs: 25 * S } }, 3, "a template's own slow threshold"],
  ])("%j → %i (%s)", (outcome, grade) => {
    expect(suggestGrade(outcome)).toBe(grade);
  });

  it("never suggests 0 and keeps fast below slow for every kind", () => {
    for (const [kind, { fastMs, slowMs }] of Object.entries(SPEED_THRESHOLDS)) {
      if (fastMs !== null) expect(fastMs, kind).toBeLessThan(slowMs);
    }
  });

  it.each([
    [{ kind: "numeric", status: "correct", durationMs: -1 }, /durationMs/],
    [{ kind: "numeric", status: "correct", durationMs: Number.NaN }, /durationMs/],
    [{ kind: "essay", status: "correct", durationMs: 1 } as unknown as CheckOutcome, /unknown answer kind "essay"/],
    [{ kind: "numeric", status: "maybe", durationMs: 1 } as unknown as CheckOutcome, /unknown check status "maybe"/],
  ] satisfies [CheckOutcome, RegExp][])("rejects %j", (outcome, message) => {
    expect(() => suggestGrade(outcome)).toThrow(message);
  });
});

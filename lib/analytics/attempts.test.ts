import { describe, expect, it } from "vitest";
import { oncePerAnswer, reviewVerdict, sinceEachMember, withinMemberWindow } from "./attempts";

describe("reviewVerdict", () => {
  it.each([
    { status: "correct", grade: undefined, verdict: true },
    { status: "wrong", grade: 5, verdict: false },
    { status: "revealed", grade: undefined, verdict: null },
    { status: "revealed", grade: 2, verdict: false },
    { status: "revealed", grade: 3, verdict: true },
  ])("$status graded $grade is $verdict", ({ status, grade, verdict }) => {
    expect(reviewVerdict(status, grade)).toBe(verdict);
  });
});

describe("oncePerAnswer", () => {
  const at = new Date("2026-04-01T10:00:00Z");
  it("keeps the first row of one answer (undo re-issues it), and different answers apart", () => {
    const rows = [
      { id: "r2", userId: "u", cardId: "c", variantSeed: 7n, answeredAt: at },
      { id: "r1", userId: "u", cardId: "c", variantSeed: 7n, answeredAt: at },
      { id: "r3", userId: "u", cardId: "c", variantSeed: 8n, answeredAt: at },
      { id: "r4", userId: "v", cardId: "c", variantSeed: 7n, answeredAt: at },
      { id: "r5", userId: "u", cardId: "c", variantSeed: 7n, answeredAt: new Date(at.getTime() + 1) },
    ];
    expect(oncePerAnswer(rows).map((r) => r.id)).toEqual(["r2", "r3", "r4", "r5"]);
  });
});

describe("each member's window", () => {
  const sinceOf = new Map([
    ["early", new Date("2026-01-01T00:00:00Z")],
    ["late", new Date("2026-03-01T00:00:00Z")],
  ]);
  it.each([
    { userId: "early", at: "2026-02-01T00:00:00Z", within: true },
    { userId: "late", at: "2026-02-01T00:00:00Z", within: false },
    { userId: "late", at: "2026-03-01T00:00:00Z", within: true },
    { userId: "stranger", at: "2026-04-01T00:00:00Z", within: false },
  ])("$userId at $at: $within", ({ userId, at, within }) => {
    expect(withinMemberWindow(sinceOf, userId, new Date(at))).toBe(within);
  });

  it("a row without a time is never within", () => {
    expect(sinceEachMember([{ userId: "early", at: null }], (r) => r.at, sinceOf)).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { reportedProblem, type ProblemReportRow } from "./reported-problems";

const row: ProblemReportRow = {
  id: 9,
  createdAt: new Date("2026-04-01T10:00:00Z"),
  userId: "u",
  deckId: "d",
  cardId: "d/dense-params",
  message: "Odd numbers",
  variantSeed: 42n,
  templateVersion: "v1",
  stored: { params: { p: 4 }, anchor: null, response: "12" },
};

describe("reportedProblem", () => {
  it.each([
    { name: "same version: opens the exact variant", card: { itemId: "dense-params", version: "v1" }, anchor: null, sameVersion: true, href: "/practice/dense-params?seed=42" },
    { name: "with an anchor", card: { itemId: "dense-params", version: "v1" }, anchor: "fig 10.1", sameVersion: true, href: "/practice/dense-params?seed=42&anchor=fig+10.1" },
    { name: "template changed since", card: { itemId: "dense-params", version: "v2" }, anchor: null, sameVersion: false, href: "/practice/dense-params?seed=42" },
    { name: "card gone: item id read from the card id", card: undefined, anchor: null, sameVersion: false, href: "/practice/dense-params?seed=42" },
  ])("$name", ({ card, anchor, sameVersion, href }) => {
    const report = reportedProblem({ ...row, stored: { ...row.stored, anchor } }, card, "Ana");
    expect(report).toMatchObject({ id: 9, student: "Ana", itemId: "dense-params", seed: 42, params: { p: 4 }, response: "12", sameVersion, openHref: href, createdAt: "2026-04-01T10:00:00.000Z" });
  });
});

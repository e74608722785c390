import { describe, expect, it } from "vitest";
import { buildQueue, classifyCard, remainingCounts, type QueueCard, type QueueInput, type QueueKind } from "./queue";
import { NEW_CARD_STATE, type CardState } from "./review-state";

const TODAY = 19_800;

/** A card reviewed before, due on `dueDay`. */
function review(id: string, dueDay: number, extra: Partial<CardState> = {}, deckId = "mlp"): QueueCard {
  return {
    id,
    deckId,
    state: { ...NEW_CARD_STATE, repetition: 2, interval: 6, dueDay, lastReviewDay: dueDay - 6, ...extra },
  };
}

function fresh(id: string, deckId = "mlp", position?: number, extra: Partial<CardState> = {}): QueueCard {
  return { id, deckId, position, state: { ...NEW_CARD_STATE, ...extra } };
}

/** Graded today with a first grade below 4 and not yet settled. */
function redrill(id: string, lastGradedAt?: number): QueueCard {
  return {
    id,
    deckId: "mlp",
    lastGradedAt,
    state: { ...NEW_CARD_STATE, repetition: 0, interval: 1, dueDay: TODAY + 1, lastReviewDay: TODAY, redrillDay: TODAY },
  };
}

const ids = (input: QueueInput) => buildQueue(input).map((entry) => `${entry.kind}:${entry.cardId}`);

describe("classifyCard", () => {
  it.each<[CardState, QueueKind | null, string]>([
    [NEW_CARD_STATE, "new", "never reviewed"],
    [review("a", TODAY).state, "review", "due today"],
    [review("a", TODAY - 3).state, "review", "overdue"],
    [review("a", TODAY + 1).state, null, "due tomorrow"],
    [redrill("a").state, "redrill", "first grade today was below 4"],
    [{ ...redrill("a").state, redrillDay: TODAY - 1 }, null, "yesterday's unfinished re-drill has lapsed"],
    [{ ...review("a", TODAY - 1).state, suspended: true }, null, "suspended"],
    [{ ...NEW_CARD_STATE, buriedUntilDay: TODAY + 1 }, null, "buried until tomorrow"],
    [{ ...review("a", TODAY - 1).state, buriedUntilDay: TODAY }, "review", "burial ended this morning"],
    [{ ...redrill("a").state, buriedUntilDay: TODAY + 1 }, null, "a buried re-drill stays buried"],
    [{ ...review("a", TODAY).state, lastReviewDay: TODAY }, null, "already reviewed today (zone moved west)"],
  ])("%j → %s (%s)", (state, kind) => {
    expect(classifyCard(state, TODAY)).toBe(kind);
  });
});

describe("buildQueue", () => {
  it.each([
    {
      reason: "due reviews, then new, then re-drills",
      input: { cards: [redrill("r1"), fresh("n1"), review("d1", TODAY)], today: TODAY },
      expected: ["review:d1", "new:n1", "redrill:r1"],
    },
    {
      reason: "most overdue first; equal due days by id",
      input: { cards: [review("b", TODAY), review("c", TODAY - 5), review("a", TODAY), review("d", TODAY - 1)], today: TODAY },
      expected: ["review:c", "review:d", "review:a", "review:b"],
    },
    {
      reason: "ids compare by code unit, not locale (uppercase before lowercase)",
      input: { cards: [review("b", TODAY), review("B", TODAY), review("a", TODAY)], today: TODAY },
      expected: ["review:B", "review:a", "review:b"],
    },
    {
      reason: "the daily review limit keeps the most overdue",
      input: {
        cards: [review("a", TODAY), review("b", TODAY - 2), review("c", TODAY - 1)],
        today: TODAY,
        limits: { reviewsPerDay: 2 },
      },
      expected: ["review:b", "review:c"],
    },
    {
      reason: "reviews already done today use up the limit; new cards are unaffected",
      input: {
        cards: [review("a", TODAY), review("b", TODAY - 2), fresh("n")],
        today: TODAY,
        limits: { reviewsPerDay: 3 },
        reviewedToday: { reviews: 2 },
      },
      expected: ["review:b", "new:n"],
    },
    {
      reason: "limit reached: no reviews; more done than the limit is not an error",
      input: { cards: [review("a", TODAY)], today: TODAY, limits: { reviewsPerDay: 1 }, reviewedToday: { reviews: 5 } },
      expected: [],
    },
    {
      reason: "new cards in authoring order (position, then id), per-deck limit",
      input: {
        cards: [fresh("n3", "mlp", 3), fresh("n1", "mlp", 1), fresh("n2", "mlp", 2), fresh("n0", "mlp", 1)],
        today: TODAY,
        limits: { newPerDeck: 3 },
      },
      expected: ["new:n0", "new:n1", "new:n2"],
    },
    {
      reason: "each deck has its own new limit, minus what it introduced today",
      input: {
        cards: [fresh("a1", "cnn", 1), fresh("a2", "cnn", 2), fresh("b1", "rnn", 1), fresh("b2", "rnn", 2), fresh("b3", "rnn", 3)],
        today: TODAY,
        limits: { newPerDeck: 2 },
        reviewedToday: { newByDeck: { cnn: 2, rnn: 1 } },
      },
      expected: ["new:b1"],
    },
    {
      reason: "default limits: 20 new per deck",
      input: { cards: Array.from({ length: 25 }, (_, index) => fresh(`n${String(index).padStart(2, "0")}`)), today: TODAY },
      expected: Array.from({ length: 20 }, (_, index) => `new:n${String(index).padStart(2, "0")}`),
    },
    {
      reason: "re-drills are never limited, longest-waiting first",
      input: {
        cards: [redrill("late", 300), redrill("early", 100), redrill("unknown"), review("d", TODAY)],
        today: TODAY,
        limits: { reviewsPerDay: 0, newPerDeck: 0 },
      },
      expected: ["redrill:unknown", "redrill:early", "redrill:late"],
    },
    {
      reason: "suspended and buried cards are left out of every part",
      input: {
        cards: [
          review("d", TODAY, { suspended: true }),
          fresh("n", "mlp", 0, { buriedUntilDay: TODAY + 1 }),
          { ...redrill("r"), state: { ...redrill("r").state, suspended: true } },
          review("ok", TODAY),
        ],
        today: TODAY,
      },
      expected: ["review:ok"],
    },
    {
      reason: "cards not due yet are left out",
      input: { cards: [review("later", TODAY + 3)], today: TODAY },
      expected: [],
    },
  ] satisfies { reason: string; input: QueueInput; expected: string[] }[])("$reason", ({ input, expected }) => {
    expect(ids(input)).toEqual(expected);
  });

  it("reports how overdue each review is", () => {
    const queue = buildQueue({ cards: [review("a", TODAY - 4), fresh("n")], today: TODAY });
    expect(queue).toEqual([
      { cardId: "a", deckId: "mlp", kind: "review", overdueDays: 4 },
      { cardId: "n", deckId: "mlp", kind: "new", overdueDays: null },
    ]);
  });

  it("does not depend on the input order", () => {
    const cards = [review("a", TODAY), review("b", TODAY - 1), fresh("n1", "x", 2), fresh("n2", "x", 1), redrill("r", 5)];
    const forward = buildQueue({ cards, today: TODAY });
    expect(buildQueue({ cards: [...cards].reverse(), today: TODAY })).toEqual(forward);
  });

  it.each([
    [{ cards: [], today: 1.5 }, /today must be an integer/],
    [{ cards: [], today: TODAY, limits: { newPerDeck: -1 } }, /limits.newPerDeck/],
    [{ cards: [], today: TODAY, limits: { reviewsPerDay: 2.5 } }, /limits.reviewsPerDay/],
    [{ cards: [fresh("n")], today: TODAY, reviewedToday: { newByDeck: { mlp: -2 } } }, /newByDeck\["mlp"\]/],
  ] satisfies [QueueInput, RegExp][])("rejects bad input %#", (input, message) => {
    expect(() => buildQueue(input)).toThrow(message);
  });
});

describe("remainingCounts", () => {
  it.each([
    [[], { due: 0, new: 0, redrill: 0 }],
    [[review("a", TODAY), review("b", TODAY - 1), fresh("n"), redrill("r")], { due: 2, new: 1, redrill: 1 }],
  ] as const)("counts each kind %#", (cards, counts) => {
    expect(remainingCounts(buildQueue({ cards, today: TODAY }))).toEqual(counts);
  });
});

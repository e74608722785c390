import { describe, expect, it } from "vitest";
import { dailyRoom, type DailyRoomInput } from "./daily-room";
import { buildQueue, type QueueCard } from "./queue";
import { NEW_CARD_STATE } from "./review-state";

const limits = { newPerDeck: 20, reviewsPerDay: 200 };

describe("dailyRoom", () => {
  // Each row worked by hand: reviews = max(0, reviewsPerDay − reviewed), new = max(0, deck limit − introduced).
  const rows: { name: string; input: DailyRoomInput; reviews: number; newLimit: Record<string, number>; newCards: Record<string, number> }[] = [
    { name: "nothing done yet: the whole limits", input: { limits }, reviews: 200, newLimit: { a: 20 }, newCards: { a: 20 } },
    {
      name: "some done: 200 − 150 reviews, 20 − 5 new in a, b untouched",
      input: { limits, reviewedToday: { reviews: 150, newByDeck: { a: 5 } } },
      reviews: 50,
      newLimit: { a: 20, b: 20 },
      newCards: { a: 15, b: 20 },
    },
    {
      name: "over the limits (lowered after studying): 0, never negative",
      input: { limits: { newPerDeck: 3, reviewsPerDay: 10 }, reviewedToday: { reviews: 12, newByDeck: { a: 7 } } },
      reviews: 0,
      newLimit: { a: 3 },
      newCards: { a: 0 },
    },
    {
      name: "an exam's pace raises a's limit to 53: 53 − 10; b keeps the plain 20",
      input: { limits, newLimitByDeck: { a: 53 }, reviewedToday: { reviews: 0, newByDeck: { a: 10, b: 2 } } },
      reviews: 200,
      newLimit: { a: 53, b: 20 },
      newCards: { a: 43, b: 18 },
    },
    {
      name: "limits of 0: no room at all",
      input: { limits: { newPerDeck: 0, reviewsPerDay: 0 } },
      reviews: 0,
      newLimit: { a: 0 },
      newCards: { a: 0 },
    },
  ];

  it.each(rows)("$name", ({ input, reviews, newLimit, newCards }) => {
    const room = dailyRoom(input);
    expect(room.reviews).toBe(reviews);
    expect(Object.fromEntries(Object.keys(newLimit).map((deckId) => [deckId, room.newLimit(deckId)]))).toEqual(newLimit);
    expect(Object.fromEntries(Object.keys(newCards).map((deckId) => [deckId, room.newCards(deckId)]))).toEqual(newCards);
  });

  it.each([
    [{ limits: { newPerDeck: -1, reviewsPerDay: 200 } }, /limits.newPerDeck/],
    [{ limits: { newPerDeck: 20, reviewsPerDay: 2.5 } }, /limits.reviewsPerDay/],
    [{ limits, reviewedToday: { reviews: -1 } }, /reviewedToday.reviews/],
  ] satisfies [DailyRoomInput, RegExp][])("rejects bad limits or counts at once %#", (input, message) => {
    expect(() => dailyRoom(input)).toThrow(message);
  });

  it("rejects a deck's bad count when that deck is asked about", () => {
    const room = dailyRoom({ limits, newLimitByDeck: { b: -3 }, reviewedToday: { newByDeck: { a: 1.5 } } });
    expect(() => room.newCards("a")).toThrow(/newByDeck\["a"\]/);
    expect(() => room.newLimit("b")).toThrow(/newLimitByDeck\["b"\]/);
    expect(room.newCards("c")).toBe(20);
  });

  it("is the room buildQueue fills: as many reviews and new cards as it says, per deck", () => {
    const today = 20_000;
    const due = (id: string): QueueCard => ({ id, deckId: "a", state: { ...NEW_CARD_STATE, repetition: 1, interval: 1, dueDay: today - 1, lastReviewDay: today - 2 } });
    const fresh = (id: string, deckId: string): QueueCard => ({ id, deckId, state: NEW_CARD_STATE });
    const input = { limits: { newPerDeck: 4, reviewsPerDay: 5 }, newLimitByDeck: { b: 6 }, reviewedToday: { reviews: 2, newByDeck: { a: 1, b: 1 } } };
    const cards = [...Array.from({ length: 9 }, (_, i) => due(`d${i}`)), ...Array.from({ length: 9 }, (_, i) => fresh(`a${i}`, "a")), ...Array.from({ length: 9 }, (_, i) => fresh(`b${i}`, "b"))];
    const queue = buildQueue({ cards, today, ...input });
    const room = dailyRoom(input);
    expect(queue.filter((entry) => entry.kind === "review")).toHaveLength(room.reviews);
    expect(queue.filter((entry) => entry.kind === "new" && entry.deckId === "a")).toHaveLength(room.newCards("a"));
    expect(queue.filter((entry) => entry.kind === "new" && entry.deckId === "b")).toHaveLength(room.newCards("b"));
    expect([room.reviews, room.newCards("a"), room.newCards("b")]).toEqual([3, 3, 5]);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { MILLISECONDS_PER_DAY } from "@/lib/srs";
import { deckConceptProgress } from "./concept-progress";
import { syncContentDecks } from "../decks/deck-store";
import { answerReview } from "../review/review-answer";
import { gradeReview, undoGrade } from "../review/review-grade";
import { nextReview } from "../review/review-issue";
import { testDeck, testUser } from "../testing/review-fixtures";
import { studentStats } from "./stats";

const deck = testDeck();
const DAY0 = new Date("2026-03-02T09:00:00Z");
const at = (day: number) => new Date(DAY0.getTime() + day * MILLISECONDS_PER_DAY);

beforeAll(async () => {
  await syncContentDecks([deck], { retireMissingDecks: false });
});

describe("deckConceptProgress", () => {
  it("is empty for a student who has reviewed nothing", async () => {
    expect((await deckConceptProgress(await testUser(), deck.id, DAY0)).size).toBe(0);
  });

  it("counts seen and due cards per concept, and the share retained as /stats does (undone grades left out)", async () => {
    const userId = await testUser();
    // Day 0: every new card once: the parametric one ("counting") wrong, the two "facts" cards 5 and 3.
    const grades: Record<string, number[]> = { "single-params": [1, 4], "what-is-relu": [5], "relu-linear": [3, 4] };
    for (;;) {
      const { item } = await nextReview(userId, { deckId: deck.id }, DAY0);
      if (!item) break;
      await answerReview(userId, item.reviewId, { response: item.selfGraded ? "" : "1", durationMs: 10_000 }, DAY0);
      await gradeReview(userId, item.reviewId, grades[item.itemId]!.shift()! as 0 | 1 | 2 | 3 | 4 | 5, DAY0);
    }
    // Same day: the re-drilled "counting" card is not due again; nothing is due before day 1.
    const sameDay = await deckConceptProgress(userId, deck.id, DAY0);
    expect(sameDay.get("counting")).toMatchObject({ seen: 1, due: 0 });
    // Day 1: all three are due; one is graded and the grade undone (it must not count).
    const { item } = await nextReview(userId, { deckId: deck.id }, at(1));
    await gradeReview(userId, item!.reviewId, 5, at(1));
    await undoGrade(userId, item!.reviewId, at(1));

    const progress = await deckConceptProgress(userId, deck.id, at(1));
    expect(progress.get("counting")).toEqual({ seen: 1, due: 1, reviews: 1, retained: 0, rate: 0 });
    expect(progress.get("facts")).toEqual({ seen: 2, due: 2, reviews: 2, retained: 2, rate: 1 });
    // The same reviews as /stats reads them from the whole log.
    const stats = await studentStats(userId, at(1));
    for (const concept of stats.concepts.filter((c) => c.deckId === deck.id)) {
      expect(progress.get(concept.concept)).toMatchObject({ reviews: concept.reviews, retained: concept.retained });
    }
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { expectStatus } from "@/lib/server-shared/testing/expect-status";
import type { Variant } from "@/lib/questions";
import { MILLISECONDS_PER_DAY, dayNumber } from "@/lib/srs";
import { db } from "../platform/db";
import { invalidateOpenDecks, syncContentDecks, type OpenDeck } from "../decks/deck-store";
import { answerReview } from "./review-answer";
import { buryReviewCard, reportProblem, suspendReviewCard } from "./review-card-actions";
import { gradeReview, undoGrade } from "./review-grade";
import { nextReview } from "./review-issue";
import { todayQueue } from "./review-queue";
import { updateReviewSettings } from "./review-settings";
import { testDeck, testUser } from "../testing/review-fixtures";

/**
 * The review loop against a real SQLite database: issue → answer → grade → state, exactly-once
 * grading, undo, suspend, bury, re-drills and the daily limits. Time is passed in (`now`), so the
 * tests walk through days without waiting.
 */

const deck = testDeck();
const DAY0 = new Date("2026-03-02T09:00:00Z");
const at = (day: number, hour = 9) => new Date(DAY0.getTime() + day * MILLISECONDS_PER_DAY + (hour - 9) * 3_600_000);
const today0 = dayNumber(DAY0, "UTC");

beforeAll(async () => {
  await syncContentDecks([deck], { retireMissingDecks: false });
});

async function next(userId: string, now = DAY0) {
  return nextReview(userId, { deckId: deck.id }, now);
}

async function storedVariant(reviewId: string): Promise<Variant> {
  const review = await db.review.findUniqueOrThrow({ where: { id: reviewId } });
  return JSON.parse(review.variant) as Variant;
}

/** The right answer to a stored variant, typed the way a student would. */
async function rightAnswer(reviewId: string): Promise<string> {
  const answer = (await storedVariant(reviewId)).expectedAnswer;
  switch (answer.format) {
    case "integer":
      return answer.value.toLocaleString("en-US");
    case "boolean":
      return answer.value ? "true" : "false";
    case "self":
      return "";
    default:
      throw new Error(`no right answer for ${answer.format} in this test`);
  }
}

async function stateRow(userId: string, cardId: string) {
  return db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId } } });
}

/** Reviews cards until the queue is empty or `limit` cards were graded; returns the card ids in order. */
async function reviewAll(userId: string, grade: (cardId: string) => 0 | 1 | 2 | 3 | 4 | 5, now = DAY0, limit = 20): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i += 1) {
    const { item } = await next(userId, now);
    if (!item) break;
    seen.push(item.cardId);
    await gradeReview(userId, item.reviewId, grade(item.cardId), now);
  }
  return seen;
}

describe("issuing reviews", () => {
  it("gives a new student the deck's new cards in authoring order, with the remaining counts", async () => {
    const userId = await testUser();
    const first = await next(userId);
    expect(first.remaining).toEqual({ due: 0, new: 3, redrill: 0 });
    expect(first.item).toMatchObject({ cardId: `${deck.id}/single-params`, deckId: deck.id, kind: "new", itemType: "parametric", answerFormat: "integer", selfGraded: false, answer: null });
    expect(first.item?.prompt.en).toMatch(/^A network has \d+ inputs, \d+ hidden units and one output/);
    expect(first.item?.conceptName).toEqual({ ko: "모수 세기", en: "Counting parameters" });
    expect(first.item?.deckTitle).toEqual({ ko: "시험 덱", en: "Test deck" });
  });

  it("returns the same pending review when asked again without answering, and never piles reviews up", async () => {
    const userId = await testUser();
    const a = await next(userId);
    const b = await next(userId, at(0, 10));
    const [c, d] = await Promise.all([next(userId), next(userId)]);
    expect(new Set([a.item?.reviewId, b.item?.reviewId, c.item?.reviewId, d.item?.reviewId]).size).toBe(1);
    expect(await db.review.count({ where: { userId } })).toBe(1);
  });

  it("stores the variant exactly as issued, with its seed and template version", async () => {
    const userId = await testUser();
    const { item } = await next(userId);
    const review = await db.review.findUniqueOrThrow({ where: { id: item!.reviewId } });
    const variant = JSON.parse(review.variant) as Variant;
    expect(Number(review.variantSeed)).toBe(variant.seed);
    expect(review.templateVersion).toBe(variant.templateVersion);
    expect(variant.prompt).toEqual(item!.prompt);
    expect((await stateRow(userId, item!.cardId)).issueCount).toBe(1);
  });

  it("issues a fresh variant each time a parametric card comes back", async () => {
    const userId = await testUser();
    const first = (await next(userId)).item!;
    await gradeReview(userId, first.reviewId, 1, DAY0);
    // The re-drill comes after the other new cards.
    await reviewAll(userId, (cardId) => (cardId === first.cardId ? 5 : 4), DAY0, 2);
    const again = (await next(userId)).item!;
    expect(again.cardId).toBe(first.cardId);
    expect(again.kind).toBe("redrill");
    const [before, after] = await Promise.all([storedVariant(first.reviewId), storedVariant(again.reviewId)]);
    expect(after.seed).not.toBe(before.seed);
  });

  it("answers an unknown deck with 404", async () => {
    const userId = await testUser();
    await expectStatus(nextReview(userId, { deckId: "no-such-deck" }, DAY0), 404);
  });
});

describe("issue → answer → grade → state", () => {
  it("checks the answer against the stored variant and applies SM-2 to the card", async () => {
    const userId = await testUser();
    const { item } = await next(userId);
    const answer = await answerReview(userId, item!.reviewId, { response: await rightAnswer(item!.reviewId), durationMs: 5_000 }, DAY0);
    expect(answer).toMatchObject({ status: "correct", suggestedGrade: 5, durationMs: 5_000 });
    expect(answer.readAs).toMatch(/^\d+$/);
    expect(answer.solution?.en).toContain("Count the weights and biases");
    expect(answer.architecture?.layers).toHaveLength(2);

    const graded = await gradeReview(userId, item!.reviewId, 5, DAY0);
    expect(graded).toMatchObject({ grade: 5, counted: true, repeated: false, undone: false });
    expect(graded.state).toEqual({
      repetition: 1,
      interval: 1,
      easiness: 2.6,
      dueAt: "2026-03-03T00:00:00.000Z",
      dueDate: "2026-03-03",
      suspended: false,
      redrillToday: false,
    });
    const row = await stateRow(userId, item!.cardId);
    expect(row).toMatchObject({ repetition: 1, easinessHundredths: 260, interval: 1, dueDay: today0 + 1, lastReviewDay: today0, introducedDay: today0 });
    const log = await db.reviewLog.findUniqueOrThrow({ where: { reviewId: item!.reviewId } });
    expect(log).toMatchObject({ grade: 5, counted: true, wasNew: true, status: "correct", durationMs: 5_000, reviewDay: today0, concept: "counting" });
    expect(JSON.parse(log.stateBefore)).toMatchObject({ repetition: 0, interval: null, dueDay: null });
  });

  it("reads an answer with thousands separators and full-width digits, and flags a listed near miss", async () => {
    const userId = await testUser();
    const { item } = await next(userId);
    const variant = await storedVariant(item!.reviewId);
    const { p, K } = variant.params as { p: number; K: number };
    const result = await answerReview(userId, item!.reviewId, { response: String(p * K + K), durationMs: 1_000 }, DAY0);
    expect(result.status).toBe("wrong");
    expect(result.mistake?.en).toBe("You left out the biases.");
    expect(result.suggestedGrade).toBe(2);
    expect(result.expected).toBe(((p + 1) * K + K + 1).toLocaleString("en-US"));
  });

  it("treats unreadable input as invalid: nothing stored, nothing revealed, answer again", async () => {
    const userId = await testUser();
    const { item } = await next(userId);
    const junk = await answerReview(userId, item!.reviewId, { response: "banana" }, DAY0);
    expect(junk).toMatchObject({ status: "invalid", readAs: null, expected: null, solution: null, suggestedGrade: null });
    expect(junk.reason?.en).toBeTruthy();
    expect((await db.review.findUniqueOrThrow({ where: { id: item!.reviewId } })).status).toBeNull();
    const right = await answerReview(userId, item!.reviewId, { response: await rightAnswer(item!.reviewId) }, DAY0);
    expect(right.status).toBe("correct");
    // A second answer does not replace the first readable one.
    const again = await answerReview(userId, item!.reviewId, { response: "1" }, DAY0);
    expect(again.status).toBe("correct");
    // The pending review now carries its answer (a reload lands on the grading step).
    expect((await next(userId)).item?.answer?.status).toBe("correct");
  });

  it("reveals a self-graded card whatever was typed", async () => {
    const userId = await testUser();
    await reviewAll(userId, () => 5, DAY0, 1);
    const { item } = await next(userId);
    expect(item).toMatchObject({ itemType: "qa", selfGraded: true, answerFormat: "self" });
    const revealed = await answerReview(userId, item!.reviewId, {}, DAY0);
    expect(revealed.status).toBe("revealed");
    expect(revealed.solution?.en).toContain("max(0, z)");
    expect(revealed.suggestedGrade).toBe(4);
  });
});

describe("grading exactly once", () => {
  it("a repeated grade returns the same state, writes one log row and changes nothing", async () => {
    const userId = await testUser();
    const { item } = await next(userId);
    const first = await gradeReview(userId, item!.reviewId, 4, DAY0);
    const rowAfterFirst = await stateRow(userId, item!.cardId);
    const second = await gradeReview(userId, item!.reviewId, 0, at(0, 11));
    expect(second.state).toEqual(first.state);
    expect(second).toMatchObject({ grade: 4, repeated: true });
    expect(await db.reviewLog.count({ where: { reviewId: item!.reviewId } })).toBe(1);
    expect(await stateRow(userId, item!.cardId)).toEqual(rowAfterFirst);
  });

  it("20 concurrent duplicate grade requests make one log entry and identical answers", async () => {
    const userId = await testUser();
    const { item } = await next(userId);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => gradeReview(userId, item!.reviewId, (i % 6) as 0 | 1 | 2 | 3 | 4 | 5, DAY0)));
    expect(await db.reviewLog.count({ where: { reviewId: item!.reviewId } })).toBe(1);
    const states = new Set(results.map((result) => JSON.stringify({ state: result.state, grade: result.grade })));
    expect(states.size).toBe(1);
    expect(results.filter((result) => !result.repeated)).toHaveLength(1);
    const log = await db.reviewLog.findUniqueOrThrow({ where: { reviewId: item!.reviewId } });
    expect(results[0]?.grade).toBe(log.grade);
  });

  it("another user's reviewId is a 404 for every action, and changes nothing", async () => {
    const owner = await testUser();
    const intruder = await testUser();
    const { item } = await next(owner);
    const id = item!.reviewId;
    await expectStatus(answerReview(intruder, id, { response: "1" }), 404);
    await expectStatus(gradeReview(intruder, id, 5), 404);
    await expectStatus(undoGrade(intruder, id), 404);
    await expectStatus(suspendReviewCard(intruder, id, true), 404);
    await expectStatus(buryReviewCard(intruder, id), 404);
    await expectStatus(reportProblem(intruder, id, "spam"), 404);
    await expectStatus(gradeReview(owner, "no-such-review", 5), 404);
    expect(await db.reviewLog.count({ where: { reviewId: id } })).toBe(0);
    expect((await stateRow(owner, item!.cardId)).suspended).toBe(false);
  });
});

describe("undo", () => {
  it("restores the state before the grade exactly, logs the undo, and the card comes back", async () => {
    const userId = await testUser();
    // Day 0: learn all three cards; day 1: the parametric card is due.
    await reviewAll(userId, () => 5, DAY0);
    const day1 = at(1);
    const { item } = await nextReview(userId, { deckId: deck.id }, day1);
    expect(item?.kind).toBe("review");
    await answerReview(userId, item!.reviewId, { response: await rightAnswer(item!.reviewId) }, day1);
    const before = await stateRow(userId, item!.cardId);
    await gradeReview(userId, item!.reviewId, 1, day1);
    expect((await stateRow(userId, item!.cardId)).repetition).toBe(0);

    const undone = await undoGrade(userId, item!.reviewId, day1);
    const after = await stateRow(userId, item!.cardId);
    const { updatedAt: _a, ...restored } = after;
    const { updatedAt: _b, ...original } = before;
    expect(restored).toEqual({ ...original, issueCount: before.issueCount });
    expect(undone.state).toMatchObject({ repetition: 1, interval: 1, easiness: 2.6 });
    expect(await db.reviewUndo.count({ where: { reviewId: item!.reviewId } })).toBe(1);

    // The same question comes back with its answer, ready to be graded again.
    expect(undone.item?.cardId).toBe(item!.cardId);
    expect(undone.item?.prompt).toEqual(item!.prompt);
    expect(undone.item?.answer?.status).toBe("correct");
    const again = await nextReview(userId, { deckId: deck.id }, day1);
    expect(again.item?.reviewId).toBe(undone.item?.reviewId);
    expect(again.remaining.due).toBe(3);

    // Undoing twice changes nothing more; the undone grade no longer counts for today.
    const twice = await undoGrade(userId, item!.reviewId, day1);
    expect(twice.repeated).toBe(true);
    expect(await db.reviewUndo.count({ where: { reviewId: item!.reviewId } })).toBe(1);
    const graded = await gradeReview(userId, again.item!.reviewId, 4, day1);
    expect(graded.state).toMatchObject({ repetition: 2, interval: 6 });
  });

  it("refuses to undo a grade that is not the card's latest (409), or a review never graded", async () => {
    const userId = await testUser();
    const { item } = await next(userId);
    await expectStatus(undoGrade(userId, item!.reviewId), 409);
    await gradeReview(userId, item!.reviewId, 2, DAY0);
    await reviewAll(userId, (cardId) => (cardId === item!.cardId ? 5 : 4), DAY0, 3);
    // The card came back as a re-drill and was graded again: only that later grade can be undone.
    await expectStatus(undoGrade(userId, item!.reviewId), 409);
  });
});

describe("suspend, bury, report", () => {
  it("suspending removes the card from the queue until it is unsuspended", async () => {
    const userId = await testUser();
    const { item } = await next(userId);
    const suspended = await suspendReviewCard(userId, item!.reviewId, true, DAY0);
    expect(suspended.state.suspended).toBe(true);
    await expectStatus(gradeReview(userId, item!.reviewId, 5, DAY0), 409);
    const { entries } = await todayQueue(userId, DAY0, { deckId: deck.id });
    expect(entries.map((e) => e.cardId)).not.toContain(item!.cardId);
    expect((await next(userId)).item?.cardId).not.toBe(item!.cardId);
    await suspendReviewCard(userId, item!.reviewId, false, DAY0);
    expect((await todayQueue(userId, DAY0, { deckId: deck.id })).entries.map((e) => e.cardId)).toContain(item!.cardId);
  });

  it("burying hides the card until tomorrow", async () => {
    const userId = await testUser();
    const { item } = await next(userId);
    await buryReviewCard(userId, item!.reviewId, DAY0);
    expect((await todayQueue(userId, at(0, 23), { deckId: deck.id })).entries.map((e) => e.cardId)).not.toContain(item!.cardId);
    expect((await todayQueue(userId, at(1), { deckId: deck.id })).entries.map((e) => e.cardId)).toContain(item!.cardId);
  });

  it("a problem report stores the variant's seed and parameters", async () => {
    const userId = await testUser();
    const { item } = await next(userId);
    const { reportId } = await reportProblem(userId, item!.reviewId, "The prompt says 'hidden' twice.", DAY0);
    const report = await db.problemReport.findUniqueOrThrow({ where: { id: reportId } });
    const variant = await storedVariant(item!.reviewId);
    expect(Number(report.variantSeed)).toBe(variant.seed);
    expect(JSON.parse(report.params).params).toEqual(variant.params);
    expect(report).toMatchObject({ cardId: item!.cardId, deckId: deck.id, templateVersion: variant.templateVersion, message: "The prompt says 'hidden' twice." });
  });
});

describe("re-drills and daily limits", () => {
  it("a card whose first grade today is below 4 comes back the same day until it is graded 4 or 5", async () => {
    const userId = await testUser();
    const order = await reviewAll(userId, (cardId) => (cardId.endsWith("single-params") ? 2 : 5), DAY0, 3);
    expect(order).toHaveLength(3);
    const redrill = await next(userId);
    expect(redrill.remaining).toEqual({ due: 0, new: 0, redrill: 1 });
    expect(redrill.item).toMatchObject({ cardId: `${deck.id}/single-params`, kind: "redrill" });
    const stateBefore = await stateRow(userId, redrill.item!.cardId);
    const graded = await gradeReview(userId, redrill.item!.reviewId, 3, at(0, 10));
    expect(graded.counted).toBe(false);
    expect(graded.state.redrillToday).toBe(true);
    const sameState = await stateRow(userId, redrill.item!.cardId);
    expect({ ...sameState, updatedAt: null }).toEqual({ ...stateBefore, updatedAt: null, issueCount: stateBefore.issueCount });
    const third = await next(userId, at(0, 11));
    expect(third.item?.kind).toBe("redrill");
    const settled = await gradeReview(userId, third.item!.reviewId, 4, at(0, 11));
    expect(settled.state.redrillToday).toBe(false);
    expect((await next(userId, at(0, 12))).item).toBeNull();
    // Logged, but only the first grade of the day counted.
    const logs = await db.reviewLog.findMany({ where: { userId, cardId: redrill.item!.cardId }, orderBy: { id: "asc" } });
    expect(logs.map((log) => [log.grade, log.counted])).toEqual([
      [2, true],
      [3, false],
      [4, false],
    ]);
  });

  it("limits new cards per deck and due reviews per day, counting today's grades from the log", async () => {
    const userId = await testUser();
    await updateReviewSettings(userId, { newCardsPerDeck: 2 });
    expect((await next(userId)).remaining.new).toBe(2);
    expect(await reviewAll(userId, () => 5)).toHaveLength(2);
    expect((await next(userId)).item).toBeNull();
    // Day 1: the two cards learnt are due, and the third card is new.
    await updateReviewSettings(userId, { newCardsPerDeck: 20, reviewsPerDay: 1 });
    expect((await next(userId, at(1))).remaining).toEqual({ due: 1, new: 1, redrill: 0 });
    const { item } = await next(userId, at(1));
    expect(item?.kind).toBe("review");
    await gradeReview(userId, item!.reviewId, 5, at(1));
    expect((await next(userId, at(1))).remaining).toEqual({ due: 0, new: 1, redrill: 0 });
  });

  it("counts days in the user's time zone", async () => {
    const userId = await testUser("Asia/Seoul");
    // 23:30 in Seoul on 2 March is 14:30 UTC; the card learnt then is due on 3 March, Seoul time.
    const late = new Date("2026-03-02T14:30:00Z");
    const { item } = await nextReview(userId, { deckId: deck.id }, late);
    const graded = await gradeReview(userId, item!.reviewId, 5, late);
    expect(graded.state.dueDate).toBe("2026-03-03");
    expect(graded.state.dueAt).toBe("2026-03-02T15:00:00.000Z");
  });
});

describe("decks", () => {
  it("a private deck is not in the queue of a student outside its classes", async () => {
    const hidden = testDeck();
    await syncContentDecks([hidden], { retireMissingDecks: false });
    await db.deck.update({ where: { id: hidden.id }, data: { isPublic: false, source: "app" } });
    invalidateOpenDecks();
    const userId = await testUser();
    const queue = await todayQueue(userId, DAY0);
    expect(queue.decks.map((d) => d.id)).not.toContain(hidden.id);
    expect(queue.entries.map((e) => e.deckId)).not.toContain(hidden.id);
    await expectStatus(nextReview(userId, { deckId: hidden.id }, DAY0), 404);
  });

  it("every open deck is enrolled for a new student without a setup step", async () => {
    const userId = await testUser();
    const queue = await todayQueue(userId, DAY0);
    const ours = queue.decks.find((d: OpenDeck) => d.id === deck.id);
    expect(ours?.concepts.map((c) => c.id)).toEqual(["counting", "facts"]);
    expect(await db.cardState.count({ where: { userId, deckId: deck.id } })).toBe(3);
    expect(await db.userDeck.findUnique({ where: { userId_deckId: { userId, deckId: deck.id } } })).toMatchObject({ deckVersion: deck.version });
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "@/tests/unit/test-database";
import { assignDeck, createClass } from "../classes/classes";
import { makeUser } from "../testing/classes-fixtures";
import { db } from "./db";
import { syncContentDecks } from "../decks/deck-store";
import { AppError } from "@/lib/server-shared/errors";
import { gradeReview, undoGrade } from "../review/review-grade";
import { nextReview } from "../review/review-issue";
import { testDeck, testUser } from "../testing/review-fixtures";

/**
 * Racing requests against the real data layer, on the database the tests run on (SQLite, or
 * PostgreSQL with DEEPDRILL_TEST_DB=postgresql, where transactions run side by side on a pool of
 * connections): every answer is a value or a meaningful 4xx, never an unexpected error, and the data
 * are as after one request (docs/architecture.md, "Databases").
 */

const deck = testDeck();
const DAY0 = new Date("2026-03-02T09:00:00Z");

beforeAll(async () => {
  await syncContentDecks([deck], { retireMissingDecks: false });
});

type Settled<T> = { ok: true; value: T } | { ok: false; status: number };

/** Runs the calls at once; an AppError becomes its status, anything else fails the test. */
async function race<T>(calls: Array<() => Promise<T>>): Promise<Array<Settled<T>>> {
  const results = await Promise.allSettled(calls.map((call) => call()));
  return results.map((result) => {
    if (result.status === "fulfilled") return { ok: true, value: result.value };
    if (result.reason instanceof AppError) return { ok: false, status: result.reason.status };
    throw result.reason;
  });
}

const values = <T>(settled: Array<Settled<T>>): T[] => settled.flatMap((s) => (s.ok ? [s.value] : []));

async function issue(userId: string) {
  const { item } = await nextReview(userId, { deckId: deck.id }, DAY0);
  if (!item) throw new Error("nothing issued");
  return item;
}

describe(`racing requests on ${testDatabase}`, () => {
  it("20 racing grades of one review: all answer the one grade, one log row", async () => {
    const userId = await testUser();
    const item = await issue(userId);
    const results = await race(Array.from({ length: 20 }, (_, i) => () => gradeReview(userId, item.reviewId, (i % 6) as 0 | 1 | 2 | 3 | 4 | 5, DAY0)));
    const answers = values(results);
    expect(answers).toHaveLength(20);
    expect(await db.reviewLog.count({ where: { reviewId: item.reviewId } })).toBe(1);
    const log = await db.reviewLog.findUniqueOrThrow({ where: { reviewId: item.reviewId } });
    expect(new Set(answers.map((answer) => answer.grade))).toEqual(new Set([log.grade]));
    expect(answers.filter((answer) => !answer.repeated)).toHaveLength(1);
  });

  it("20 racing first `next` calls of a new user: every call is answered, the user is enrolled once", async () => {
    const userId = await testUser();
    const results = await race(Array.from({ length: 20 }, () => () => nextReview(userId, { deckId: deck.id }, DAY0)));
    expect(values(results)).toHaveLength(20);
    const cards = await db.card.count({ where: { deckId: deck.id, retired: false } });
    expect(await db.cardState.count({ where: { userId, deckId: deck.id } })).toBe(cards);
    expect(await db.userDeck.count({ where: { userId, deckId: deck.id } })).toBe(1);
    // However the issues interleaved, one review is left pending (the others were replaced).
    expect(await db.review.count({ where: { userId, gradedAt: null, closedAt: null } })).toBe(1);
  });

  it("50 racing undos of one grade: one undo, the rest say so (repeated) or 409, never an error", async () => {
    const userId = await testUser();
    const item = await issue(userId);
    await gradeReview(userId, item.reviewId, 5, DAY0);
    const results = await race(Array.from({ length: 50 }, () => () => undoGrade(userId, item.reviewId, DAY0)));
    for (const result of results) expect(result.ok || result.status === 409).toBe(true);
    const done = values(results);
    expect(done.filter((outcome) => !outcome.repeated)).toHaveLength(1);
    expect(await db.reviewUndo.count({ where: { reviewId: item.reviewId } })).toBe(1);
    // The undo reissued the question once, and that copy is the one pending review.
    const pending = await db.review.findMany({ where: { userId, gradedAt: null, closedAt: null } });
    expect(pending).toHaveLength(1);
    const state = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId: item.cardId } } });
    expect(state.lastReviewDay).toBeNull();
  });

  it("30 racing assignments of one deck to a class: all succeed, one assignment", async () => {
    const instructor = await makeUser("instructor");
    const created = await createClass(instructor, { name: "Race" });
    const results = await race(Array.from({ length: 30 }, () => () => assignDeck(instructor, created.id, deck.id)));
    expect(values(results)).toHaveLength(30);
    expect(await db.classDeck.count({ where: { classId: created.id } })).toBe(1);
  });

  it("an exam-counted grade and a review grade of one card apply one after the other (no lost update)", async () => {
    const userId = await testUser();
    await nextReview(userId, { deckId: deck.id }, DAY0);
    const cards = await db.cardState.findMany({ where: { userId, deckId: deck.id }, select: { cardId: true }, orderBy: { cardId: "asc" } });
    // Two reviews of every card (as an exam answer counted as a review and the review loop make them).
    const pairs = await Promise.all(
      cards.map(async ({ cardId }) => {
        const template = await db.review.findFirst({ where: { userId }, orderBy: { issuedAt: "asc" } });
        const make = (kind: string) =>
          db.review.create({
            data: { userId, cardId, deckId: deck.id, kind, variantSeed: 1n, templateVersion: "v", variant: template!.variant, issuedAt: DAY0, issuedDay: 0 },
            select: { id: true },
          });
        return { cardId, exam: (await make("exam")).id, review: (await make("review")).id };
      }),
    );
    const later = new Date(DAY0.getTime() + 3 * 86_400_000);
    await race(pairs.flatMap((pair) => [() => gradeReview(userId, pair.exam, 5, DAY0), () => gradeReview(userId, pair.review, 4, later)]));
    for (const pair of pairs) {
      const logs = await db.reviewLog.findMany({ where: { reviewId: { in: [pair.exam, pair.review] } }, orderBy: { id: "asc" } });
      expect(logs).toHaveLength(2);
      // The second grade started from the first one's result, and the card holds the second's.
      expect(logs[1]!.stateBefore).toBe(logs[0]!.stateAfter);
      const state = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId: pair.cardId } } });
      expect(JSON.parse(logs[1]!.stateAfter)).toMatchObject({ repetition: state.repetition, dueDay: state.dueDay, lastReviewDay: state.lastReviewDay });
    }
  });

  it("two first starts loading the same new content deck at once: both succeed, the deck is loaded once", async () => {
    const fresh = testDeck();
    const summaries = await Promise.all([syncContentDecks([fresh], { retireMissingDecks: false }), syncContentDecks([fresh], { retireMissingDecks: false })]);
    expect(summaries.map((summary) => summary.decks.added).sort()).toEqual([0, 1]);
    expect(await db.deck.count({ where: { id: fresh.id } })).toBe(1);
  });
});

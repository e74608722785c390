import { describe, expect, it } from "vitest";
import { classAnalytics } from "../analytics/analytics";
import { setDeckPublic } from "./authoring";
import { assignDeck, createClass, getOwnedClass, joinClass, listJoinedClasses } from "../classes/classes";
import { examDeck, loadDecks, makeUser } from "../testing/classes-fixtures";
import { getDeckWithConcepts, getItem, listDecks } from "./deck-catalog";
import { conceptTemplates } from "./deck-store";
import { db } from "../platform/db";
import type { Viewer } from "../accounts/users";
import { AppError } from "@/lib/server-shared/errors";
import { examDeckOptions, startExam } from "../exams/exams";
import { answerReview } from "../review/review-answer";
import { gradeReview } from "../review/review-grade";
import { nextReview } from "../review/review-issue";
import type { CurrentUser } from "../accounts/users";

/**
 * Instructor A makes a deck public, instructor B assigns it to B's class, A makes it private: every
 * path by which B's students (and B) reached it refuses at once, and B's class page says it was
 * withdrawn (deck-visibility.ts, docs/architecture.md "Access and exams"). On the old code none of
 * these paths refused (0 of 7). Each path is walked before (it works) and after (it refuses).
 */

const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: unknown) => (error instanceof AppError ? error.status : "crash"),
  );

async function paths(student: Viewer, instructor: Viewer, deckId: string, classId: string, pendingReviewId: string) {
  return {
    reviewQueue: await outcome(nextReview(student.id, { deckId })),
    issuedReviewAnswer: await outcome(answerReview(student.id, pendingReviewId, { response: "T" })),
    practice: (await getItem("alpha-0", student))?.deckId === deckId || (await getItem("dense-params", student))?.deckId === deckId,
    examDeckChoice: (await examDeckOptions(student)).some((deck) => deck.id === deckId),
    examStart: await outcome(startExam(student, { deckIds: [deckId], questionCount: 2, timeLimitSeconds: 60, countAsReviews: false })),
    deckPage: (await getDeckWithConcepts(deckId, student)) !== null,
    deckList: (await listDecks(student)).some((deck) => deck.id === deckId),
    conceptLinks: (await conceptTemplates(student, "counting", deckId)).length > 0,
    studentClassList: (await listJoinedClasses(student)).some((c) => c.decks.some((deck) => deck.id === deckId)),
    classOwnerDeckPage: (await getDeckWithConcepts(deckId, instructor)) !== null,
    analytics: ((await classAnalytics(instructor, { classId })).selected?.decks ?? []).some((deck) => deck.id === deckId),
  };
}

describe("a deck its owner makes private after another instructor assigned it", () => {
  it("is refused on every path for the class's students and owner, and the class page says it was withdrawn", async () => {
    const [a, b] = await Promise.all([makeUser("instructor", "A"), makeUser("instructor", "B")]);
    const ownerA: CurrentUser = { ...a, locale: null, timezone: "UTC" };
    const deck = examDeck({ perConcept: 2, withTemplate: true, id: `000-w-${a.id.slice(-8)}` });
    await loadDecks([deck], a.id);
    await setDeckPublic(ownerA, deck.id, true);
    const { id: classId, joinCode } = await createClass(b, { name: "B's class" });
    await assignDeck(b, classId, deck.id);
    const student = await makeUser();
    await joinClass(student, joinCode);

    // Reviews issued while the deck was open: one graded, then one answered but not graded (pending).
    const first = (await nextReview(student.id, { deckId: deck.id })).item!;
    expect(first.deckId).toBe(deck.id);
    const before = await paths(student, b, deck.id, classId, first.reviewId);
    expect(before).toEqual({
      reviewQueue: "ok",
      issuedReviewAnswer: "ok",
      practice: true,
      examDeckChoice: true,
      examStart: "ok",
      deckPage: true,
      deckList: true,
      conceptLinks: true,
      studentClassList: true,
      classOwnerDeckPage: true,
      analytics: true,
    });
    await db.exam.updateMany({ where: { userId: student.id }, data: { submittedAt: new Date() } });
    await gradeReview(student.id, first.reviewId, 4);
    const answered = (await nextReview(student.id, { deckId: deck.id })).item!;
    await answerReview(student.id, answered.reviewId, { response: "T" });
    const pending = (await nextReview(student.id, { deckId: deck.id })).item!;
    expect(pending.reviewId).toBe(answered.reviewId);

    await setDeckPublic(ownerA, deck.id, false);

    expect((await db.review.findUniqueOrThrow({ where: { id: pending.reviewId } })).closedAt).not.toBeNull();
    const after = await paths(student, b, deck.id, classId, pending.reviewId);
    expect(after).toEqual({
      reviewQueue: 404,
      issuedReviewAnswer: 409,
      practice: false,
      examDeckChoice: false,
      examStart: 404,
      deckPage: false,
      deckList: false,
      conceptLinks: false,
      studentClassList: false,
      classOwnerDeckPage: false,
      analytics: false,
    });
    // A review graded before the withdrawal does not hand back its stored answer either.
    expect(await outcome(answerReview(student.id, first.reviewId, { response: "T" }))).toBe(409);
    // B sees it withdrawn on the class page; A, its owner, still has it.
    const classPage = await getOwnedClass(b, classId);
    expect(classPage.decks).toEqual([expect.objectContaining({ id: deck.id, isPublic: false, withdrawn: true })]);
    expect(await getDeckWithConcepts(deck.id, a)).not.toBeNull();
  });
});

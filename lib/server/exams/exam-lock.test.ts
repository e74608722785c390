import { describe, expect, it } from "vitest";
import { assignDeck, createClass, joinClass, leaveClass, removeMember } from "../classes/classes";
import { examDeck, loadDecks, makeUser } from "../testing/classes-fixtures";
import { db } from "../platform/db";
import { AppError } from "@/lib/server-shared/errors";
import { startExam, submitExam } from "./exams";
import { answerReview } from "../review/review-answer";
import { gradeReview, undoGrade } from "../review/review-grade";
import { nextReview } from "../review/review-issue";

/**
 * The review loop and access that ends (real SQLite): while a mock exam runs, no review of one of its
 * cards is issued, answered or handed back by an undo; a review issued before the student left a
 * class (or was removed from it) is closed and reveals nothing afterwards. On the old code a pending
 * review of an exam card answered with the exam's answer, and a review of a class's private deck
 * still answered after the student left.
 */

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("the review loop during a running exam", () => {
  it("never issues an exam card, refuses to answer or undo a review of one (409), and opens again after submission", async () => {
    const deck = examDeck({ perConcept: 2 });
    await loadDecks([deck]);
    const student = await makeUser();
    // A review issued before the exam; the exam then takes every automatically checked card of the deck.
    const before = (await nextReview(student.id, { deckId: deck.id })).item!;
    const graded = (await nextReview(student.id, { deckId: deck.id, concept: "beta" })).item!;
    await answerReview(student.id, graded.reviewId, { response: "T" });
    await gradeReview(student.id, graded.reviewId, 4);
    const exam = await startExam(student, { deckIds: [deck.id], questionCount: 50, timeLimitSeconds: 600, countAsReviews: false });
    const examCards = new Set((await db.examQuestion.findMany({ where: { examId: exam.id } })).map((row) => row.cardId));
    expect(examCards.has(before.cardId)).toBe(true);
    expect(examCards.has(graded.cardId)).toBe(true);

    const answering = await refusal(answerReview(student.id, before.reviewId, { response: "T" }));
    expect(answering.status).toBe(409);
    expect(answering.message).toMatch(/running mock exam/);
    expect((await refusal(undoGrade(student.id, graded.reviewId))).status).toBe(409);
    // The queue leaves the exam's cards out: only the self-graded card (never in an exam) is issued.
    const during = (await nextReview(student.id, { deckId: deck.id })).item;
    expect(during?.itemId).toBe("self-graded");
    expect((await db.review.findUniqueOrThrow({ where: { id: before.reviewId } })).closedAt).not.toBeNull();

    await submitExam(student, exam.id);
    const undone = await undoGrade(student.id, graded.reviewId);
    expect(undone.item?.cardId).toBe(graded.cardId);
  });
});

describe("a review issued before access ended", () => {
  it("is closed when the student leaves the class or is removed, and its answer stays hidden", async () => {
    const teacher = await makeUser("instructor");
    const deck = examDeck({ perConcept: 1 });
    await loadDecks([deck], teacher.id);
    const { id: classId, joinCode } = await createClass(teacher, { name: "Leaving" });
    await assignDeck(teacher, classId, deck.id);

    for (const end of ["leave", "removed"] as const) {
      const student = await makeUser();
      await joinClass(student, joinCode);
      const item = (await nextReview(student.id, { deckId: deck.id })).item!;
      // Answered (the answer is stored) but not graded: the stored answer must not come back either.
      const answered = (await nextReview(student.id, { deckId: deck.id })).item!;
      expect(answered.reviewId).toBe(item.reviewId);
      if (end === "leave") await leaveClass(student, classId);
      else await removeMember(teacher, classId, student.id);

      expect((await db.review.findUniqueOrThrow({ where: { id: item.reviewId } })).closedAt).not.toBeNull();
      const refused = await refusal(answerReview(student.id, item.reviewId, { response: "T" }));
      expect(refused.status).toBe(409);
      expect(refused.message).toMatch(/no longer open to you/);
    }
  });

  it("an answered, ungraded review no longer hands back its stored answer once the student has left", async () => {
    const teacher = await makeUser("instructor");
    const deck = examDeck({ perConcept: 1 });
    await loadDecks([deck], teacher.id);
    const { id: classId, joinCode } = await createClass(teacher, { name: "Stored answer" });
    await assignDeck(teacher, classId, deck.id);
    const student = await makeUser();
    await joinClass(student, joinCode);
    const item = (await nextReview(student.id, { deckId: deck.id })).item!;
    const first = await answerReview(student.id, item.reviewId, { response: "T" });
    expect(first.expected).not.toBeNull();
    await leaveClass(student, classId);
    expect((await refusal(answerReview(student.id, item.reviewId, { response: "T" }))).status).toBe(409);
  });
});

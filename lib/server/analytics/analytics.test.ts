import { beforeAll, describe, expect, it } from "vitest";
import { expectStatus } from "@/lib/server-shared/testing/expect-status";
import type { Variant } from "@/lib/questions";
import { classAnalytics, type ClassAnalytics } from "./analytics";
import { classMembers, reviewAttempts } from "./analytics-queries";
import { assignDeck, createClass, joinClass } from "../classes/classes";
import { examDeck, loadDecks, makeUser } from "../testing/classes-fixtures";
import { db } from "../platform/db";
import { saveAnswer, startExam, submitExam } from "../exams/exams";
import { answerReview } from "../review/review-answer";
import { reportProblem } from "../review/review-card-actions";
import { gradeReview, undoGrade } from "../review/review-grade";
import { nextReview } from "../review/review-issue";

/**
 * Class analytics against a real SQLite database, fed by the real review loop and mock exams: what
 * a class's students did on the class's decks, and nothing else — not other students, not other
 * decks, not another instructor's class.
 */

const deck = examDeck({ perConcept: 2, withTemplate: true });
const unassigned = examDeck({ perConcept: 2 });
const T0 = new Date("2026-03-02T09:00:00Z");
const later = (ms: number) => new Date(T0.getTime() + ms);

type Person = Awaited<ReturnType<typeof makeUser>>;
let teacher: Person;
let otherTeacher: Person;
let s1: Person;
let s2: Person;
let outsider: Person;
let classId = "";
let data: ClassAnalytics;
let reportedSeed = 0;
let reportedParams: Variant["params"] = {};

async function variantOf(reviewId: string): Promise<Variant> {
  return JSON.parse((await db.review.findUniqueOrThrow({ where: { id: reviewId } })).variant) as Variant;
}

/** Reviews the next card of `concept` with the answer `answer(variant)` and grades it. */
async function review(user: Person, deckId: string, concept: string, answer: (v: Variant) => string, grade: 0 | 1 | 2 | 3 | 4 | 5, now: Date) {
  const { item } = await nextReview(user.id, { deckId, concept }, now);
  if (!item) throw new Error(`nothing to review in ${concept}`);
  const variant = await variantOf(item.reviewId);
  await answerReview(user.id, item.reviewId, { response: answer(variant), durationMs: 5_000 }, now);
  await gradeReview(user.id, item.reviewId, grade, now);
  return { reviewId: item.reviewId, variant };
}

const right = (v: Variant) => {
  const a = v.expectedAnswer;
  return a.format === "integer" ? String(a.value) : a.format === "boolean" ? (a.value ? "T" : "F") : "";
};
const forgotBiases = (v: Variant) => String(Number(v.params.p) * Number(v.params.K) + Number(v.params.K));

beforeAll(async () => {
  [teacher, otherTeacher, s1, s2, outsider] = await Promise.all([
    makeUser("instructor", "Teacher"),
    makeUser("instructor", "Other teacher"),
    makeUser("student", "Ana"),
    makeUser("student", "Ben"),
    makeUser("student", "Outsider"),
  ]);
  await loadDecks([deck, unassigned]);
  const created = await createClass(teacher, { name: "Analytics class" });
  classId = created.id;
  await assignDeck(teacher, classId, deck.id);
  // Both joined before any of the work below (analytics start at each student's join time).
  await joinClass(s1, created.joinCode, later(-60_000));
  await joinClass(s2, created.joinCode, later(-60_000));

  // Ana: the template wrong with the listed mistake, then (re-drill) right; a T/F card graded,
  // undone and graded again (one attempt); a problem report; a 2-question exam.
  const wrong = await review(s1, deck.id, "counting", forgotBiases, 1, later(0));
  await review(s1, deck.id, "counting", right, 4, later(60_000));
  const tf = await review(s1, deck.id, "alpha", right, 4, later(120_000));
  await undoGrade(s1.id, tf.reviewId, later(130_000));
  const { item: again } = await nextReview(s1.id, { deckId: deck.id, concept: "alpha" }, later(140_000));
  await gradeReview(s1.id, again!.reviewId, 4, later(140_000));
  await reportProblem(s1.id, wrong.reviewId, "The numbers look odd", later(150_000));
  reportedSeed = wrong.variant.seed;
  reportedParams = wrong.variant.params;
  const exam = await startExam(s1, { deckIds: [deck.id], questionCount: 2, timeLimitSeconds: 300, countAsReviews: true }, { now: later(200_000), seed: 2 });
  await saveAnswer(s1, exam.id, 1, "definitely not an answer 123", later(210_000));
  await submitExam(s1, exam.id, later(220_000));
  // Ana on a deck that is not the class's: not the instructor's business.
  await review(s1, unassigned.id, "beta", right, 5, later(230_000));

  // Ben: the template right.
  await review(s2, deck.id, "counting", right, 5, later(0));
  // Someone outside the class, on the class's deck.
  await review(outsider, deck.id, "counting", forgotBiases, 1, later(0));

  data = await classAnalytics(teacher, { now: later(3_600_000) });
});

describe("class analytics", () => {
  it("shows the instructor's class with its decks", () => {
    expect(data.classes.map((c) => c.id)).toEqual([classId]);
    expect(data.selected).toMatchObject({ id: classId, name: "Analytics class", memberCount: 2, decks: [{ id: deck.id }] });
  });

  it("counts the class's answers on the class's decks: reviews once each (undo too) and exam answers", () => {
    // Ana: template ×2, T/F ×1 (graded, undone, graded again), exam: 1 answered (invalid) + 1 unanswered (not an attempt).
    // Ben: template ×1. The outsider and the unassigned deck are left out.
    expect(data.totals.attempts).toBe(5);
    const ana = data.students.find((s) => s.userId === s1.id)!;
    const ben = data.students.find((s) => s.userId === s2.id)!;
    expect(ana).toMatchObject({ name: "Ana", attempts: 4, exams: 1, lastExam: { score: 0, total: 2 } });
    expect(ben).toMatchObject({ name: "Ben", attempts: 1, correct: 1, rate: 1, exams: 0, lastExam: null });
    expect(data.students.map((s) => s.userId).sort()).toEqual([s1.id, s2.id].sort());
    expect(ana.cardsStudied).toBeGreaterThanOrEqual(2);
  });

  it("breaks attempts down per concept and per template, with accuracy by parameter and matched mistakes", () => {
    const counting = data.concepts.find((c) => c.concept === "counting")!;
    expect(counting).toMatchObject({ deckId: deck.id, attempts: 3, correct: 2, students: 2, name: { en: "Counting parameters" } });
    const template = data.templates.find((t) => t.itemId === "dense-params")!;
    expect(template).toMatchObject({ attempts: 3, correct: 2, title: { en: "Single-layer parameters" }, unmatchedWrong: 0 });
    expect(template.mistakes).toEqual([{ feedback: { ko: "편향을 빠뜨렸습니다.", en: "You left out the biases." }, count: 1 }]);
    for (const param of template.byParam) {
      expect(["K", "p"]).toContain(param.param);
      expect(param.buckets.reduce((sum, b) => sum + b.attempts, 0)).toBe(3);
    }
  });

  it("lists a reported problem with the exact variant to open", () => {
    expect(data.reports).toHaveLength(1);
    expect(data.reports[0]).toMatchObject({
      student: "Ana",
      itemId: "dense-params",
      message: "The numbers look odd",
      seed: reportedSeed,
      params: reportedParams,
      sameVersion: true,
      openHref: `/practice/dense-params?seed=${reportedSeed}`,
    });
  });
});

describe("a class with more answers than are read", () => {
  it("reads the newest ones, the same rows as when all fit, and says the list is cut", async () => {
    const joined = await db.classMember.findMany({ where: { classId }, select: { userId: true, joinedAt: true } });
    const members = classMembers(joined.map((m) => ({ userId: m.userId, since: m.joinedAt })));
    const all = await reviewAttempts(members, [deck.id]);
    const newest = await reviewAttempts(members, [deck.id], 2);
    expect(all.truncated).toBe(false);
    expect(all.attempts.length).toBeGreaterThan(2);
    expect(newest.truncated).toBe(true);
    // Two rows read; the two copies of an undone answer count once, as they do in the full list.
    expect(newest.attempts.length).toBeGreaterThan(0);
    expect(newest.attempts).toEqual(all.attempts.slice(0, newest.attempts.length));
  });
});

describe("analytics authorisation", () => {
  it("another instructor cannot open the class (404) and has no classes of their own to show", async () => {
    await expectStatus(classAnalytics(otherTeacher, { classId }), 404);
    const own = await classAnalytics(otherTeacher);
    expect(own.selected).toBeNull();
    expect(own.classes).toEqual([]);
    expect(own.students).toEqual([]);
  });

  it("a student is refused (403), even a member of the class", async () => {
    await expectStatus(classAnalytics(s1, { classId }), 403);
    await expectStatus(classAnalytics(outsider), 403);
  });

  it("an unknown class is a 404", async () => {
    await expectStatus(classAnalytics(teacher, { classId: "nope" }), 404);
  });

  it("a class without decks or students shows its members and nothing else", async () => {
    const empty = await createClass(teacher, { name: "Empty" });
    const view = await classAnalytics(teacher, { classId: empty.id });
    expect(view.selected).toMatchObject({ id: empty.id, memberCount: 0, decks: [] });
    expect(view.totals.attempts).toBe(0);
    expect(view.reports).toEqual([]);
  });
});

describe("analytics from each student's join time", () => {
  it("leaves out reviews, exams, reports and studied cards from before the student joined, and counts what came after", async () => {
    const instructor = await makeUser("instructor");
    const ownDeck = examDeck({ perConcept: 2, withTemplate: true });
    await loadDecks([ownDeck]);
    const created = await createClass(instructor, { name: "Late joiner" });
    await assignDeck(instructor, created.id, ownDeck.id);
    const late = await makeUser("student", "Late");

    // Before joining (the deck is public): two reviews, a report and a whole exam.
    const early = await review(late, ownDeck.id, "counting", forgotBiases, 1, later(0));
    await review(late, ownDeck.id, "alpha", right, 4, later(10_000));
    await reportProblem(late.id, early.reviewId, "Before I joined", later(20_000));
    const exam = await startExam(late, { deckIds: [ownDeck.id], questionCount: 2, timeLimitSeconds: 300, countAsReviews: false }, { now: later(30_000), seed: 3 });
    await saveAnswer(late, exam.id, 1, "T", later(40_000));
    await submitExam(late, exam.id, later(50_000));

    await joinClass(late, created.joinCode, later(100_000));
    // After joining: one review of the template.
    await review(late, ownDeck.id, "counting", right, 5, later(200_000));

    const view = await classAnalytics(instructor, { classId: created.id, now: later(3_600_000) });
    const student = view.students.find((s) => s.userId === late.id)!;
    expect(student).toMatchObject({ attempts: 1, correct: 1, exams: 0, lastExam: null, cardsStudied: 1, joinedAt: later(100_000).toISOString() });
    expect(view.totals.attempts).toBe(1);
    expect(view.reports).toEqual([]);
    expect(view.concepts.map((c) => c.concept)).toEqual(["counting"]);
  });
});

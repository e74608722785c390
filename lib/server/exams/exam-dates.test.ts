import { beforeAll, describe, expect, it } from "vitest";
import { dayNumber, formatDayNumber, MILLISECONDS_PER_DAY } from "@/lib/srs";
import { assignDeck, createClass, joinClass } from "../classes/classes";
import { examDeck, loadDecks, makeUser } from "../testing/classes-fixtures";
import { db } from "../platform/db";
import { addOwnExamDate, getClassExamDate, listExamDates, removeOwnExamDate, setClassExamDate } from "./exam-dates";
import { classReadiness, examPlanFor } from "./exam-plan";
import { gradeReview } from "../review/review-grade";
import { nextReview } from "../review/review-issue";
import { expectStatus } from "@/lib/server-shared/testing/expect-status";

/**
 * Exam dates against a real SQLite database: a student's own, a class's inherited by its members,
 * who may change what, and the grade step bringing a due day forward while the SM-2 state stays
 * the published one.
 */

const deck = examDeck({ perConcept: 2 });
const privateDeck = examDeck();
const pacedDeck = examDeck();
const DAY0 = new Date("2026-11-02T09:00:00Z");
const at = (day: number) => new Date(DAY0.getTime() + day * MILLISECONDS_PER_DAY);
const today0 = dayNumber(DAY0, "UTC");
const dateIn = (days: number) => formatDayNumber(today0 + days);
let teacher: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  teacher = await makeUser("instructor");
  await loadDecks([deck, pacedDeck]);
  await loadDecks([privateDeck], teacher.id);
});

/** Reviews one card of `deck` on days 0, 1 and 7 with grade 5; returns the card's stored state. */
async function reviewOneCardThrice(userId: string) {
  let cardId: string | null = null;
  for (const day of [0, 1, 7]) {
    const { item } = await nextReview(userId, { deckId: deck.id }, at(day));
    if (!item) throw new Error(`nothing to review on day ${day}`);
    cardId ??= item.cardId;
    expect(item.cardId).toBe(cardId);
    await gradeReview(userId, item.reviewId, 5, at(day));
  }
  return db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId: cardId ?? "" } } });
}

describe("a student's own exam date", () => {
  it("is listed, refuses decks the student cannot study, and is deleted only by its owner", async () => {
    const student = await makeUser();
    const other = await makeUser();
    const exam = await addOwnExamDate(student, { date: dateIn(20), deckIds: [deck.id] });
    expect(await listExamDates(student)).toEqual([{ id: exam.id, date: dateIn(20), deckIds: [deck.id], source: "own", className: null }]);
    await expectStatus(addOwnExamDate(student, { date: dateIn(20), deckIds: [privateDeck.id] }), 400);
    expect(await listExamDates(other)).toEqual([]);
    await expectStatus(removeOwnExamDate(other, exam.id), 404);
    await removeOwnExamDate(student, exam.id);
    expect(await listExamDates(student)).toEqual([]);
  });

  it("brings the due day forward into the final window; the SM-2 state is the same as without", async () => {
    const withExam = await makeUser();
    const without = await makeUser();
    await addOwnExamDate(withExam, { date: dateIn(14), deckIds: [deck.id] });
    const planned = await reviewOneCardThrice(withExam.id);
    const plain = await reviewOneCardThrice(without.id);
    // Day 7, grade 5: n 3, EF 2.8, I ⌈6 · 2.8⌉ = 17 → due day 24, after the exam on day 14.
    expect({ repetition: plain.repetition, easiness: plain.easinessHundredths, interval: plain.interval, due: plain.dueDay }).toEqual({
      repetition: 3,
      easiness: 280,
      interval: 17,
      due: today0 + 24,
    });
    expect({ repetition: planned.repetition, easiness: planned.easinessHundredths, interval: planned.interval }).toEqual({ repetition: 3, easiness: 280, interval: 17 });
    expect(planned.dueDay).toBeGreaterThanOrEqual(today0 + 9);
    expect(planned.dueDay).toBeLessThanOrEqual(today0 + 13);
  });

  it("levels the final window: a card brought forward goes to the day with the fewest cards due", async () => {
    // Where the card lands with an empty window (its hash's day): the lightest day is put elsewhere,
    // so only the levelling can send it there.
    const probe = await makeUser();
    await addOwnExamDate(probe, { date: dateIn(14), deckIds: [deck.id] });
    const hashDay = (await reviewOneCardThrice(probe.id)).dueDay ?? 0;
    const lightest = hashDay === today0 + 12 ? today0 + 10 : today0 + 12;

    const student = await makeUser();
    await addOwnExamDate(student, { date: dateIn(14), deckIds: [deck.id] });
    const others = await db.card.findMany({ where: { deckId: pacedDeck.id }, select: { id: true, deckId: true }, orderBy: { id: "asc" } });
    const fill = [9, 10, 11, 12, 13].flatMap((offset) => Array.from({ length: today0 + offset === lightest ? 1 : 2 }, () => today0 + offset));
    await db.cardState.createMany({
      data: fill.map((dueDay, index) => ({ userId: student.id, cardId: others[index]?.id ?? "", deckId: pacedDeck.id, repetition: 2, interval: 6, dueDay, lastReviewDay: dueDay - 6 })),
    });
    const planned = await reviewOneCardThrice(student.id);
    expect(planned.dueDay).toBe(lightest);
    expect({ repetition: planned.repetition, easiness: planned.easinessHundredths, interval: planned.interval }).toEqual({ repetition: 3, easiness: 280, interval: 17 });
  });

  it("setting an exam reschedules cards already due after it; deleting it gives back SM-2's due day", async () => {
    const student = await makeUser();
    const state = await reviewOneCardThrice(student.id);
    expect(state.dueDay).toBe(today0 + 24);
    const exam = await addOwnExamDate(student, { date: dateIn(14), deckIds: [deck.id] }, at(8));
    const moved = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: student.id, cardId: state.cardId } } });
    expect(moved.dueDay).toBeGreaterThanOrEqual(today0 + 9);
    expect(moved.dueDay).toBeLessThanOrEqual(today0 + 13);
    expect({ interval: moved.interval, easiness: moved.easinessHundredths, repetition: moved.repetition }).toEqual({ interval: 17, easiness: 280, repetition: 3 });
    await removeOwnExamDate(student, exam.id, at(8));
    const back = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: student.id, cardId: state.cardId } } });
    expect(back.dueDay).toBe(today0 + 24);
  });

  it("a past exam is ignored", async () => {
    const student = await makeUser();
    await addOwnExamDate(student, { date: dateIn(-1), deckIds: [deck.id] }, DAY0);
    expect(await examPlanFor(student, DAY0)).toBeNull();
    const state = await reviewOneCardThrice(student.id);
    expect(state.dueDay).toBe(today0 + 24);
    // Set on day 15 for day 14, already over: the day-7 review is not pulled into days 9–13, which have passed.
    await addOwnExamDate(student, { date: dateIn(14), deckIds: [deck.id] }, at(15));
    const after = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: student.id, cardId: state.cardId } } });
    expect(after.dueDay).toBe(today0 + 24);
  });
});

describe("a class exam date", () => {
  it("is set by the class's instructor only and inherited by its members with the class's decks", async () => {
    const klass = await createClass(teacher, { name: "Deep learning" });
    await assignDeck(teacher, klass.id, privateDeck.id);
    const stranger = await makeUser("instructor");
    await expectStatus(setClassExamDate(stranger, klass.id, dateIn(30)), 404);
    await setClassExamDate(teacher, klass.id, dateIn(30));
    expect(await getClassExamDate(teacher, klass.id)).toBe(dateIn(30));

    const student = await makeUser();
    const code = klass.joinCode;
    await joinClass(student, code);
    const inherited = await listExamDates(student);
    expect(inherited).toMatchObject([{ date: dateIn(30), deckIds: [privateDeck.id], source: "class", className: "Deep learning" }]);

    const plan = await examPlanFor(student, DAY0);
    expect(plan?.daysLeft).toBe(30);
    expect(plan?.cards).toBe(13);
    // 13 cards, 30 days: L = 29 − 5 = 24 introduction days, ⌈13/24⌉ = 1 new a day.
    expect(plan?.pace).toMatchObject({ kind: "on-pace", newPerDay: 1, introductionDays: 24 });
    expect(plan?.readiness.map((entry) => entry.concept).sort()).toEqual(["alpha", "beta", "gamma"]);

    const readiness = await classReadiness(teacher, klass.id, DAY0);
    expect(readiness).toMatchObject({ date: dateIn(30), students: 1 });
    expect(readiness.concepts).toHaveLength(3);
    await expectStatus(classReadiness(stranger, klass.id, DAY0), 404);

    // Nearest counts: an own exam sooner than the class's.
    await addOwnExamDate(student, { date: dateIn(10), deckIds: [deck.id] });
    expect((await examPlanFor(student, DAY0))?.exam.date).toBe(dateIn(10));

    await setClassExamDate(teacher, klass.id, null);
    expect((await listExamDates(student)).map((exam) => exam.source)).toEqual(["own"]);
  });
});

/** Works through the queue of `pacedDeck` on `day`: grade by concept (re-drills get 5); returns the items in order. */
async function workThrough(userId: string, day: number, gradeOf: (concept: string) => 0 | 1 | 2 | 3 | 4 | 5 = () => 5) {
  const items: { kind: string; concept: string }[] = [];
  for (;;) {
    const { item } = await nextReview(userId, { deckId: pacedDeck.id }, at(day));
    if (!item) return items;
    items.push({ kind: item.kind, concept: item.concept });
    await gradeReview(userId, item.reviewId, item.kind === "redrill" ? 5 : gradeOf(item.concept), at(day));
  }
}

describe("the queue follows the exam", () => {
  it("introduces the paced number of new cards today, the number home states, above the student's own limit", async () => {
    const student = await makeUser();
    const control = await makeUser();
    for (const user of [student, control]) await db.user.update({ where: { id: user.id }, data: { newCardsPerDeck: 1 } });
    await addOwnExamDate(student, { date: dateIn(4), deckIds: [pacedDeck.id] }, DAY0);
    const plan = await examPlanFor(student, DAY0);
    // 13 cards, 4 days left: L = 3 − min(5, 1) = 2 days, n = ⌈13/2⌉ = 7; a new card is seen about
    // 2.4 times in the 4 days (lib/srs/exam-views.ts at the prior recall 0.85), so the level
    // T = ⌈13 · 2.4 / 4⌉ = 8 lies between n and 2n: 8 today, against the own limit of 1.
    expect(plan?.pace).toMatchObject({ kind: "on-pace", newPerDay: 7, introductionDays: 2 });
    expect(plan?.newToday).toBe(8);
    const issued = await workThrough(student.id, 0);
    expect(issued.filter((item) => item.kind === "new")).toHaveLength(8);
    expect((await workThrough(control.id, 0)).filter((item) => item.kind === "new")).toHaveLength(1);
    // Judged as the day stood at its start: the number does not drift once the cards are introduced.
    expect((await examPlanFor(student, DAY0))?.newToday).toBe(8);
  });

  it("14 days out, the level (4) replaces the student's own limit of 2", async () => {
    const student = await makeUser();
    await db.user.update({ where: { id: student.id }, data: { newCardsPerDeck: 2 } });
    await addOwnExamDate(student, { date: dateIn(14), deckIds: [pacedDeck.id] }, DAY0);
    // n = ⌈13/8⌉ = 2; a card introduced in the first 8 days is seen about 3.9 times, so
    // T = ⌈13 · 3.9 / 14⌉ = 4 (= 2n) > own 2.
    const plan = await examPlanFor(student, DAY0);
    expect(plan?.newToday).toBe(4);
    const issued = await workThrough(student.id, 0);
    expect(issued.filter((item) => item.kind === "new")).toHaveLength(4);
    expect((await examPlanFor(student, DAY0))?.newToday).toBe(4);
  });

  it("in the final pass, due cards of the weakest concept come first", async () => {
    const student = await makeUser();
    const control = await makeUser();
    await addOwnExamDate(student, { date: dateIn(4), deckIds: [pacedDeck.id] }, DAY0);
    // gamma's cards sort last by id, so "most overdue, then id" alone would show them last.
    const gradeOf = (concept: string) => (concept === "gamma" ? 2 : 5);
    for (const user of [student, control]) {
      await db.user.update({ where: { id: user.id }, data: { newCardsPerDeck: 20 } });
      await workThrough(user.id, 0, gradeOf);
    }
    const [paced, plain] = [await workThrough(student.id, 1), await workThrough(control.id, 1)];
    const gammas = paced.filter((item) => item.concept === "gamma").length;
    expect(gammas).toBe(4);
    expect(paced.slice(0, gammas).map((item) => item.concept)).toEqual(["gamma", "gamma", "gamma", "gamma"]);
    expect(plain.slice(0, gammas).every((item) => item.concept === "alpha")).toBe(true);
    expect(paced.every((item) => item.kind === "review")).toBe(true);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { expectStatus } from "@/lib/server-shared/testing/expect-status";
import { mathHtml } from "@/lib/math-html";
import type { Variant } from "@/lib/questions";
import { dayNumber, suggestGrade } from "@/lib/srs";
import { db } from "../platform/db";
import { failInsertsOf } from "../testing/failure-trigger-fixture";
import { examReviewId } from "./exam-reviews";
import { ANSWER_GRACE_MS, closeExam, examGrade, getExam, listExams, saveAnswer, scoreResponse, startExam, submitExam, type RunningExam } from "./exams";
import { examDeck, loadDecks, makeUser } from "../testing/classes-fixtures";

/**
 * Mock exams against a real SQLite database. Time is passed in (`now`), so the deadline is tested
 * without waiting: answers are taken until it, an exam read after it is submitted on the spot,
 * nothing about correctness leaves the server before submission, and "count as reviews" grades
 * through the review loop exactly once.
 */

const deck = examDeck({ perConcept: 6, withTemplate: true });
const tfOnly = examDeck({ perConcept: 6 });
const privateDeck = examDeck();
const T0 = new Date("2026-03-02T09:00:00Z");
const later = (ms: number) => new Date(T0.getTime() + ms);

async function variants(examId: string): Promise<Map<number, Variant>> {
  const rows = await db.examQuestion.findMany({ where: { examId }, orderBy: { position: "asc" } });
  return new Map(rows.map((row) => [row.position, JSON.parse(row.variant) as Variant]));
}

/** The right answer to a variant, typed as a student would. */
function rightAnswer(variant: Variant): string {
  const answer = variant.expectedAnswer;
  if (answer.format === "integer") return String(answer.value);
  if (answer.format === "boolean") return answer.value ? "T" : "F";
  throw new Error(`no right answer for ${answer.format} in this test`);
}

function wrongAnswer(variant: Variant): string {
  const answer = variant.expectedAnswer;
  if (answer.format === "integer") return String(answer.value + 1);
  if (answer.format === "boolean") return answer.value ? "F" : "T";
  throw new Error(`no wrong answer for ${answer.format} in this test`);
}

const setup = (deckIds: string[], extra: Partial<{ questionCount: number; timeLimitSeconds: number; countAsReviews: boolean }> = {}) => ({
  deckIds,
  questionCount: 10,
  timeLimitSeconds: 300,
  countAsReviews: false,
  ...extra,
});

beforeAll(async () => {
  await loadDecks([deck, tfOnly]);
  const owner = await makeUser("instructor");
  await loadDecks([privateDeck], owner.id);
});

describe("starting an exam", () => {
  let exam: RunningExam;
  let student: Awaited<ReturnType<typeof makeUser>>;
  beforeAll(async () => {
    student = await makeUser();
    exam = await startExam(student, setup([deck.id]), { now: T0, seed: 7 });
  });

  it("draws the asked number of distinct, automatically checked questions with a server deadline", async () => {
    expect(exam.state).toBe("running");
    expect(exam.questions).toHaveLength(10);
    expect(exam.questions.map((q) => q.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Typeset on the server, so the runner loads no KaTeX.
    for (const q of exam.questions) {
      expect(q.promptHtml).toEqual({ en: mathHtml(q.prompt.en), ko: mathHtml(q.prompt.ko) });
      for (const choice of q.choices ?? []) expect(choice.html.en).toBe(mathHtml(choice.text.en, true));
    }
    expect(exam.deadlineAt).toBe(later(300_000).toISOString());
    expect(exam.remainingMs).toBe(300_000);
    expect(exam.serverNow).toBe(T0.toISOString());
    const rows = await db.examQuestion.findMany({ where: { examId: exam.id } });
    expect(new Set(rows.map((r) => r.cardId)).size).toBe(10);
    // The self-graded card can never be in an exam (nobody could mark it before the result).
    expect(rows.map((r) => r.cardId)).not.toContain(`${deck.id}/self-graded`);
    for (const row of rows) expect((JSON.parse(row.variant) as Variant).expectedAnswer.format).not.toBe("self");
  });

  it("sends no answer, solution or verdict while it runs", async () => {
    const text = JSON.stringify(await getExam(student, exam.id, later(1_000)));
    for (const secret of ["expectedAnswer", "expected", "solution", "mistakes", "architecture", "verification", "status", "params"]) {
      expect(text).not.toContain(`"${secret}"`);
    }
  });

  it("makes its variants from the exam's own seed: the same seed repeats an exam, another gives fresh numbers", async () => {
    const first = [...(await variants(exam.id)).values()].map((v) => `${v.itemId}#${v.seed}`);
    const same = await startExam(await makeUser(), setup([deck.id]), { now: T0, seed: 7 });
    const other = await startExam(await makeUser(), setup([deck.id]), { now: T0, seed: 8 });
    expect([...(await variants(same.id)).values()].map((v) => `${v.itemId}#${v.seed}`)).toEqual(first);
    const fresh = [...(await variants(other.id)).values()].map((v) => `${v.itemId}#${v.seed}`);
    expect(fresh.filter((id) => first.includes(id))).toEqual([]);
  });

  it("allows one running exam at a time (409 naming it)", async () => {
    const error = await expectStatus(startExam(student, setup([deck.id]), { now: later(2_000) }), 409);
    expect(error.fields?.examId).toEqual([exam.id]);
  });

  it("refuses a deck the student cannot see (404) and an exam nobody else can open (404)", async () => {
    const other = await makeUser();
    await expectStatus(startExam(other, setup([privateDeck.id]), { now: T0 }), 404);
    await expectStatus(getExam(other, exam.id, later(1_000)), 404);
    await expectStatus(saveAnswer(other, exam.id, 1, "T", later(1_000)), 404);
    await expectStatus(submitExam(other, exam.id, later(1_000)), 404);
    expect((await getExam(student, exam.id, later(1_000))).state).toBe("running");
  });

  it("gives fewer questions when the decks hold fewer", async () => {
    const small = await startExam(await makeUser(), setup([tfOnly.id], { questionCount: 50 }), { now: T0, seed: 1 });
    expect(small.questions).toHaveLength(18);
  });
});

describe("answering and submitting", () => {
  it("scores saved answers at submission, per concept, and submitting again changes nothing", async () => {
    const student = await makeUser();
    const exam = await startExam(student, setup([tfOnly.id], { questionCount: 6 }), { now: T0, seed: 3 });
    const byPosition = await variants(exam.id);
    // 1–3 right, 4 wrong, 5 unreadable, 6 left empty; question 1 is changed twice (the last one counts).
    await saveAnswer(student, exam.id, 1, wrongAnswer(byPosition.get(1)!), later(10_000));
    for (const position of [1, 2, 3]) {
      const saved = await saveAnswer(student, exam.id, position, rightAnswer(byPosition.get(position)!), later(20_000));
      expect(saved).toEqual({ position, saved: true, readable: true, remainingMs: 280_000 });
    }
    await saveAnswer(student, exam.id, 4, wrongAnswer(byPosition.get(4)!), later(30_000));
    expect((await saveAnswer(student, exam.id, 5, "banana", later(30_000))).readable).toBe(false);
    await expectStatus(saveAnswer(student, exam.id, 7, "T", later(30_000)), 404);

    const result = await submitExam(student, exam.id, later(60_000));
    expect(result).toMatchObject({ state: "submitted", score: 3, total: 6, answered: 5, timedOut: false, countedReviews: 0 });
    expect(result.questions.map((q) => q.status)).toEqual(["correct", "correct", "correct", "wrong", "invalid", "unanswered"]);
    for (const q of result.questions) {
      expect(q.expected).toMatch(/^(true|false|True|False|T|F)$/i);
      expect(q.solution.en).toMatch(/Explanation of /);
    }
    const conceptTotal = result.perConcept.reduce((sum, c) => sum + c.total, 0);
    const conceptCorrect = result.perConcept.reduce((sum, c) => sum + c.correct, 0);
    expect([conceptTotal, conceptCorrect]).toEqual([6, 3]);
    for (const c of result.perConcept) expect(c.name?.en).toMatch(/^(Alpha|Beta|Gamma)$/);

    const again = await submitExam(student, exam.id, later(90_000));
    expect(again).toEqual(result);
    await expectStatus(saveAnswer(student, exam.id, 6, "T", later(70_000)), 409);
    expect((await listExams(student, later(100_000)))[0]).toMatchObject({ id: exam.id, state: "submitted", score: 3 });
  });

  it("the deadline is the server's: answers in time count, late ones are refused, and reading it after the deadline submits it", async () => {
    const student = await makeUser();
    const exam = await startExam(student, setup([tfOnly.id], { questionCount: 3, timeLimitSeconds: 60 }), { now: T0, seed: 4 });
    const byPosition = await variants(exam.id);
    await saveAnswer(student, exam.id, 1, rightAnswer(byPosition.get(1)!), later(30_000));
    // "Reload" mid-way: the same deadline, the saved answer, the clock further down.
    const reloaded = await getExam(student, exam.id, later(45_000));
    expect(reloaded).toMatchObject({ state: "running", deadlineAt: exam.deadlineAt, remainingMs: 15_000 });
    expect(reloaded.state === "running" && reloaded.questions[0]?.response).toBe(rightAnswer(byPosition.get(1)!));
    // Sent just before the deadline, arriving just after: still within the grace.
    await saveAnswer(student, exam.id, 2, rightAnswer(byPosition.get(2)!), later(60_000 + ANSWER_GRACE_MS - 1));
    // Too late: refused, and the exam is closed.
    await expectStatus(saveAnswer(student, exam.id, 3, rightAnswer(byPosition.get(3)!), later(60_000 + ANSWER_GRACE_MS)), 409);
    const result = await getExam(student, exam.id, later(120_000));
    expect(result).toMatchObject({ state: "submitted", score: 2, answered: 2, timedOut: true, submittedAt: exam.deadlineAt });
  });

  it("an exam left open past its deadline is closed when the student next looks at their exams", async () => {
    const student = await makeUser();
    const exam = await startExam(student, setup([tfOnly.id], { questionCount: 2, timeLimitSeconds: 60 }), { now: T0, seed: 5 });
    const list = await listExams(student, later(3_600_000));
    expect(list[0]).toMatchObject({ id: exam.id, state: "submitted", score: 0 });
    // …and a new exam can start.
    expect((await startExam(student, setup([tfOnly.id], { questionCount: 2 }), { now: later(3_600_000), seed: 6 })).state).toBe("running");
  });
});

describe("weak concepts weigh more", () => {
  it("a student who keeps failing Alpha gets more Alpha questions than Gamma ones", async () => {
    const student = await makeUser();
    const cards = await db.card.findMany({ where: { deckId: tfOnly.id, concept: { in: ["alpha", "gamma"] } }, select: { id: true, concept: true } });
    let n = 0;
    for (const card of cards) {
      for (let day = 0; day < 3; day += 1) {
        n += 1;
        await db.reviewLog.create({
          data: {
            reviewId: `weak-${student.id}-${n}`,
            userId: student.id,
            cardId: card.id,
            deckId: tfOnly.id,
            concept: card.concept,
            variantSeed: 1n,
            templateVersion: "v",
            grade: card.concept === "alpha" ? 1 : 5,
            reviewDay: dayNumber(T0, "UTC") - 10 + day,
            counted: true,
            stateBefore: "{}",
            stateAfter: "{}",
          },
        });
      }
    }
    const counts = { alpha: 0, beta: 0, gamma: 0 } as Record<string, number>;
    for (let seed = 0; seed < 15; seed += 1) {
      const now = later(seed * 600_000);
      const exam = await startExam(student, setup([tfOnly.id], { questionCount: 4 }), { now, seed });
      const rows = await db.examQuestion.findMany({ where: { examId: exam.id }, select: { concept: true } });
      for (const row of rows) counts[row.concept] = (counts[row.concept] ?? 0) + 1;
      await submitExam(student, exam.id, now);
    }
    expect(counts.alpha).toBeGreaterThan(counts.beta!);
    expect(counts.beta).toBeGreaterThan(counts.gamma!);
  });
});

describe("counting exam answers as reviews", () => {
  /** A counting exam with questions 1–3 of 4 answered (2 wrongly), and its question rows. */
  async function answeredCountingExam(seed: number) {
    const student = await makeUser();
    const exam = await startExam(student, setup([tfOnly.id], { questionCount: 4, countAsReviews: true }), { now: T0, seed });
    const byPosition = await variants(exam.id);
    await saveAnswer(student, exam.id, 1, rightAnswer(byPosition.get(1)!), later(10_000));
    await saveAnswer(student, exam.id, 2, wrongAnswer(byPosition.get(2)!), later(20_000));
    await saveAnswer(student, exam.id, 3, rightAnswer(byPosition.get(3)!), later(30_000));
    const rows = await db.examQuestion.findMany({ where: { examId: exam.id }, orderBy: { position: "asc" } });
    return { student, exam, answered: rows.slice(0, 3) };
  }

  it("grades each answered question once through the review loop, with the suggested grade", async () => {
    const { student, exam, answered } = await answeredCountingExam(11);
    const result = await submitExam(student, exam.id, later(40_000));
    expect(result.countedReviews).toBe(3);

    const logs = await db.reviewLog.findMany({ where: { userId: student.id }, orderBy: { id: "asc" } });
    expect(logs.map((log) => log.cardId)).toEqual(answered.map((row) => row.cardId));
    // 40 s for 3 answers: 13.3 s each, a "choice" answer (T/F) → correct within 8–30 s suggests 4.
    expect(logs.map((log) => log.grade)).toEqual([
      suggestGrade({ kind: "choice", status: "correct", durationMs: 13_333 }),
      suggestGrade({ kind: "choice", status: "wrong", durationMs: 13_333 }),
      suggestGrade({ kind: "choice", status: "correct", durationMs: 13_333 }),
    ]);
    expect(logs.every((log) => log.counted && log.reviewDay === dayNumber(later(40_000), "UTC"))).toBe(true);
    const states = await db.cardState.findMany({ where: { userId: student.id, cardId: { in: answered.map((r) => r.cardId) } } });
    expect(states).toHaveLength(3);
    for (const state of states) expect(state.lastReviewDay).toBe(dayNumber(later(40_000), "UTC"));
    // The unanswered question is not a review; nothing is pending afterwards.
    expect(await db.review.count({ where: { userId: student.id, gradedAt: null, closedAt: null } })).toBe(0);

    // Submitting again counts nothing again.
    await submitExam(student, exam.id, later(50_000));
    expect(await db.reviewLog.count({ where: { userId: student.id } })).toBe(3);
  });

  const logsOf = (userId: string) => db.reviewLog.findMany({ where: { userId }, orderBy: { id: "asc" }, select: { reviewId: true, cardId: true } });
  const countedAt = async (examId: string) => (await db.exam.findUniqueOrThrow({ where: { id: examId } })).reviewsCountedAt;

  it("a crash between closing the exam and counting it: the next read counts every answer, once, however many reads race", async () => {
    const { student, exam, answered } = await answeredCountingExam(13);
    // The process stops right after the closing commit: nothing is counted yet.
    await closeExam(student, exam.id, later(40_000));
    expect(await db.reviewLog.count({ where: { userId: student.id } })).toBe(0);
    expect(await countedAt(exam.id)).toBeNull();

    // Any later read finishes it: here the result page, the exam list and a repeated submit at once.
    const [result] = await Promise.all([getExam(student, exam.id, later(60_000)), listExams(student, later(60_000)), submitExam(student, exam.id, later(60_000))]);
    expect(result.state === "submitted" && result.countedReviews).toBe(3);
    const expected = answered.map((row) => ({ reviewId: examReviewId(row.id), cardId: row.cardId }));
    expect(await logsOf(student.id)).toEqual(expected);
    expect(await countedAt(exam.id)).toEqual(later(60_000));

    // Even with the "done" mark lost (a crash just before it), counting again adds nothing.
    await db.exam.update({ where: { id: exam.id }, data: { reviewsCountedAt: null } });
    expect((await getExam(student, exam.id, later(70_000))).state).toBe("submitted");
    expect(await logsOf(student.id)).toEqual(expected);
    expect(await countedAt(exam.id)).toEqual(later(70_000));
    // Counted reviews are graded as they are made: none is left pending for the review loop.
    expect(await db.review.count({ where: { userId: student.id, gradedAt: null, closedAt: null } })).toBe(0);
  });

  it("a failure in the middle of counting: the other answers count, and a later read counts the rest once", async () => {
    const { student, exam, answered } = await answeredCountingExam(13);
    const failing = examReviewId(answered[1]!.id);
    const trigger = `fail_${answered[1]!.id}`;
    // The real database refuses this one question's grade (as a crash or a full disk would), once.
    const dropTrigger = await failInsertsOf("ReviewLog", "reviewId", failing, trigger);
    try {
      const result = await submitExam(student, exam.id, later(40_000));
      expect(result).toMatchObject({ state: "submitted", score: 2, countedReviews: 2 });
      expect((await logsOf(student.id)).map((log) => log.reviewId)).toEqual([examReviewId(answered[0]!.id), examReviewId(answered[2]!.id)]);
      // Rolled back whole: no half-made review of question 2 for the review loop to show.
      expect(await db.review.findUnique({ where: { id: failing } })).toBeNull();
      expect(await countedAt(exam.id)).toBeNull();
    } finally {
      await dropTrigger();
    }

    const later_ = await getExam(student, exam.id, later(90_000));
    expect(later_.state === "submitted" && later_.countedReviews).toBe(3);
    const logs = await logsOf(student.id);
    expect(logs.map((log) => log.reviewId).sort()).toEqual(answered.map((row) => examReviewId(row.id)).sort());
    expect(await countedAt(exam.id)).toEqual(later(90_000));
    // One SM-2 step per card.
    expect(await db.cardState.count({ where: { userId: student.id, lastReviewDay: { not: null } } })).toBe(3);
  });

  it("leaves the schedule alone when not asked", async () => {
    const student = await makeUser();
    const exam = await startExam(student, setup([tfOnly.id], { questionCount: 2 }), { now: T0, seed: 12 });
    const byPosition = await variants(exam.id);
    await saveAnswer(student, exam.id, 1, rightAnswer(byPosition.get(1)!), later(10_000));
    await submitExam(student, exam.id, later(20_000));
    expect(await db.reviewLog.count({ where: { userId: student.id } })).toBe(0);
    expect(await db.review.count({ where: { userId: student.id } })).toBe(0);
  });
});

describe("pure scoring", () => {
  const variant = {
    answerFormat: "integer",
    expectedAnswer: { format: "integer", value: 31 },
    mistakes: [{ value: 25, feedback: { ko: "편향", en: "You left out the biases." } }],
  } as unknown as Variant;

  it.each([
    [null, "unanswered"],
    ["   ", "unanswered"],
    ["31", "correct"],
    ["32", "wrong"],
    ["thirty", "invalid"],
  ])("%j → %s", (response, status) => {
    expect(scoreResponse({ ...variant, itemId: "x", itemType: "parametric", concept: "c", simulation: null, seed: 1, anchor: null, params: {}, prompt: { ko: "", en: "" }, choices: null, solution: { ko: "", en: "" }, architecture: null, verification: null, templateVersion: "v" }, response).status).toBe(status);
  });

  it("a listed mistake is a near miss (grade 2), another wrong answer a 1", () => {
    expect(examGrade(variant, "wrong", 10_000, { ko: "편향", en: "You left out the biases." })).toBe(2);
    expect(examGrade(variant, "wrong", 10_000, null)).toBe(1);
    expect(examGrade(variant, "invalid", 10_000, null)).toBe(1);
    expect(examGrade(variant, "correct", 10_000, null)).toBe(5);
    expect(examGrade(variant, "correct", 60_000, null)).toBe(4);
  });
});

import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

/**
 * While a student's mock exam runs, practice neither shows nor checks the exam's questions: through
 * the real route handlers (session → data layer → status). Only next-auth's session lookup is
 * replaced. On the old code every exam answer came back from the check (9 of 9).
 */

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", () => ({
  getServerSession: vi.fn(async () => (session.userId ? { user: { id: session.userId } } : null)),
}));
vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET ??= "test-secret-for-route-tests";
});

const { examDeck, loadDecks, makeUser } = await import("@/lib/server/testing/classes-fixtures");
const { db } = await import("@/lib/server/platform/db");
const { startExam, submitExam } = await import("@/lib/server/exams/exams");
const { POST } = await import("./route");
const { GET } = await import("../variant/route");

type Answer = { format: "boolean"; value: boolean };

const check = (itemId: string, seed: number, response: string) =>
  POST(new Request(`http://localhost/api/practice/${itemId}/check`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ seed, response }) }), {
    params: Promise.resolve({ itemId }),
  });
const variant = (itemId: string) => GET(new Request(`http://localhost/api/practice/${itemId}/variant`), { params: Promise.resolve({ itemId }) });

describe("practice during a running exam", () => {
  it("answers 409 with the reason for each of the exam's questions, checks the others, and opens again after submission", async () => {
    // Two true/false cards per concept: an exam of 3 questions leaves 3 cards out of it. Other test
    // decks share these item ids and practice takes the first deck by id: this one sorts first.
    const deck = examDeck({ perConcept: 2, id: `000-${randomUUID().slice(0, 8)}` });
    await loadDecks([deck]);
    const student = await makeUser();
    session.userId = student.id;
    const exam = await startExam(student, { deckIds: [deck.id], questionCount: 3, timeLimitSeconds: 600, countAsReviews: false });
    const rows = await db.examQuestion.findMany({ where: { examId: exam.id } });
    const inExam = rows.map((row) => ({ itemId: row.cardId.slice(deck.id.length + 1), answer: (JSON.parse(row.variant) as { expectedAnswer: Answer }).expectedAnswer }));
    expect(inExam).toHaveLength(3);
    const truth = (answer: Answer) => (answer.value ? "T" : "F");

    for (const question of inExam) {
      const refused = await check(question.itemId, 0, truth(question.answer));
      expect(refused.status).toBe(409);
      const body = (await refused.json()) as { error: string; fields?: { examId?: string[] } };
      expect(body.error).toMatch(/running mock exam/);
      expect(body.fields?.examId).toEqual([exam.id]);
      expect(JSON.stringify(body)).not.toMatch(/"expected"/);
      expect((await variant(question.itemId)).status).toBe(409);
    }

    const examItems = new Set(inExam.map((q) => q.itemId));
    const others = deck.cards.filter((card) => card.type === "tf" && !examItems.has(card.id));
    expect(others.length).toBeGreaterThan(0);
    for (const card of others) expect((await check(card.id, 0, "T")).status).toBe(200);

    await submitExam(student, exam.id);
    const reopened = await check(inExam[0]!.itemId, 0, truth(inExam[0]!.answer));
    expect(reopened.status).toBe(200);
    expect(((await reopened.json()) as { status: string }).status).toBe("correct");
  });
});

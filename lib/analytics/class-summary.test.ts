import { describe, expect, it } from "vitest";
import type { Bilingual } from "@/lib/questions";
import { summarizeClass, type Attempt, type ClassMemberInfo, type ClassSummaryInput } from "./class-summary";

const NOW = new Date("2026-05-20T12:00:00Z");
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);
const biases: Bilingual = { ko: "편향을 빠뜨렸습니다.", en: "You left out the biases." };

const ana: ClassMemberInfo = { userId: "ana", name: "Ana", email: "ana@example.com", joinedAt: daysAgo(30) };
const ben: ClassMemberInfo = { userId: "ben", name: "Ben", email: "ben@example.com", joinedAt: daysAgo(20) };

/** An attempt of `userId` on card `d/<card>` of concept `concept`, `days` days ago. */
function attempt(userId: string, card: string, concept: string, correct: boolean | null, days: number, extra: Partial<Attempt> = {}): Attempt {
  return { userId, cardId: `d/${card}`, deckId: "d", concept, itemId: card, params: {}, correct, wrong: correct === false, mistake: null, at: daysAgo(days), ...extra };
}

function input(attempts: Attempt[], more: Partial<ClassSummaryInput> = {}): ClassSummaryInput {
  return {
    now: NOW,
    attempts,
    exams: [],
    members: [ben, ana],
    cards: new Map([["d/dense", { itemType: "parametric", title: { ko: "단일층", en: "Single layer" } }]]),
    conceptNames: new Map([["d", new Map([["counting", { ko: "모수 세기", en: "Counting parameters" }]])]]),
    cardsStudied: new Map([["ana", 4]]),
    ...more,
  };
}

describe("summarizeClass", () => {
  // Each case: attempts in, the figures the page shows out.
  const cases: { name: string; attempts: Attempt[]; expected: (summary: ReturnType<typeof summarizeClass>) => void }[] = [
    {
      name: "no attempts: zero totals, every member listed with blank progress",
      attempts: [],
      expected: (s) => {
        expect(s.totals).toEqual({ attempts: 0, scored: 0, correct: 0, rate: null });
        expect(s.concepts).toEqual([]);
        expect(s.templates).toEqual([]);
        expect(s.students.map((p) => [p.name, p.attempts, p.rate, p.lastActive, p.cardsStudied])).toEqual([
          ["Ana", 0, null, null, 4],
          ["Ben", 0, null, null, 0],
        ]);
      },
    },
    {
      name: "an ungraded self-graded card is an attempt but not scored",
      attempts: [attempt("ana", "tf1", "alpha", true, 1), attempt("ana", "qa1", "alpha", null, 1)],
      expected: (s) => {
        expect(s.totals).toEqual({ attempts: 2, scored: 1, correct: 1, rate: 1 });
        expect(s.concepts[0]).toMatchObject({ concept: "alpha", attempts: 2, scored: 1, rate: 1, students: 1, name: null });
      },
    },
    {
      name: "concepts weakest first, then most attempted; unscored concepts last",
      attempts: [
        attempt("ana", "dense", "counting", false, 1),
        attempt("ben", "dense", "counting", true, 1),
        attempt("ana", "tf1", "alpha", true, 2),
        attempt("ana", "qa1", "gamma", null, 2),
        attempt("ana", "tf2", "beta", false, 3),
      ],
      expected: (s) => {
        expect(s.concepts.map((c) => [c.concept, c.rate, c.students])).toEqual([
          ["beta", 0, 1],
          ["counting", 0.5, 2],
          ["alpha", 1, 1],
          ["gamma", null, 1],
        ]);
        expect(s.concepts[1]!.name).toEqual({ ko: "모수 세기", en: "Counting parameters" });
      },
    },
    {
      name: "a template: its title, accuracy by parameter, matched mistakes and unmatched wrong answers",
      attempts: [
        attempt("ana", "dense", "counting", false, 1, { params: { p: 2 }, mistake: biases }),
        attempt("ana", "dense", "counting", false, 1, { params: { p: 4 }, mistake: biases }),
        attempt("ben", "dense", "counting", false, 1, { params: { p: 4 } }),
        attempt("ben", "dense", "counting", true, 1, { params: { p: 2 } }),
        attempt("ben", "tf1", "alpha", true, 1),
      ],
      expected: (s) => {
        expect(s.templates.map((t) => [t.cardId, t.attempts])).toEqual([
          ["d/dense", 4],
          ["d/tf1", 1],
        ]);
        const dense = s.templates[0]!;
        expect(dense).toMatchObject({ title: { en: "Single layer" }, itemType: "parametric", correct: 1, rate: 0.25, unmatchedWrong: 1 });
        expect(dense.mistakes).toEqual([{ feedback: biases, count: 2 }]);
        expect(dense.byParam).toEqual([
          {
            param: "p",
            buckets: [
              { label: "2", from: 2, to: 2, attempts: 2, correct: 1, rate: 0.5 },
              { label: "4", from: 4, to: 4, attempts: 2, correct: 0, rate: 0 },
            ],
          },
        ]);
        // A card the summary was told nothing about: a parametric card without a title.
        expect(s.templates[1]).toMatchObject({ title: null, itemType: "parametric", byParam: [], mistakes: [] });
      },
    },
    {
      name: "a student: last 7 days, last active, and the weakest concept among those with 3 scored attempts",
      attempts: [
        attempt("ana", "tf1", "alpha", false, 2),
        attempt("ana", "tf1", "alpha", false, 10),
        attempt("ana", "tf1", "alpha", true, 12),
        attempt("ana", "dense", "counting", false, 1),
        attempt("ana", "dense", "counting", false, 3),
      ],
      expected: (s) => {
        const progress = s.students.find((p) => p.userId === "ana")!;
        expect(progress).toMatchObject({ attempts: 5, correct: 1, attemptsLast7Days: 3, lastActive: daysAgo(1).toISOString(), cardsStudied: 4 });
        // Counting is worse (0 of 2) but has too few scored attempts to say so.
        expect(progress.weakestConcept).toEqual({ deckId: "d", concept: "alpha", name: null, rate: 1 / 3 });
      },
    },
  ];

  it.each(cases)("$name", ({ attempts, expected }) => {
    expected(summarizeClass(input(attempts)));
  });

  it("gives each student their exam count and their newest exam", () => {
    const exams = [
      { userId: "ben", score: 3, total: 5, submittedAt: daysAgo(1) },
      { userId: "ben", score: 1, total: 5, submittedAt: daysAgo(4) },
    ];
    const summary = summarizeClass(input([], { exams }));
    expect(summary.students.find((p) => p.userId === "ben")).toMatchObject({ exams: 2, lastExam: { score: 3, total: 5, submittedAt: daysAgo(1).toISOString() } });
    expect(summary.students.find((p) => p.userId === "ana")).toMatchObject({ exams: 0, lastExam: null });
  });

  it("lists students by name, then e-mail", () => {
    const twin = { ...ana, userId: "ana2", email: "a@example.com" };
    expect(summarizeClass(input([], { members: [ben, ana, twin] })).students.map((p) => p.userId)).toEqual(["ana2", "ana", "ben"]);
  });

  it("adds every attempt once to its concept and its student, in a class of 400 with 40,000 attempts", () => {
    const members = Array.from({ length: 400 }, (_, i) => ({ userId: `u${i}`, name: `S${i}`, email: `s${i}@example.com`, joinedAt: daysAgo(30) }));
    const many = Array.from({ length: 40_000 }, (_, i) => attempt(`u${i % 400}`, `c${i % 50}`, `k${i % 7}`, i % 3 === 0, i % 20));
    const summary = summarizeClass(input(many, { members }));
    expect(summary.totals.attempts).toBe(40_000);
    expect(summary.students.reduce((sum, p) => sum + p.attempts, 0)).toBe(40_000);
    expect(summary.concepts.reduce((sum, c) => sum + c.attempts, 0)).toBe(40_000);
  });
});

import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { isTemplate } from "@/lib/questions";
import { createDeck } from "../decks/authoring";
import { cardsText, makeUser as makeAuthor, uniqueDeckId } from "../testing/authoring-fixtures";
import { examDeck, loadDecks, makeUser } from "../testing/classes-fixtures";
import { db } from "./db";
import { syncContentDecks } from "../decks/deck-store";
import { publishVersion, saveDeckVersion } from "../decks/deck-versions";
import { addOwnExamDate } from "../exams/exam-dates";
import { startExam } from "../exams/exams";
import { route } from "./http";
import { answerReview } from "../review/review-answer";
import { reportProblem } from "../review/review-card-actions";
import { gradeReview } from "../review/review-grade";
import { nextReview } from "../review/review-issue";
import { testDeck, testUser } from "../testing/review-fixtures";
import {
  CorruptedRowError,
  parseCardDefinition,
  parseDeckDefinitionColumn,
  parseDeckDescription,
  parseDeckTitle,
  parseDeckVersionFiles,
  parseDeckVersionHarness,
  parseExamDateDeckIds,
  parseExamDeckIds,
  parseExamQuestionVariant,
  parseProblemReportParams,
  parseReviewLogStateAfter,
  parseReviewLogStateBefore,
  parseReviewVariant,
  type RowId,
} from "./stored-json";

/**
 * Every stored JSON column read back through its one parser, on rows the app's own writers put in
 * the real database (content deck loading, the authoring API, the review loop, exams, exam dates):
 * what is written reads back, and a corrupted row is refused with its table, column and id, which
 * a route answers as a 500 and logs.
 */

const NOW = new Date("2026-03-02T09:00:00Z");
const reviewDeck = testDeck();
const exam = examDeck({ perConcept: 2, withTemplate: true });

interface Stored {
  parser: { table: string; column: string } & ((json: string, id: RowId) => unknown);
  rows: { id: RowId; json: string }[];
}

let stored: Stored[] = [];
let appDeckId = "";
let reviewId = "";
let studentId = "";

beforeAll(async () => {
  await syncContentDecks([reviewDeck], { retireMissingDecks: false });
  await loadDecks([exam]);

  // The review loop: issue every card of the deck, grade it, report a problem with the first.
  studentId = await testUser();
  for (let i = 0; i < 3; i += 1) {
    const { item } = await nextReview(studentId, { deckId: reviewDeck.id }, NOW);
    if (!item) break;
    reviewId ||= item.reviewId;
    await gradeReview(studentId, item.reviewId, 3, NOW);
  }
  await reportProblem(studentId, reviewId, "The numbers look wrong.", NOW);

  // An exam (a template and true/false cards) and an exam date.
  const student = await makeUser();
  await startExam(student, { deckIds: [exam.id], questionCount: 4, timeLimitSeconds: 300, countAsReviews: false }, { now: NOW, seed: 3 });
  await addOwnExamDate(student, { date: "2030-06-01", deckIds: [exam.id] }, NOW);

  // An in-app deck: created, saved (the harness runs) and published.
  const owner = await makeAuthor("instructor");
  appDeckId = uniqueDeckId("stored");
  await createDeck(owner, { id: appDeckId, title: { ko: "저장 시험", en: "Stored test" }, concepts: [{ id: "facts", ko: "사실", en: "Facts" }] });
  const saved = await saveDeckVersion(owner, appDeckId, { baseVersion: null, changes: [{ path: "cards/facts.yaml", text: cardsText(appDeckId) }] });
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  await publishVersion(owner, appDeckId, saved.version);

  const deckIds = [reviewDeck.id, exam.id, appDeckId];
  const decks = await db.deck.findMany({ where: { id: { in: deckIds } } });
  const cards = await db.card.findMany({ where: { deckId: { in: deckIds } } });
  const reviews = await db.review.findMany({ where: { userId: studentId } });
  const logs = await db.reviewLog.findMany({ where: { userId: studentId } });
  const reports = await db.problemReport.findMany({ where: { userId: studentId } });
  const exams = await db.exam.findMany({ where: { userId: student.id } });
  const questions = await db.examQuestion.findMany({ where: { examId: { in: exams.map((e) => e.id) } } });
  const examDates = await db.examDate.findMany({ where: { userId: student.id } });
  const versions = await db.deckVersion.findMany({ where: { deckId: appDeckId } });
  stored = [
    { parser: parseDeckTitle, rows: decks.map((row) => ({ id: row.id, json: row.title })) },
    { parser: parseDeckDescription, rows: decks.flatMap((row) => (row.description === null ? [] : [{ id: row.id, json: row.description }])) },
    { parser: parseDeckDefinitionColumn, rows: decks.map((row) => ({ id: row.id, json: row.definition })) },
    { parser: parseCardDefinition, rows: cards.map((row) => ({ id: row.id, json: row.definition })) },
    { parser: parseReviewVariant, rows: reviews.map((row) => ({ id: row.id, json: row.variant })) },
    { parser: parseReviewLogStateBefore, rows: logs.map((row) => ({ id: row.reviewId, json: row.stateBefore })) },
    { parser: parseReviewLogStateAfter, rows: logs.map((row) => ({ id: row.reviewId, json: row.stateAfter })) },
    { parser: parseProblemReportParams, rows: reports.map((row) => ({ id: row.id, json: row.params })) },
    { parser: parseExamDeckIds, rows: exams.map((row) => ({ id: row.id, json: row.deckIds })) },
    { parser: parseExamQuestionVariant, rows: questions.map((row) => ({ id: row.id, json: row.variant })) },
    { parser: parseExamDateDeckIds, rows: examDates.map((row) => ({ id: row.id, json: row.deckIds })) },
    { parser: parseDeckVersionFiles, rows: versions.map((row) => ({ id: row.id, json: row.files })) },
    { parser: parseDeckVersionHarness, rows: versions.flatMap((row) => (row.harness === null ? [] : [{ id: row.id, json: row.harness }])) },
  ];
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** The stored value with its first key dropped (an object) or a number appended (a list). */
function subtlyCorrupted(json: string): string {
  const value: unknown = JSON.parse(json);
  if (Array.isArray(value)) return JSON.stringify([...value, 42]);
  const [, ...rest] = Object.entries(value as Record<string, unknown>);
  return JSON.stringify(Object.fromEntries(rest));
}

describe("stored JSON columns", () => {
  it("every column's writer wrote rows here, and every row reads back", () => {
    const columns = stored.map((s) => `${s.parser.table}.${s.parser.column}`);
    expect(columns).toEqual([
      "Deck.title",
      "Deck.description",
      "Deck.definition",
      "Card.definition",
      "Review.variant",
      "ReviewLog.stateBefore",
      "ReviewLog.stateAfter",
      "ProblemReport.params",
      "Exam.deckIds",
      "ExamQuestion.variant",
      "ExamDate.deckIds",
      "DeckVersion.files",
      "DeckVersion.harness",
    ]);
    for (const { parser, rows } of stored) {
      // Deck.description is optional in a deck; the in-app deck and the fixtures may leave it out.
      if (parser.column !== "description") expect(rows.length, `${parser.table}.${parser.column}`).toBeGreaterThan(0);
      for (const row of rows) expect(() => parser(row.json, row.id), `${parser.table}.${parser.column} ${String(row.id)}`).not.toThrow();
    }
  });

  it("reads back the values the writers were given", async () => {
    const deckRow = await db.deck.findUniqueOrThrow({ where: { id: reviewDeck.id } });
    expect(parseDeckTitle(deckRow.title, deckRow.id)).toEqual(reviewDeck.title);
    expect(parseDeckDefinitionColumn(deckRow.definition, deckRow.id).concepts).toEqual(reviewDeck.concepts);
    const items = [...reviewDeck.templates, ...reviewDeck.cards];
    const cards = await db.card.findMany({ where: { deckId: reviewDeck.id } });
    expect(cards.map((card) => parseCardDefinition(card.definition, card.id)).sort((a, b) => a.id.localeCompare(b.id))).toEqual(items.sort((a, b) => a.id.localeCompare(b.id)));
    const template = cards.map((card) => parseCardDefinition(card.definition, card.id)).find(isTemplate);
    expect(template?.id).toBe("single-params");

    const review = await db.review.findUniqueOrThrow({ where: { id: reviewId } });
    const variant = parseReviewVariant(review.variant, review.id);
    expect(variant.seed).toBe(Number(review.variantSeed));
    expect(variant.templateVersion).toBe(review.templateVersion);
    const log = await db.reviewLog.findUniqueOrThrow({ where: { reviewId } });
    expect(parseReviewLogStateBefore(log.stateBefore, reviewId)).toMatchObject({ repetition: 0, interval: null, dueDay: null, suspended: false });
    expect(parseReviewLogStateAfter(log.stateAfter, reviewId)).toMatchObject({ repetition: 1, interval: 1 });
    const report = await db.problemReport.findFirstOrThrow({ where: { reviewId } });
    expect(parseProblemReportParams(report.params, report.id)).toMatchObject({ params: variant.params, anchor: variant.anchor?.id ?? null, response: null });

    const version = await db.deckVersion.findFirstOrThrow({ where: { deckId: appDeckId, status: "published" } });
    expect(parseDeckVersionFiles(version.files, version.id).map((file) => file.path)).toContain("cards/facts.yaml");
    expect(parseDeckVersionHarness(version.harness, version.id)).toMatchObject({ failures: 0, items: [{ kind: "card", id: `${appDeckId}-relu` }] });
  });

  it("refuses a corrupted row (not JSON, or not the shape), naming the table, column and row", () => {
    for (const { parser, rows } of stored) {
      const row = rows[0];
      if (!row) continue;
      for (const corrupted of [row.json.slice(0, -1), subtlyCorrupted(row.json)]) {
        let error: unknown = null;
        try {
          parser(corrupted, row.id);
        } catch (caught) {
          error = caught;
        }
        expect(error, `${parser.table}.${parser.column} accepted ${corrupted.slice(0, 80)}`).toBeInstanceOf(CorruptedRowError);
        expect((error as Error).message).toContain(`${parser.table}.${parser.column}`);
        expect((error as Error).message).toContain(String(row.id));
      }
    }
  });

  it("a corrupted variant in the database is a 500 to the student and a log line naming table, column and id", async () => {
    const { item } = await nextReview(studentId, { deckId: reviewDeck.id }, new Date(NOW.getTime() + 3 * 86_400_000));
    if (!item) throw new Error("no review to corrupt");
    await db.review.update({ where: { id: item.reviewId }, data: { variant: '{"itemId": "broken"}' } });
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const handler = route(async () => Response.json(await answerReview(studentId, item.reviewId, { response: "1" }, NOW)));
    const response = await handler(new Request("http://localhost/api/review/x/answer", { method: "POST" }), {});
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain("Review.variant");
    const line = logged.mock.calls.map((call) => call.map((part) => (part instanceof Error ? part.message : String(part))).join(" ")).join("\n");
    expect(line).toContain(`stored Review.variant of the row with id ${item.reviewId}`);
  });
});

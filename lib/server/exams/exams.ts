import "server-only";
import { msg } from "@/lib/i18n/message";
import { randomInt } from "node:crypto";
import { displayExpected, makeVariant, type AnswerFormat, type Bilingual, type Item, type Variant } from "@/lib/questions";
import { conceptKey, examVariantSeeds, rankExamCandidates, shuffleForExam, type ConceptHistory, type ExamCandidate } from "@/lib/questions/exam-draw";
import type { ArchitectureSpec } from "@/lib/model-core";
import type { Exam as ExamRow, ExamQuestion as QuestionRow } from "@/lib/generated/prisma/client";
import { db } from "../platform/db";
import { conceptNames, parseItem } from "../decks/deck-store";
import { visibleDeckIds } from "../decks/deck-visibility";
import type { Viewer } from "../accounts/users";
import { AppError, conflict, notFound } from "@/lib/server-shared/errors";
import { ANSWER_GRACE_MS } from "./exam-lock";
import { finishExamReviews, hasUncountedReviews } from "./exam-reviews";
import { scoreResponse, type QuestionStatus } from "./exam-scoring";
import { writeTransaction } from "../platform/write-tx";
import { studentStats } from "../analytics/stats";
import { parseDeckTitle, parseExamDeckIds, parseExamQuestionVariant } from "../platform/stored-json";
import { typesetQuestion, type TypesetChoice } from "../review/typeset";

/**
 * Timed mock exams (`/exam`). A student picks decks, a number of questions and a time limit; the
 * questions are drawn with more weight on their weak concepts (lib/questions/exam-draw.ts, from the
 * per-concept retention of lib/server/analytics/stats.ts) as fresh, verified variants stored with the exam
 * (the stored variant is the question, PrairieLearn-style).
 *
 * The deadline lives on the server: answers are accepted until `deadlineAt` (plus a few seconds for
 * a request already on its way), and an exam read after that is submitted on the spot, so reloading
 * the page never restarts the clock and closing the tab still ends the exam. Nothing about
 * correctness leaves the server before submission. Submitting is idempotent; when the student asked
 * for it, the answers then count as reviews (exam-reviews.ts: through the review loop's own grading,
 * once each, and finished by any later read if the process stopped half-way).
 */

export { examGrade, scoreResponse, type QuestionStatus } from "./exam-scoring";
export { ANSWER_GRACE_MS } from "./exam-lock";

/** An exam asks for a few more candidates than questions, in case a variant cannot be made. */
const VARIANT_ATTEMPTS_PER_CARD = 2;

export interface ExamSetupInput {
  deckIds: string[];
  questionCount: number;
  timeLimitSeconds: number;
  countAsReviews: boolean;
}

export interface ExamQuestionView {
  position: number;
  deckId: string;
  deckTitle: Bilingual | null;
  concept: string;
  conceptName: Bilingual | null;
  itemType: string;
  prompt: Bilingual;
  answerFormat: AnswerFormat;
  /** The prompt and choices typeset on the server (typeset.ts): the exam pages load no KaTeX. */
  promptHtml: Bilingual;
  choices: TypesetChoice[] | null;
  response: string | null;
}

export interface ExamQuestionResult extends ExamQuestionView {
  status: QuestionStatus;
  readAs: string | null;
  expected: string;
  solution: Bilingual;
  mistake: Bilingual | null;
  architecture: ArchitectureSpec | null;
  /** `/practice/<itemId>?seed=…` to try this very variant again (templates of public decks). */
  itemId: string;
  seed: number;
}

export interface ConceptScore {
  deckId: string;
  concept: string;
  name: Bilingual | null;
  correct: number;
  total: number;
}

interface ExamBase {
  id: string;
  deckIds: string[];
  deckTitles: Bilingual[];
  questionCount: number;
  timeLimitSeconds: number;
  countAsReviews: boolean;
  startedAt: string;
  deadlineAt: string;
}

export interface RunningExam extends ExamBase {
  state: "running";
  /** The server's clock when this was read, so the browser can correct for its own. */
  serverNow: string;
  remainingMs: number;
  questions: ExamQuestionView[];
}

export interface SubmittedExam extends ExamBase {
  state: "submitted";
  submittedAt: string;
  /** True when the deadline ended the exam (not the student). */
  timedOut: boolean;
  score: number;
  total: number;
  answered: number;
  perConcept: ConceptScore[];
  questions: ExamQuestionResult[];
  /** How many answers went into the review schedule (0 unless countAsReviews). */
  countedReviews: number;
}

export type ExamView = RunningExam | SubmittedExam;

export interface ExamListEntry {
  id: string;
  state: "running" | "submitted";
  startedAt: string;
  deadlineAt: string;
  submittedAt: string | null;
  questionCount: number;
  score: number | null;
  deckTitles: Bilingual[];
}

export interface ExamDeckOption {
  id: string;
  title: Bilingual;
  concepts: number;
  /** Cards an exam can use (active; self-graded cards are skipped when drawing). */
  cards: number;
}

// ---------------------------------------------------------------------------------------------
// Helpers

async function titlesOf(deckIds: readonly string[]): Promise<Map<string, Bilingual>> {
  if (deckIds.length === 0) return new Map();
  const rows = await db.deck.findMany({ where: { id: { in: [...deckIds] } }, select: { id: true, title: true } });
  return new Map(rows.map((row) => [row.id, parseDeckTitle(row.title, row.id)]));
}

function base(exam: ExamRow, titles: Map<string, Bilingual>): ExamBase {
  const deckIds = parseExamDeckIds(exam.deckIds, exam.id);
  return {
    id: exam.id,
    deckIds,
    deckTitles: deckIds.flatMap((id) => titles.get(id) ?? []),
    questionCount: exam.questionCount,
    timeLimitSeconds: exam.timeLimitSeconds,
    countAsReviews: exam.countAsReviews,
    startedAt: exam.startedAt.toISOString(),
    deadlineAt: exam.deadlineAt.toISOString(),
  };
}

const isOver = (exam: Pick<ExamRow, "deadlineAt">, now: Date) => now.getTime() >= exam.deadlineAt.getTime() + ANSWER_GRACE_MS;

async function ownedExam(viewer: Viewer, examId: string): Promise<ExamRow> {
  const exam = await db.exam.findFirst({ where: { id: examId, userId: viewer.id } });
  if (!exam) throw notFound(msg("exam.notFound"));
  return exam;
}

// ---------------------------------------------------------------------------------------------
// Setting up an exam

/** Decks the student may take an exam on (deck-visibility.ts), with what they hold. */
export async function examDeckOptions(viewer: Viewer): Promise<ExamDeckOption[]> {
  const ids = await visibleDeckIds(viewer);
  if (ids.length === 0) return [];
  const [decks, counts, names] = await Promise.all([
    db.deck.findMany({ where: { id: { in: ids } }, select: { id: true, title: true }, orderBy: { id: "asc" } }),
    db.card.groupBy({ by: ["deckId", "concept"], where: { deckId: { in: ids }, retired: false }, _count: { _all: true } }),
    conceptNames(),
  ]);
  return decks
    .map((deck) => {
      const rows = counts.filter((row) => row.deckId === deck.id);
      return {
        id: deck.id,
        title: parseDeckTitle(deck.title, deck.id),
        concepts: Math.max(rows.length, names.get(deck.id)?.size ?? 0),
        cards: rows.reduce((sum, row) => sum + row._count._all, 0),
      };
    })
    .filter((deck) => deck.cards > 0);
}

interface DrawnQuestion {
  candidate: ExamCandidate;
  variant: Variant;
}

/** Verifies with TensorFlow.js when the variant has something to verify; tfjs loads on first use. */
async function verifiedVariant(item: Item, seed: number): Promise<Variant> {
  const variant = makeVariant(item, seed);
  if (variant.verification === null) return variant;
  const { verifyVariant } = await import("@/lib/questions/verify");
  const outcome = await verifyVariant(variant);
  if (!outcome.ok) throw new Error(`variant ${item.id}#${seed} failed verification: ${outcome.message ?? "disagreement"}`);
  return variant;
}

/**
 * The exam's questions: candidates ranked by the weighted draw, then the first ones whose variant
 * can be made, verified and checked automatically (self-graded cards are left out: nobody can grade
 * them before the result page). Variants are fresh: their seeds come from the exam's own seed.
 */
async function drawQuestions(candidates: readonly ExamCandidate[], history: ReadonlyMap<string, ConceptHistory>, count: number, seed: number): Promise<DrawnQuestion[]> {
  const ranked = rankExamCandidates(candidates, history, seed);
  const seeds = examVariantSeeds(seed, ranked.length * VARIANT_ATTEMPTS_PER_CARD);
  const drawn: DrawnQuestion[] = [];
  const definitions = new Map<string, { id: string; version: string; definition: string }>();
  // Load definitions in pages of the ranking rather than every card of every deck at once.
  for (let start = 0; start < ranked.length && drawn.length < count; start += count * 2) {
    const page = ranked.slice(start, start + count * 2);
    const rows = await db.card.findMany({ where: { id: { in: page.map((c) => c.cardId) } }, select: { id: true, version: true, definition: true } });
    for (const row of rows) definitions.set(row.id, row);
    for (const [offset, candidate] of page.entries()) {
      if (drawn.length >= count) break;
      const card = definitions.get(candidate.cardId);
      if (!card) continue;
      const item = parseItem(card.id, card.version, card.definition);
      for (let attempt = 0; attempt < VARIANT_ATTEMPTS_PER_CARD; attempt += 1) {
        const variantSeed = seeds[(start + offset) * VARIANT_ATTEMPTS_PER_CARD + attempt]!;
        try {
          const variant = await verifiedVariant(item, variantSeed);
          if (variant.expectedAnswer.format !== "self") drawn.push({ candidate, variant });
          break;
        } catch (error) {
          console.error(`[deepdrill] exam: card ${candidate.cardId} could not make a verified variant; ${attempt + 1 < VARIANT_ATTEMPTS_PER_CARD ? "trying another seed" : "skipped"}`, error);
        }
      }
    }
  }
  return shuffleForExam(drawn, seed);
}

/** The student's per-concept history for the draw (the /stats figures: counted grades, retained ≥ 3). */
async function conceptHistory(userId: string, now: Date): Promise<Map<string, ConceptHistory>> {
  const stats = await studentStats(userId, now);
  return new Map(stats.concepts.map((c) => [conceptKey(c.deckId, c.concept), { reviews: c.reviews, retained: c.retained }]));
}

export interface StartOptions {
  now?: Date;
  /** Fixes the draw (tests); a random seed otherwise. */
  seed?: number;
}

/**
 * Finalises the student's exams whose time ran out (someone who closed the tab mid-exam) and counts
 * the reviews a stopped process left uncounted, before the exam list or a new draw reads them.
 */
async function finishPendingExams(viewer: Viewer, now: Date): Promise<void> {
  const unfinished = await db.exam.findMany({
    where: {
      userId: viewer.id,
      OR: [
        { submittedAt: null, deadlineAt: { lte: new Date(now.getTime() - ANSWER_GRACE_MS) } },
        { submittedAt: { not: null }, countAsReviews: true, reviewsCountedAt: null },
      ],
    },
    select: { id: true },
  });
  for (const exam of unfinished) await submitExam(viewer, exam.id, now);
}

export async function startExam(viewer: Viewer, input: ExamSetupInput, options: StartOptions = {}): Promise<RunningExam> {
  const now = options.now ?? new Date();
  await finishPendingExams(viewer, now);
  const running = await db.exam.findFirst({ where: { userId: viewer.id, submittedAt: null }, select: { id: true } });
  if (running) throw new AppError(409, msg("exam.inProgress"), { examId: [running.id] });

  const deckIds = [...new Set(input.deckIds)];
  const visible = new Set(await visibleDeckIds(viewer));
  const hidden = deckIds.filter((id) => !visible.has(id));
  if (hidden.length > 0) throw new AppError(404, msg("exam.noDeck", { deckId: hidden[0]!.slice(0, 100) }), { deckIds: [msg("exam.chooseFromList")] });

  const cards = await db.card.findMany({ where: { deckId: { in: deckIds }, retired: false }, select: { id: true, deckId: true, concept: true } });
  const candidates = cards.map((card) => ({ cardId: card.id, deckId: card.deckId, concept: card.concept }));
  const seed = options.seed ?? randomInt(0, 2 ** 32);
  const questions = await drawQuestions(candidates, await conceptHistory(viewer.id, now), input.questionCount, seed);
  if (questions.length === 0) throw new AppError(422, msg("exam.noQuestions"), { deckIds: [msg("exam.chooseOther")] });

  const deadlineAt = new Date(now.getTime() + input.timeLimitSeconds * 1000);
  const outcome = await writeTransaction<{ running: string } | { exam: string }>(async (tx) => {
    // Checked again inside the write: two start requests at once make one exam.
    const other = await tx.exam.findFirst({ where: { userId: viewer.id, submittedAt: null }, select: { id: true } });
    if (other) return { running: other.id };
    const exam = await tx.exam.create({
      data: {
        userId: viewer.id,
        deckIds: JSON.stringify(deckIds),
        questionCount: questions.length,
        timeLimitSeconds: input.timeLimitSeconds,
        startedAt: now,
        deadlineAt,
        countAsReviews: input.countAsReviews,
      },
    });
    await tx.examQuestion.createMany({
      data: questions.map(({ candidate, variant }, index) => ({
        examId: exam.id,
        position: index + 1,
        cardId: candidate.cardId,
        deckId: candidate.deckId,
        concept: candidate.concept,
        variantSeed: BigInt(variant.seed),
        templateVersion: variant.templateVersion,
        variant: JSON.stringify(variant),
      })),
    });
    return { exam: exam.id };
  });
  if ("running" in outcome) throw new AppError(409, msg("exam.inProgress"), { examId: [outcome.running] });
  const view = await getExam(viewer, outcome.exam, now);
  if (view.state !== "running") throw new Error("a new exam is already over");
  return view;
}

// ---------------------------------------------------------------------------------------------
// Taking it

async function questionViews(rows: readonly QuestionRow[], titles: Map<string, Bilingual>): Promise<{ view: ExamQuestionView; variant: Variant; row: QuestionRow }[]> {
  const names = await conceptNames();
  return rows.map((row) => {
    const variant = parseExamQuestionVariant(row.variant, row.id);
    return {
      row,
      variant,
      view: {
        position: row.position,
        deckId: row.deckId,
        deckTitle: titles.get(row.deckId) ?? null,
        concept: row.concept,
        conceptName: names.get(row.deckId)?.get(row.concept) ?? null,
        itemType: variant.itemType,
        prompt: variant.prompt,
        answerFormat: variant.answerFormat,
        ...typesetQuestion(variant),
        response: row.response,
      },
    };
  });
}

/** The exam as its student sees it: the questions while running, everything once submitted. */
export async function getExam(viewer: Viewer, examId: string, now: Date = new Date()): Promise<ExamView> {
  let exam = await ownedExam(viewer, examId);
  if (exam.submittedAt === null && isOver(exam, now)) {
    await closeExam(viewer, examId, now);
    exam = await ownedExam(viewer, examId);
  }
  if (hasUncountedReviews(exam)) await finishExamReviews(exam, now);
  const rows = await db.examQuestion.findMany({ where: { examId }, orderBy: { position: "asc" } });
  const deckIds = [...new Set([...parseExamDeckIds(exam.deckIds, exam.id), ...rows.map((row) => row.deckId)])];
  const titles = await titlesOf(deckIds);
  const items = await questionViews(rows, titles);
  if (exam.submittedAt === null) {
    return {
      ...base(exam, titles),
      state: "running",
      serverNow: now.toISOString(),
      remainingMs: Math.max(0, exam.deadlineAt.getTime() - now.getTime()),
      questions: items.map((item) => item.view),
    };
  }

  const questions: ExamQuestionResult[] = items.map(({ view, variant, row }) => {
    const scored = scoreResponse(variant, row.response);
    return {
      ...view,
      status: (row.status as QuestionStatus | null) ?? scored.status,
      readAs: row.readAs ?? scored.readAs,
      expected: displayExpected(variant.expectedAnswer),
      solution: variant.solution,
      mistake: scored.mistake,
      architecture: variant.architecture,
      itemId: variant.itemId,
      seed: variant.seed,
    };
  });
  const perConcept = new Map<string, ConceptScore>();
  for (const question of questions) {
    const key = conceptKey(question.deckId, question.concept);
    const entry = perConcept.get(key) ?? { deckId: question.deckId, concept: question.concept, name: question.conceptName, correct: 0, total: 0 };
    entry.total += 1;
    if (question.status === "correct") entry.correct += 1;
    perConcept.set(key, entry);
  }
  const counted = exam.countAsReviews
    ? await db.review.count({ where: { userId: viewer.id, kind: "exam", issuedAt: exam.startedAt, cardId: { in: rows.map((row) => row.cardId) }, gradedAt: { not: null } } })
    : 0;
  return {
    ...base(exam, titles),
    state: "submitted",
    submittedAt: exam.submittedAt.toISOString(),
    timedOut: exam.submittedAt.getTime() >= exam.deadlineAt.getTime(),
    score: exam.score ?? questions.filter((q) => q.status === "correct").length,
    total: questions.length,
    answered: questions.filter((q) => q.status !== "unanswered").length,
    perConcept: [...perConcept.values()].sort((a, b) => a.correct / a.total - b.correct / b.total || b.total - a.total || a.concept.localeCompare(b.concept)),
    questions,
    countedReviews: counted,
  };
}

export interface SaveOutcome {
  position: number;
  saved: true;
  /**
   * False when the answer cannot be read as the asked format ("12a" for a number): format help,
   * not correctness (nothing about right or wrong is said before submission).
   */
  readable: boolean;
  remainingMs: number;
}

export async function saveAnswer(viewer: Viewer, examId: string, position: number, response: string, now: Date = new Date()): Promise<SaveOutcome> {
  const exam = await ownedExam(viewer, examId);
  if (exam.submittedAt !== null) throw conflict(msg("exam.alreadySubmitted"));
  if (isOver(exam, now)) {
    await submitExam(viewer, examId, now);
    throw conflict(msg("exam.timeUp"));
  }
  const row = await db.examQuestion.findFirst({ where: { examId, position } });
  if (!row) throw notFound(msg("exam.noQuestion", { position }));
  const text = response.trim() === "" ? null : response;
  const saved = await writeTransaction(async (tx) => {
    // Only while the exam is open: a submission racing this save wins, and the save is refused.
    const open = await tx.exam.findFirst({ where: { id: examId, submittedAt: null }, select: { id: true } });
    if (!open) return false;
    await tx.examQuestion.update({ where: { id: row.id }, data: { response: text, answeredAt: text === null ? null : now } });
    return true;
  });
  if (!saved) throw conflict(msg("exam.alreadySubmitted"));
  const readable = text === null || scoreResponse(parseExamQuestionVariant(row.variant, row.id), text).status !== "invalid";
  return { position, saved: true, readable, remainingMs: Math.max(0, exam.deadlineAt.getTime() - now.getTime()) };
}

// ---------------------------------------------------------------------------------------------
// Submitting

/**
 * Scores and closes the exam (idempotent: a second call returns the stored result). When the exam
 * counts as reviews, reading the result counts them (getExam → exam-reviews.ts), here and on any
 * later read should this process stop before it is done.
 */
export async function submitExam(viewer: Viewer, examId: string, now: Date = new Date()): Promise<SubmittedExam> {
  await closeExam(viewer, examId, now);
  const view = await getExam(viewer, examId, now);
  if (view.state !== "submitted") throw new Error("exam still running after submission");
  return view;
}

/**
 * The closing step alone: scores the stored answers and marks the exam submitted, in one
 * transaction (a no-op when it is closed already). Counting reviews is left to the next read.
 */
export async function closeExam(viewer: Viewer, examId: string, now: Date = new Date()): Promise<void> {
  const exam = await ownedExam(viewer, examId);
  if (exam.submittedAt !== null) return;
  const rows = await db.examQuestion.findMany({ where: { examId }, orderBy: { position: "asc" } });
  const scored = rows.map((row) => ({ row, ...scoreResponse(parseExamQuestionVariant(row.variant, row.id), row.response) }));
  const score = scored.filter((q) => q.status === "correct").length;
  // An exam closed after its deadline (a tab left open, a late reload) ends at the deadline.
  const submittedAt = now.getTime() > exam.deadlineAt.getTime() ? exam.deadlineAt : now;
  await writeTransaction(async (tx) => {
    const { count } = await tx.exam.updateMany({ where: { id: examId, userId: viewer.id, submittedAt: null }, data: { submittedAt, score } });
    if (count !== 1) return;
    // Unanswered is stored as null (the schema's convention); the others as scored.
    for (const q of scored) {
      await tx.examQuestion.update({ where: { id: q.row.id }, data: { status: q.status === "unanswered" ? null : q.status, readAs: q.readAs } });
    }
  });
}

// ---------------------------------------------------------------------------------------------
// History

export async function listExams(viewer: Viewer, now: Date = new Date(), limit = 20): Promise<ExamListEntry[]> {
  await finishPendingExams(viewer, now);
  const rows = await db.exam.findMany({ where: { userId: viewer.id }, orderBy: [{ startedAt: "desc" }, { id: "asc" }], take: limit });
  const titles = await titlesOf([...new Set(rows.flatMap((row) => parseExamDeckIds(row.deckIds, row.id)))]);
  return rows.map((row) => ({
    id: row.id,
    state: row.submittedAt === null ? "running" : "submitted",
    startedAt: row.startedAt.toISOString(),
    deadlineAt: row.deadlineAt.toISOString(),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    questionCount: row.questionCount,
    score: row.score,
    deckTitles: parseExamDeckIds(row.deckIds, row.id).flatMap((id) => titles.get(id) ?? []),
  }));
}

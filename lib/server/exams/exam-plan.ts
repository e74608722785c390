import "server-only";
import { BoundedCache } from "@/lib/bounded-cache";
import type { Bilingual } from "@/lib/questions";
import { parseDayNumber } from "@/lib/srs/days";
import { paceToExam, type Pace } from "@/lib/srs/exam-pacing";
import { nearestExam } from "@/lib/srs/exam-schedule";
import { fitPopulationModel, fitStudentModel, readinessByConcept, type HalfLifeModel, type LoggedReview } from "@/lib/srs/readiness";
import { Prisma } from "@/lib/generated/prisma/client";
import { requireOwnedClass } from "../classes/classes";
import { db } from "../platform/db";
import { listDecks } from "../decks/deck-store";
import type { Viewer } from "../accounts/users";
import { readRows, sqlInt } from "../platform/direct-sql";
import { listExamDates, toSchedulerExams, userToday, type ExamDateView } from "./exam-dates";
import { examQueueDay } from "./exam-queue";
import { reviewedToday } from "../review/review-queue";
import { loadUserSettings } from "../review/review-settings";
import { processShared } from "@/lib/server-shared/platform/process-shared";

/**
 * What the home page and /stats say about the nearest exam: the pace (lib/srs/exam-pacing.ts) and
 * readiness per concept (lib/srs/readiness.ts), from the student's own cards and log, with the
 * class prior fitted to every student's log of the covered decks (cached a few minutes per deck
 * set: it changes slowly and costs one pass over those logs).
 */

export interface ConceptReadinessView {
  concept: string;
  deckId: string;
  title: Bilingual;
  readiness: number;
  cards: number;
  seen: number;
}

export interface ExamPlan {
  exam: ExamDateView;
  daysLeft: number;
  cards: number;
  pace: Pace;
  /** New cards today's queue introduces in the covered decks (the same number the queue applies). */
  newToday: number;
  readiness: ConceptReadinessView[];
}

interface LogRow {
  userId: string;
  cardId: string;
  concept: string;
  reviewDay: unknown;
  grade: unknown;
}

/** Counted, not undone, reviews of the decks; for one user or (userId omitted) everyone. */
async function countedReviews(deckIds: readonly string[], userId?: string): Promise<Map<string, LoggedReview[]>> {
  const byUser = new Map<string, LoggedReview[]>();
  if (deckIds.length === 0) return byUser;
  const rows = await readRows<LogRow>(Prisma.sql`
    SELECT l."userId" AS "userId", l."cardId" AS "cardId", l."concept" AS "concept", l."reviewDay" AS "reviewDay", l."grade" AS "grade"
    FROM "ReviewLog" l LEFT JOIN "ReviewUndo" u ON u."reviewId" = l."reviewId"
    WHERE l."counted" = ${true} AND u."id" IS NULL AND l."deckId" IN (${Prisma.join([...deckIds])})
      ${userId === undefined ? Prisma.empty : Prisma.sql`AND l."userId" = ${userId}`}`);
  for (const row of rows) {
    const list = byUser.get(row.userId) ?? [];
    list.push({ cardId: row.cardId, concept: row.concept, day: sqlInt(row.reviewDay), grade: sqlInt(row.grade) });
    byUser.set(row.userId, list);
  }
  return byUser;
}

const POPULATION_TTL_MS = 5 * 60_000;
const populationCache = processShared("readiness-population", () => new BoundedCache<{ at: number; model: Promise<HalfLifeModel> }>({ maxEntries: 1000 }));

function populationModel(deckIds: readonly string[], now: number): Promise<HalfLifeModel> {
  const key = [...deckIds].sort().join("\n");
  const hit = populationCache.get(key);
  if (hit && now - hit.at <= POPULATION_TTL_MS) return hit.model;
  const model = countedReviews(deckIds).then((logs) => fitPopulationModel([...logs.values()]));
  model.catch(() => populationCache.delete(key));
  populationCache.set(key, { at: now, model });
  return model;
}

interface CoveredCard {
  id: string;
  deckId: string;
  concept: string;
}

async function coveredCards(deckIds: readonly string[]): Promise<CoveredCard[]> {
  return db.card.findMany({ where: { deckId: { in: [...deckIds] }, retired: false }, select: { id: true, deckId: true, concept: true }, orderBy: [{ deckId: "asc" }, { position: "asc" }] });
}

async function conceptTitles(): Promise<Map<string, Bilingual>> {
  const titles = new Map<string, Bilingual>();
  for (const deck of await listDecks()) for (const concept of deck.concepts) titles.set(`${deck.id}\n${concept.id}`, { ko: concept.ko, en: concept.en });
  return titles;
}

function readinessViews(model: HalfLifeModel, log: readonly LoggedReview[], cards: readonly CoveredCard[], day: number, titles: Map<string, Bilingual>): ConceptReadinessView[] {
  // Concepts are named within a deck: key them by deck so two decks' "activation" stay apart.
  const keyed = cards.map((card) => ({ id: card.id, concept: `${card.deckId}\n${card.concept}` }));
  const keyedLog = log.map((review) => ({ ...review, concept: `${review.cardId.split("/")[0] ?? ""}\n${review.concept}` }));
  return readinessByConcept(model, keyedLog, keyed, day).map((entry) => {
    const [deckId = "", concept = ""] = entry.concept.split("\n");
    return { concept, deckId, title: titles.get(entry.concept) ?? { ko: concept, en: concept }, readiness: entry.readiness, cards: entry.cards, seen: entry.seen };
  });
}

/** The student's nearest exam ahead, its pace and readiness; null when none is set. */
export async function examPlanFor(viewer: Viewer, now: Date = new Date()): Promise<ExamPlan | null> {
  const [views, { today }, settings] = await Promise.all([listExamDates(viewer), userToday(viewer.id, now), loadUserSettings(viewer.id)]);
  const exams = toSchedulerExams(views);
  const nearest = nearestExam(exams, today);
  const exam = nearest ? views[exams.indexOf(nearest)] : undefined;
  if (!nearest || !exam) return null;
  const cards = await coveredCards(exam.deckIds);
  const states = await db.cardState.findMany({ where: { userId: viewer.id, deckId: { in: exam.deckIds } }, select: { cardId: true, dueDay: true, suspended: true } });
  const stateOf = new Map(states.map((state) => [state.cardId, state]));
  const unintroduced = cards.filter((card) => (stateOf.get(card.id)?.dueDay ?? null) === null).length;
  const scheduledReviews = states.filter((state) => !state.suspended && state.dueDay !== null && state.dueDay < nearest.day).length;
  const pace = paceToExam({ today, examDay: nearest.day, unintroduced, scheduledReviews, dailyLoadCap: settings.limits.reviewsPerDay });
  const [population, own, titles, queueDay] = await Promise.all([
    populationModel(exam.deckIds, now.getTime()),
    countedReviews(exam.deckIds, viewer.id),
    conceptTitles(),
    reviewedToday(viewer.id, today).then((done) => examQueueDay(viewer, today, settings.limits, done)),
  ]);
  const log = own.get(viewer.id) ?? [];
  const model = fitStudentModel(log, population);
  return { exam, daysLeft: nearest.day - today, cards: cards.length, pace, newToday: queueDay?.room.newToday ?? 0, readiness: readinessViews(model, log, cards, nearest.day, titles) };
}

export interface ClassReadiness {
  date: string | null;
  students: number;
  /** Mean over the class's members of each one's readiness, weakest first. */
  concepts: ConceptReadinessView[];
}

/** The instructor's view: each concept's readiness averaged over the class's members, on the class's exam day. */
export async function classReadiness(viewer: Viewer, classId: string, now: Date = new Date()): Promise<ClassReadiness> {
  await requireOwnedClass(viewer, classId);
  const [exam, members, decks] = await Promise.all([
    db.examDate.findFirst({ where: { classId }, select: { date: true } }),
    db.classMember.findMany({ where: { classId }, select: { userId: true } }),
    db.classDeck.findMany({ where: { classId }, select: { deckId: true } }),
  ]);
  const deckIds = decks.map((deck) => deck.deckId);
  if (members.length === 0 || deckIds.length === 0) return { date: exam?.date ?? null, students: members.length, concepts: [] };
  const { today } = await userToday(viewer.id, now);
  const day = exam ? Math.max(today, parseDayNumber(exam.date)) : today;
  const [cards, population, logs, titles] = await Promise.all([coveredCards(deckIds), populationModel(deckIds, now.getTime()), countedReviews(deckIds), conceptTitles()]);
  const totals = new Map<string, ConceptReadinessView & { sum: number }>();
  for (const { userId } of members) {
    const log = logs.get(userId) ?? [];
    for (const view of readinessViews(fitStudentModel(log, population), log, cards, day, titles)) {
      const key = `${view.deckId}\n${view.concept}`;
      const total = totals.get(key) ?? { ...view, sum: 0, seen: 0 };
      total.sum += view.readiness;
      total.seen += view.seen;
      totals.set(key, total);
    }
  }
  const concepts = [...totals.values()]
    .map(({ sum, ...view }) => ({ ...view, readiness: sum / members.length }))
    .sort((a, b) => a.readiness - b.readiness);
  return { date: exam?.date ?? null, students: members.length, concepts };
}

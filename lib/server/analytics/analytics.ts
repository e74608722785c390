import "server-only";
import { msg } from "@/lib/i18n/message";
import { checkAnswer, isTemplate, type Bilingual, type ParamValues, type Variant } from "@/lib/questions";
import { db } from "../platform/db";
import { conceptNames, parseItem } from "../decks/deck-store";
import { forbidden } from "../../server-shared/errors";
import { requireOwnedClass } from "../classes/classes";
import { reachableClassDecks } from "../decks/deck-visibility";
import type { Viewer } from "../accounts/users";
import { accuracyByParam, topMistakes, type MistakeCount, type ParamAccuracy } from "./analytics-buckets";
import { parseDeckTitle, parseExamQuestionVariant, parseProblemReportParams, parseReviewVariant } from "../platform/stored-json";

/**
 * `/author/analytics`: where a class struggles, per concept and per template, from its students'
 * answers on the decks assigned to the class — reviews (undo copies counted once) and submitted
 * mock exams. An instructor sees only classes they own (requireOwnedClass: another instructor's
 * class is a 404), and only what members did on that class's decks.
 *
 * An attempt is an answered question. "Correct" is the checker's verdict; a self-graded card counts
 * as correct when the student graded it 3 or more, and is left out of the share until graded.
 */

export const ANALYTICS_WINDOW_DAYS = 180;
/** The most recent attempts read per class (a large class's analytics stay a bounded read). */
export const MAX_ATTEMPTS = 20_000;
const MAX_REPORTS = 50;

export interface AnalyticsClassRef {
  id: string;
  name: string;
  memberCount: number;
}

export interface ConceptAnalytics {
  deckId: string;
  concept: string;
  name: Bilingual | null;
  attempts: number;
  /** Attempts with a verdict (self-graded cards count once graded). */
  scored: number;
  correct: number;
  rate: number | null;
  students: number;
}

export interface TemplateAnalytics {
  cardId: string;
  deckId: string;
  itemId: string;
  itemType: string;
  title: Bilingual | null;
  concept: string;
  conceptName: Bilingual | null;
  attempts: number;
  scored: number;
  correct: number;
  rate: number | null;
  byParam: ParamAccuracy[];
  mistakes: MistakeCount[];
  /** Wrong answers that matched no listed mistake. */
  unmatchedWrong: number;
}

export interface ReportedProblem {
  id: number;
  createdAt: string;
  student: string;
  deckId: string;
  cardId: string;
  itemId: string;
  message: string;
  seed: number;
  params: ParamValues;
  anchor: string | null;
  response: string | null;
  templateVersion: string;
  /** False when the template changed since: the seed alone no longer gives the same numbers. */
  sameVersion: boolean;
  /** `/practice/<itemId>?seed=…[&anchor=…]`: the exact variant, when the version is unchanged. */
  openHref: string;
}

export interface StudentProgress {
  userId: string;
  name: string;
  email: string;
  joinedAt: string;
  attempts: number;
  scored: number;
  correct: number;
  rate: number | null;
  attemptsLast7Days: number;
  /** Cards of the class's decks reviewed at least once. */
  cardsStudied: number;
  lastActive: string | null;
  exams: number;
  lastExam: { score: number; total: number; submittedAt: string } | null;
  /** Lowest share correct among concepts with at least three scored attempts. */
  weakestConcept: { deckId: string; concept: string; name: Bilingual | null; rate: number } | null;
}

export interface ClassAnalytics {
  classes: AnalyticsClassRef[];
  /** The class shown, or null when the instructor has none yet. */
  selected: (AnalyticsClassRef & { decks: { id: string; title: Bilingual }[] }) | null;
  windowDays: number;
  totals: { attempts: number; scored: number; correct: number; rate: number | null; truncated: boolean };
  concepts: ConceptAnalytics[];
  templates: TemplateAnalytics[];
  reports: ReportedProblem[];
  students: StudentProgress[];
}

interface Attempt {
  userId: string;
  cardId: string;
  deckId: string;
  concept: string;
  itemId: string;
  params: ParamValues;
  /** null: a self-graded card not graded yet. */
  correct: boolean | null;
  mistake: Bilingual | null;
  wrong: boolean;
  at: Date;
}

const rateOf = (correct: number, scored: number) => (scored === 0 ? null : correct / scored);
const DAY_MS = 86_400_000;

/** The matched mistake of a wrong answer, recomputed from the stored variant (feedback is not stored). */
function mistakeOf(variant: Variant, response: string | null): Bilingual | null {
  if (response === null) return null;
  try {
    return checkAnswer(variant, response).mistake ?? null;
  } catch {
    return null;
  }
}

async function chunked<T, R>(items: readonly T[], size: number, run: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await run(items.slice(i, i + size))));
  return out;
}

/** A member and the first moment of theirs the class's analytics count: their join time, or the window's start. */
interface MemberSince {
  userId: string;
  since: Date;
}

/** Cards of the class's decks each member graded at least once since `since` (undone grades left out). */
async function cardsStudiedSince(members: readonly MemberSince[], deckIds: string[]): Promise<{ userId: string; cards: number }[]> {
  const rows = await db.reviewLog.findMany({
    where: { deckId: { in: deckIds }, undo: { is: null }, OR: members.map((m) => ({ userId: m.userId, createdAt: { gte: m.since } })) },
    select: { userId: true, cardId: true },
    distinct: ["userId", "cardId"],
  });
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.userId, (counts.get(row.userId) ?? 0) + 1);
  return [...counts].map(([userId, cards]) => ({ userId, cards }));
}

async function reviewAttempts(members: readonly MemberSince[], deckIds: string[]): Promise<Attempt[]> {
  const rows = await db.review.findMany({
    where: {
      deckId: { in: deckIds },
      // Exam answers counted as reviews are read from the exam itself (examAttempts), once.
      kind: { not: "exam" },
      status: { in: ["correct", "wrong", "revealed"] },
      OR: members.map((m) => ({ userId: m.userId, answeredAt: { gte: m.since } })),
    },
    select: { id: true, userId: true, cardId: true, deckId: true, variantSeed: true, variant: true, response: true, status: true, answeredAt: true },
    orderBy: { answeredAt: "desc" },
    take: MAX_ATTEMPTS,
  });
  // Undo re-issues the same answered question as a new Review: count each answer once.
  const seen = new Set<string>();
  const unique = rows.filter((row) => {
    const key = `${row.userId}\u001f${row.cardId}\u001f${row.variantSeed}\u001f${row.answeredAt?.getTime() ?? 0}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const revealed = unique.filter((row) => row.status === "revealed").map((row) => row.id);
  const grades = new Map(
    (
      await chunked(revealed, 500, (ids) =>
        db.reviewLog.findMany({ where: { reviewId: { in: ids }, undo: { is: null } }, select: { reviewId: true, grade: true } }),
      )
    ).map((log) => [log.reviewId, log.grade]),
  );
  return unique.flatMap((row) => {
    const variant = parseReviewVariant(row.variant, row.id);
    const grade = grades.get(row.id);
    const correct = row.status === "correct" ? true : row.status === "wrong" ? false : grade === undefined ? null : grade >= 3;
    return [
      {
        userId: row.userId,
        cardId: row.cardId,
        deckId: row.deckId,
        concept: variant.concept,
        itemId: variant.itemId,
        params: variant.params ?? {},
        correct,
        wrong: row.status === "wrong",
        mistake: row.status === "wrong" ? mistakeOf(variant, row.response) : null,
        at: row.answeredAt ?? new Date(0),
      },
    ];
  });
}

async function examAttempts(members: readonly MemberSince[], deckIds: string[]): Promise<{ attempts: Attempt[]; exams: { userId: string; score: number; total: number; submittedAt: Date }[] }> {
  const exams = await db.exam.findMany({
    // An exam started before the student joined is not the class's, even if submitted after.
    where: { submittedAt: { not: null }, OR: members.map((m) => ({ userId: m.userId, startedAt: { gte: m.since } })) },
    select: { id: true, userId: true, score: true, questionCount: true, submittedAt: true },
    orderBy: { submittedAt: "desc" },
  });
  const examIds = exams.map((exam) => exam.id);
  const owner = new Map(exams.map((exam) => [exam.id, exam]));
  const rows = await chunked(examIds, 500, (ids) =>
    db.examQuestion.findMany({
      where: { examId: { in: ids }, deckId: { in: deckIds }, status: { in: ["correct", "wrong", "invalid"] } },
      select: { id: true, examId: true, cardId: true, deckId: true, concept: true, variant: true, response: true, status: true, answeredAt: true },
      take: MAX_ATTEMPTS,
    }),
  );
  const attempts = rows.flatMap((row) => {
    const exam = owner.get(row.examId);
    if (!exam) return [];
    const variant = parseExamQuestionVariant(row.variant, row.id);
    return [
      {
        userId: exam.userId,
        cardId: row.cardId,
        deckId: row.deckId,
        concept: row.concept,
        itemId: variant.itemId,
        params: variant.params ?? {},
        correct: row.status === "correct",
        wrong: row.status === "wrong",
        mistake: row.status === "wrong" ? mistakeOf(variant, row.response) : null,
        at: row.answeredAt ?? exam.submittedAt ?? new Date(0),
      },
    ];
  });
  return {
    attempts,
    exams: exams.map((exam) => ({ userId: exam.userId, score: exam.score ?? 0, total: exam.questionCount, submittedAt: exam.submittedAt ?? new Date(0) })),
  };
}

function practiceHref(itemId: string, seed: number, anchor: string | null): string {
  const query = new URLSearchParams({ seed: String(seed), ...(anchor ? { anchor } : {}) });
  return `/practice/${encodeURIComponent(itemId)}?${query.toString()}`;
}

/** The instructor's classes, newest first, for the class picker. */
async function ownedClassRefs(actor: Viewer): Promise<(AnalyticsClassRef & { createdAt: Date })[]> {
  const classes = await db.class.findMany({ where: { ownerId: actor.id }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], select: { id: true, name: true, createdAt: true } });
  const counts = classes.length
    ? await db.classMember.groupBy({ by: ["classId"], where: { classId: { in: classes.map((c) => c.id) } }, _count: { _all: true } })
    : [];
  const countOf = new Map(counts.map((row) => [row.classId, row._count._all]));
  return classes.map((c) => ({ id: c.id, name: c.name, createdAt: c.createdAt, memberCount: countOf.get(c.id) ?? 0 }));
}

export async function classAnalytics(actor: Viewer, options: { classId?: string; now?: Date } = {}): Promise<ClassAnalytics> {
  if (actor.role !== "instructor") throw forbidden(msg("auth.instructorsOnly"));
  const now = options.now ?? new Date();
  const classes = await ownedClassRefs(actor);
  const refs = classes.map(({ id, name, memberCount }) => ({ id, name, memberCount }));
  const empty: ClassAnalytics = {
    classes: refs,
    selected: null,
    windowDays: ANALYTICS_WINDOW_DAYS,
    totals: { attempts: 0, scored: 0, correct: 0, rate: null, truncated: false },
    concepts: [],
    templates: [],
    reports: [],
    students: [],
  };
  // An explicit class must be the instructor's own (404 otherwise); by default, the newest one.
  const classId = options.classId ?? classes[0]?.id;
  if (!classId) return empty;
  await requireOwnedClass(actor, classId);
  const selectedRef = refs.find((c) => c.id === classId)!;

  const [memberRows, deckRows] = await Promise.all([
    db.classMember.findMany({ where: { classId }, select: { userId: true, joinedAt: true } }),
    db.classDeck.findMany({ where: { classId }, select: { classId: true, deckId: true }, orderBy: { assignedAt: "asc" } }),
  ]);
  const memberIds = memberRows.map((m) => m.userId);
  // A deck its owner withdrew (made private) is no longer the class's: not in its analytics either.
  const deckIds = (await reachableClassDecks(deckRows, new Map([[classId, actor.id]]))).reachable.map((d) => d.deckId);
  const [decks, users, names] = await Promise.all([
    deckIds.length ? db.deck.findMany({ where: { id: { in: deckIds } }, select: { id: true, title: true } }) : Promise.resolve([]),
    memberIds.length ? db.user.findMany({ where: { id: { in: memberIds } }, select: { id: true, name: true, email: true } }) : Promise.resolve([]),
    conceptNames(),
  ]);
  const deckTitle = new Map(decks.map((d) => [d.id, parseDeckTitle(d.title, d.id)]));
  const selected = { ...selectedRef, decks: deckIds.flatMap((id) => (deckTitle.has(id) ? [{ id, title: deckTitle.get(id)! }] : [])) };
  if (memberIds.length === 0 || deckIds.length === 0) {
    return {
      ...empty,
      selected,
      students: memberRows.flatMap((m) => {
        const user = users.find((u) => u.id === m.userId);
        return user ? [blankProgress(user, m.joinedAt)] : [];
      }),
    };
  }

  // Each student's data starts when they joined the class (and within the window): what they did
  // before is not the class's work (docs/architecture.md "Access and exams").
  const windowStart = now.getTime() - ANALYTICS_WINDOW_DAYS * DAY_MS;
  const members: MemberSince[] = memberRows.map((m) => ({ userId: m.userId, since: new Date(Math.max(windowStart, m.joinedAt.getTime())) }));
  const [fromReviews, fromExams, reportRows, studied, cards] = await Promise.all([
    reviewAttempts(members, deckIds),
    examAttempts(members, deckIds),
    db.problemReport.findMany({
      where: { deckId: { in: deckIds }, OR: members.map((m) => ({ userId: m.userId, createdAt: { gte: m.since } })) },
      orderBy: { createdAt: "desc" },
      take: MAX_REPORTS,
    }),
    cardsStudiedSince(members, deckIds),
    db.card.findMany({ where: { deckId: { in: deckIds } }, select: { id: true, itemId: true, itemType: true, concept: true, version: true, definition: true, deckId: true } }),
  ]);
  const attempts = [...fromReviews, ...fromExams.attempts];
  const truncated = fromReviews.length >= MAX_ATTEMPTS || fromExams.attempts.length >= MAX_ATTEMPTS;
  const conceptName = (deckId: string, concept: string) => names.get(deckId)?.get(concept) ?? null;
  const cardById = new Map(cards.map((card) => [card.id, card]));
  const titleOf = (cardId: string): Bilingual | null => {
    const card = cardById.get(cardId);
    if (!card) return null;
    const item = parseItem(card.id, card.version, card.definition);
    return isTemplate(item) ? item.title : null;
  };

  // Per concept and per template.
  const byConcept = new Map<string, Attempt[]>();
  const byCard = new Map<string, Attempt[]>();
  for (const attempt of attempts) {
    const key = `${attempt.deckId}\u001f${attempt.concept}`;
    (byConcept.get(key) ?? byConcept.set(key, []).get(key)!).push(attempt);
    (byCard.get(attempt.cardId) ?? byCard.set(attempt.cardId, []).get(attempt.cardId)!).push(attempt);
  }
  const tally = (list: readonly Attempt[]) => {
    const scored = list.filter((a) => a.correct !== null).length;
    const correct = list.filter((a) => a.correct === true).length;
    return { attempts: list.length, scored, correct, rate: rateOf(correct, scored) };
  };
  const concepts: ConceptAnalytics[] = [...byConcept.values()]
    .map((list) => ({
      deckId: list[0]!.deckId,
      concept: list[0]!.concept,
      name: conceptName(list[0]!.deckId, list[0]!.concept),
      ...tally(list),
      students: new Set(list.map((a) => a.userId)).size,
    }))
    .sort((a, b) => (a.rate ?? 2) - (b.rate ?? 2) || b.attempts - a.attempts || a.concept.localeCompare(b.concept));
  const templates: TemplateAnalytics[] = [...byCard.entries()]
    .map(([cardId, list]) => {
      const first = list[0]!;
      const card = cardById.get(cardId);
      const wrong = list.filter((a) => a.wrong);
      return {
        cardId,
        deckId: first.deckId,
        itemId: first.itemId,
        itemType: card?.itemType ?? "parametric",
        title: titleOf(cardId),
        concept: first.concept,
        conceptName: conceptName(first.deckId, first.concept),
        ...tally(list),
        byParam: accuracyByParam(list.filter((a) => a.correct !== null).map((a) => ({ params: a.params, correct: a.correct === true }))),
        mistakes: topMistakes(wrong.flatMap((a) => (a.mistake ? [a.mistake] : []))),
        unmatchedWrong: wrong.filter((a) => a.mistake === null).length,
      };
    })
    .sort((a, b) => b.attempts - a.attempts || a.cardId.localeCompare(b.cardId));

  // Reported problems with the exact variant.
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const reports: ReportedProblem[] = reportRows.map((row) => {
    const stored = parseProblemReportParams(row.params, row.id);
    const card = cardById.get(row.cardId);
    const itemId = card?.itemId ?? row.cardId.split("/").slice(1).join("/");
    const seed = Number(row.variantSeed);
    return {
      id: row.id,
      createdAt: row.createdAt.toISOString(),
      student: userName.get(row.userId) ?? "",
      deckId: row.deckId,
      cardId: row.cardId,
      itemId,
      message: row.message,
      seed,
      params: stored.params,
      anchor: stored.anchor,
      response: stored.response,
      templateVersion: row.templateVersion,
      sameVersion: card?.version === row.templateVersion,
      openHref: practiceHref(itemId, seed, stored.anchor),
    };
  });

  // Per student.
  const studiedOf = new Map(studied.map((row) => [row.userId, row.cards]));
  const weekAgo = now.getTime() - 7 * DAY_MS;
  const students: StudentProgress[] = memberRows
    .flatMap((member) => {
      const user = users.find((u) => u.id === member.userId);
      if (!user) return [];
      const mine = attempts.filter((a) => a.userId === user.id);
      const exams = fromExams.exams.filter((e) => e.userId === user.id);
      const perConcept = new Map<string, Attempt[]>();
      for (const a of mine) {
        const key = `${a.deckId}\u001f${a.concept}`;
        (perConcept.get(key) ?? perConcept.set(key, []).get(key)!).push(a);
      }
      let weakest: StudentProgress["weakestConcept"] = null;
      for (const list of perConcept.values()) {
        const t = tally(list);
        if (t.scored >= 3 && t.rate !== null && (weakest === null || t.rate < weakest.rate)) {
          weakest = { deckId: list[0]!.deckId, concept: list[0]!.concept, name: conceptName(list[0]!.deckId, list[0]!.concept), rate: t.rate };
        }
      }
      const last = mine.reduce<Date | null>((latest, a) => (latest === null || a.at > latest ? a.at : latest), null);
      const lastExam = exams[0];
      return [
        {
          ...blankProgress(user, member.joinedAt),
          ...tally(mine),
          attemptsLast7Days: mine.filter((a) => a.at.getTime() >= weekAgo).length,
          cardsStudied: studiedOf.get(user.id) ?? 0,
          lastActive: last?.toISOString() ?? null,
          exams: exams.length,
          lastExam: lastExam ? { score: lastExam.score, total: lastExam.total, submittedAt: lastExam.submittedAt.toISOString() } : null,
          weakestConcept: weakest,
        },
      ];
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email));

  const overall = tally(attempts);
  return {
    classes: refs,
    selected,
    windowDays: ANALYTICS_WINDOW_DAYS,
    totals: { ...overall, truncated },
    concepts,
    templates,
    reports,
    students,
  };
}

function blankProgress(user: { id: string; name: string; email: string }, joinedAt: Date): StudentProgress {
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    joinedAt: joinedAt.toISOString(),
    attempts: 0,
    scored: 0,
    correct: 0,
    rate: null,
    attemptsLast7Days: 0,
    cardsStudied: 0,
    lastActive: null,
    exams: 0,
    lastExam: null,
    weakestConcept: null,
  };
}

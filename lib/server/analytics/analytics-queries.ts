import "server-only";
import { attemptOf, oncePerAnswer, reviewVerdict, sinceEachMember, withinMemberWindow } from "@/lib/analytics/attempts";
import type { Attempt, CardInfo, ClassMemberInfo, ExamResult } from "@/lib/analytics/class-summary";
import type { ProblemReportRow } from "@/lib/analytics/reported-problems";
import { isTemplate, type Bilingual } from "@/lib/questions";
import { db } from "../platform/db";
import { parseDeckDefinition, parseItem } from "../decks/deck-store";
import { reachableClassDecks } from "../decks/deck-visibility";
import type { Viewer } from "../accounts/users";
import { parseDeckTitle, parseExamQuestionVariant, parseProblemReportParams, parseReviewVariant } from "../platform/stored-json";

/**
 * The reads behind `/author/analytics` (analytics.ts puts them together). Each member's work counts
 * from their own start (join time, or the window's start), but the reads filter by the members as
 * one list (`userId IN …`) from the earliest start, and drop what came before a member's own start
 * here: one `OR` branch per member made the query, and Prisma's compilation of it, grow with the
 * class.
 */

/** The most recent attempts read per class (a large class's analytics stay a bounded read). */
export const MAX_ATTEMPTS = 20_000;
export const MAX_REPORTS = 50;
/** Ids per `IN (…)` list of ids that are not the class's members (exams, reviews). */
const ID_CHUNK = 500;

/** The class's members, each with the moment their work starts counting for the class. */
export interface ClassMembers {
  ids: string[];
  /** Start per member. */
  sinceOf: Map<string, Date>;
  /** The earliest start: what every read filters by, before each member's own start. */
  earliest: Date;
}

export function classMembers(members: readonly { userId: string; since: Date }[]): ClassMembers {
  const sinceOf = new Map(members.map((m) => [m.userId, m.since]));
  const earliest = new Date(Math.min(...members.map((m) => m.since.getTime())));
  return { ids: [...sinceOf.keys()], sinceOf, earliest };
}

async function chunked<T, R>(items: readonly T[], size: number, run: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await run(items.slice(i, i + size))));
  return out;
}

/**
 * The newest `limit` rows that `keep` accepts, read `limit` rows a page (pages are read in the
 * query's order): each read bounded, and exact even when some rows are dropped. `full` is true
 * when `limit` rows were kept (there may be more).
 */
async function newestKept<T>(readPage: (skip: number, take: number) => Promise<T[]>, keep: (row: T) => boolean, limit: number): Promise<{ rows: T[]; full: boolean }> {
  const kept: T[] = [];
  for (let skip = 0; ; skip += limit) {
    const page = await readPage(skip, limit);
    for (const row of page) {
      if (!keep(row)) continue;
      kept.push(row);
      if (kept.length === limit) return { rows: kept, full: true };
    }
    if (page.length < limit) return { rows: kept, full: false };
  }
}

/** The instructor's classes, newest first, with their member counts, for the class picker. */
export async function ownedClassRefs(viewer: Viewer): Promise<{ id: string; name: string; memberCount: number }[]> {
  const classes = await db.class.findMany({ where: { ownerId: viewer.id }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], select: { id: true, name: true } });
  const counts = classes.length
    ? await db.classMember.groupBy({ by: ["classId"], where: { classId: { in: classes.map((c) => c.id) } }, _count: { _all: true } })
    : [];
  const countOf = new Map(counts.map((row) => [row.classId, row._count._all]));
  return classes.map((c) => ({ id: c.id, name: c.name, memberCount: countOf.get(c.id) ?? 0 }));
}

export interface ClassScope {
  /** Members with a user row, with their names. */
  members: ClassMemberInfo[];
  /** The class's reachable decks in assignment order, with titles and concept names. */
  decks: { id: string; title: Bilingual }[];
  conceptNames: Map<string, Map<string, Bilingual>>;
}

/** Who is in the class and which decks are its own (a deck its owner withdrew is no longer). */
export async function classScope(classId: string, ownerId: string): Promise<ClassScope> {
  const [memberRows, deckRows] = await Promise.all([
    db.classMember.findMany({ where: { classId }, select: { userId: true, joinedAt: true } }),
    db.classDeck.findMany({ where: { classId }, select: { classId: true, deckId: true }, orderBy: { assignedAt: "asc" } }),
  ]);
  const deckIds = (await reachableClassDecks(deckRows, new Map([[classId, ownerId]]))).reachable.map((d) => d.deckId);
  const [decks, users] = await Promise.all([
    deckIds.length ? db.deck.findMany({ where: { id: { in: deckIds } }, select: { id: true, title: true, version: true, definition: true } }) : Promise.resolve([]),
    memberRows.length ? db.user.findMany({ where: { id: { in: memberRows.map((m) => m.userId) } }, select: { id: true, name: true, email: true } }) : Promise.resolve([]),
  ]);
  const deckById = new Map(decks.map((d) => [d.id, d]));
  const userById = new Map(users.map((u) => [u.id, u]));
  return {
    members: memberRows.flatMap((m) => {
      const user = userById.get(m.userId);
      return user ? [{ userId: m.userId, name: user.name, email: user.email, joinedAt: m.joinedAt }] : [];
    }),
    decks: deckIds.flatMap((id) => {
      const deck = deckById.get(id);
      return deck ? [{ id, title: parseDeckTitle(deck.title, id) }] : [];
    }),
    conceptNames: new Map(
      decks.map((deck) => [deck.id, new Map(parseDeckDefinition(deck.id, deck.version, deck.definition).concepts.map((c) => [c.id, { ko: c.ko, en: c.en }]))]),
    ),
  };
}

/**
 * Reviews answered on the class's decks (each answer once), newest first, at most `limit`.
 *
 * Sorting the rows in SQL with their stored variants (a kilobyte or more each) is what made a large
 * class slow: SQLite's sorter spills that much to temporary files, and the time grew faster than the
 * rows. So when they all fit (a count says so) the rows are read unsorted and sorted here; a class
 * with more sorts only the ids and times in SQL and reads the newest rows' variants by id.
 */
export async function reviewAttempts(members: ClassMembers, deckIds: string[], limit = MAX_ATTEMPTS): Promise<{ attempts: Attempt[]; truncated: boolean }> {
  const where = {
    deckId: { in: deckIds },
    // Exam answers counted as reviews are read from the exam itself (examAttempts), once.
    kind: { not: "exam" },
    status: { in: ["correct", "wrong", "revealed"] },
    userId: { in: members.ids },
    answeredAt: { gte: members.earliest },
  };
  const select = { id: true, userId: true, cardId: true, deckId: true, variantSeed: true, response: true, status: true, answeredAt: true } as const;
  const withVariant = { ...select, variant: true } as const;
  let rows: Awaited<ReturnType<typeof db.review.findMany<{ select: typeof withVariant }>>>;
  // No `take` on the unsorted read: Prisma would add ORDER BY id, the very sort of whole rows to avoid.
  if ((await db.review.count({ where })) <= limit) {
    const everything = await db.review.findMany({ where, select: withVariant });
    rows = sinceEachMember(everything, (row) => row.answeredAt, members.sinceOf).sort(newestAnswerFirst).slice(0, limit);
  } else {
    const newest = await newestKept(
      (skip, take) => db.review.findMany({ where, select, orderBy: [{ answeredAt: "desc" }, { id: "asc" }], skip, take }),
      (row) => withinMemberWindow(members.sinceOf, row.userId, row.answeredAt),
      limit,
    );
    const variants = new Map(
      (await chunked(newest.rows.map((row) => row.id), ID_CHUNK, (ids) => db.review.findMany({ where: { id: { in: ids } }, select: { id: true, variant: true } }))).map((row) => [row.id, row.variant]),
    );
    rows = newest.rows.flatMap((row) => (variants.has(row.id) ? [{ ...row, variant: variants.get(row.id)! }] : []));
  }
  const answers = oncePerAnswer(rows);
  const grades = await gradesOf(answers.filter((row) => row.status === "revealed").map((row) => row.id));
  const attempts = answers.map((row) => {
    const variant = parseReviewVariant(row.variant, row.id);
    return attemptOf(
      { userId: row.userId, cardId: row.cardId, deckId: row.deckId, concept: variant.concept, response: row.response, at: row.answeredAt ?? new Date(0) },
      variant,
      { correct: reviewVerdict(row.status, grades.get(row.id)), wrong: row.status === "wrong" },
    );
  });
  return { attempts, truncated: rows.length >= limit };
}

/** The order the SQL read would give: newest answer first, then by id. */
function newestAnswerFirst(a: { id: string; answeredAt: Date | null }, b: { id: string; answeredAt: Date | null }): number {
  return (b.answeredAt?.getTime() ?? 0) - (a.answeredAt?.getTime() ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The grades of self-graded reviews (undone grades left out). */
async function gradesOf(reviewIds: string[]): Promise<Map<string, number>> {
  const logs = await chunked(reviewIds, ID_CHUNK, (ids) =>
    db.reviewLog.findMany({ where: { reviewId: { in: ids }, undo: { is: null } }, select: { reviewId: true, grade: true } }),
  );
  return new Map(logs.map((log) => [log.reviewId, log.grade]));
}

/** Submitted mock exams the members started since their start (newest first), and their answers on the class's decks. */
export async function examAttempts(members: ClassMembers, deckIds: string[]): Promise<{ attempts: Attempt[]; exams: ExamResult[]; truncated: boolean }> {
  const read = await db.exam.findMany({
    // An exam started before the student joined is not the class's, even if submitted after.
    where: { submittedAt: { not: null }, userId: { in: members.ids }, startedAt: { gte: members.earliest } },
    select: { id: true, userId: true, score: true, questionCount: true, startedAt: true, submittedAt: true },
    orderBy: [{ submittedAt: "desc" }, { id: "asc" }],
  });
  const exams = sinceEachMember(read, (exam) => exam.startedAt, members.sinceOf);
  const examById = new Map(exams.map((exam) => [exam.id, exam]));
  const rows = await chunked([...examById.keys()], ID_CHUNK, (ids) =>
    db.examQuestion.findMany({
      where: { examId: { in: ids }, deckId: { in: deckIds }, status: { in: ["correct", "wrong", "invalid"] } },
      select: { id: true, examId: true, cardId: true, deckId: true, concept: true, variant: true, response: true, status: true, answeredAt: true },
      take: MAX_ATTEMPTS,
    }),
  );
  const attempts = rows.flatMap((row) => {
    const exam = examById.get(row.examId);
    if (!exam) return [];
    const answer = { userId: exam.userId, cardId: row.cardId, deckId: row.deckId, concept: row.concept, response: row.response, at: row.answeredAt ?? exam.submittedAt ?? new Date(0) };
    return [attemptOf(answer, parseExamQuestionVariant(row.variant, row.id), { correct: row.status === "correct", wrong: row.status === "wrong" })];
  });
  return {
    attempts,
    exams: exams.map((exam) => ({ userId: exam.userId, score: exam.score ?? 0, total: exam.questionCount, submittedAt: exam.submittedAt ?? new Date(0) })),
    truncated: attempts.length >= MAX_ATTEMPTS,
  };
}

/**
 * Cards of the class's decks each member graded at least once since their start (undone grades left
 * out): one row per member and card, with its latest grade time — as many rows as cards studied,
 * however many times each was reviewed.
 */
export async function cardsStudied(members: ClassMembers, deckIds: string[]): Promise<Map<string, number>> {
  const pairs = await db.reviewLog.groupBy({
    by: ["userId", "cardId"],
    where: { deckId: { in: deckIds }, undo: { is: null }, userId: { in: members.ids }, createdAt: { gte: members.earliest } },
    _max: { createdAt: true },
  });
  const counts = new Map<string, number>();
  for (const pair of sinceEachMember(pairs, (p) => p._max.createdAt, members.sinceOf)) counts.set(pair.userId, (counts.get(pair.userId) ?? 0) + 1);
  return counts;
}

/** The newest problem reports the members made on the class's decks since their start. */
export async function problemReports(members: ClassMembers, deckIds: string[]): Promise<ProblemReportRow[]> {
  const { rows } = await newestKept(
    (skip, take) =>
      db.problemReport.findMany({
        where: { deckId: { in: deckIds }, userId: { in: members.ids }, createdAt: { gte: members.earliest } },
        select: { id: true, createdAt: true, userId: true, deckId: true, cardId: true, message: true, variantSeed: true, templateVersion: true, params: true },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        skip,
        take,
      }),
    (row) => withinMemberWindow(members.sinceOf, row.userId, row.createdAt),
    MAX_REPORTS,
  );
  return rows.map(({ params, ...row }) => ({ ...row, stored: parseProblemReportParams(params, row.id) }));
}

export interface ClassCard {
  itemId: string;
  itemType: string;
  version: string;
  definition: string;
}

/** The class's cards by id, as stored. */
export async function classCards(deckIds: string[]): Promise<Map<string, ClassCard>> {
  const cards = await db.card.findMany({ where: { deckId: { in: deckIds } }, select: { id: true, itemId: true, itemType: true, version: true, definition: true } });
  return new Map(cards.map(({ id, ...card }) => [id, card]));
}

/** What the summary needs of the cards answered (only those: a template is parsed once per version, but parsed). */
export function answeredCardInfo(cards: ReadonlyMap<string, ClassCard>, cardIds: Iterable<string>): Map<string, CardInfo> {
  const info = new Map<string, CardInfo>();
  for (const id of cardIds) {
    const card = cards.get(id);
    if (!card || info.has(id)) continue;
    const item = parseItem(id, card.version, card.definition);
    info.set(id, { itemType: card.itemType, title: isTemplate(item) ? item.title : null });
  }
  return info;
}

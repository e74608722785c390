import "server-only";
import { BoundedCache } from "@/lib/bounded-cache";
import { msg } from "@/lib/i18n/message";
import {
  buildQueue,
  dailyRoom,
  dayNumber,
  remainingCounts,
  type QueueCard,
  type QueueEntry,
  type QueueLimits,
  type RemainingCounts,
} from "@/lib/srs";
import { orderWeakestFirst } from "@/lib/srs/exam-schedule";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "../platform/db";
import { readRows, sqlBoolean, sqlInt } from "../platform/direct-sql";
import { listDecks, type OpenDeck } from "../decks/deck-store";
import { studyDeckIds } from "../decks/deck-choices";
import { notFound } from "@/lib/server-shared/errors";
import { runningExamLock } from "../exams/exam-lock";
import { examQueueDay } from "../exams/exam-queue";
import { processShared } from "@/lib/server-shared/platform/process-shared";
import { cardStateRowFromSql, toSrsState } from "./review-types";
import { loadUserSettings, type UserSettings } from "./review-settings";
import { writeTransaction, type Tx } from "../platform/write-tx";

/**
 * Today's review queue for one user, from the database. Every open deck is enrolled once per deck
 * version (a CardState per card), so each part of the queue is a range of a CardState index: the
 * head of the due reviews (most overdue first), today's re-drills, each deck's next new cards in
 * authoring order up to its room, and the card of a pending review. lib/srs `buildQueue` orders them
 * and applies the daily limits; the number of due reviews is counted up to the day's room. Nothing
 * reads a user's whole collection, so a student with 100,000 cards gets the next card as fast as one
 * with 100 (bench/seed-large-user.ts checks the query plans).
 */

export interface QueueFilter {
  /** Only this deck. */
  deckId?: string;
  /** Only cards of this concept ("drill these now"). */
  concept?: string;
}


export interface TodayQueue {
  today: number;
  timezone: string;
  limits: QueueLimits;
  decks: OpenDeck[];
  entries: QueueEntry[];
  remaining: RemainingCounts;
  /** How many variants of each queued card were issued so far (the next variant's review number). */
  issueCounts: Map<string, number>;
}

/**
 * Gives the user a CardState for every active card of every open deck they do not have one for yet
 * (a new card is a CardState without a due day), once per deck version. After this, "the next new
 * cards of a deck" is a range of the (userId, deckId, dueDay, position) index.
 */
export async function ensureEnrolled(userId: string, decks: readonly OpenDeck[]): Promise<void> {
  const known = enrolled.get(userId);
  if (known && decks.every((deck) => known.get(deck.id) === deck.version)) return;
  const marks = new Map(
    (await db.userDeck.findMany({ where: { userId }, select: { deckId: true, deckVersion: true } })).map((row) => [row.deckId, row.deckVersion]),
  );
  const stale = decks.filter((deck) => marks.get(deck.id) !== deck.version);
  for (const deck of stale) {
    await writeTransaction((tx) => enrollInTransaction(tx, userId, deck));
    marks.set(deck.id, deck.version);
  }
  enrolled.set(userId, marks);
}

/**
 * One deck's enrolment as two statements that cannot race: parallel first requests of a new user
 * (a browser opening several tabs, a client retrying) all insert the same rows, and ON CONFLICT makes
 * the later ones no-ops instead of unique violations (PostgreSQL runs them side by side).
 */
async function enrollInTransaction(tx: Tx, userId: string, deck: OpenDeck): Promise<void> {
  const now = new Date();
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO "CardState" ("userId", "cardId", "deckId", "position", "updatedAt")
    SELECT ${userId}, c."id", c."deckId", c."position", ${now} FROM "Card" c WHERE c."deckId" = ${deck.id} AND c."retired" = false
    ON CONFLICT ("userId", "cardId") DO NOTHING`);
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO "UserDeck" ("userId", "deckId", "deckVersion", "updatedAt") VALUES (${userId}, ${deck.id}, ${deck.version}, ${now})
    ON CONFLICT ("userId", "deckId") DO UPDATE SET "deckVersion" = excluded."deckVersion", "updatedAt" = excluded."updatedAt"`);
}

// Users whose card states this process has brought up to the current deck versions: the check
// costs a query, and a deck version changes only when content is loaded or published.
const ENROLLED_CACHE_LIMIT = 50_000;
const enrolled = processShared("enrolled-decks", () => new BoundedCache<Map<string, string>>({ maxEntries: ENROLLED_CACHE_LIMIT }));

/** What the user already did today, from the review log (undone grades do not count). */
export async function reviewedToday(userId: string, today: number): Promise<{ reviews: number; newByDeck: Record<string, number> }> {
  const groups = await readRows<{ deckId: string; wasNew: unknown; n: unknown }>(Prisma.sql`
    SELECT l."deckId" AS "deckId", l."wasNew" AS "wasNew", COUNT(*) AS "n"
    FROM "ReviewLog" l
    WHERE l."userId" = ${userId} AND l."reviewDay" = ${today} AND l."counted" = true
      AND NOT EXISTS (SELECT 1 FROM "ReviewUndo" u WHERE u."reviewId" = l."reviewId")
    GROUP BY l."deckId", l."wasNew"`);
  let reviews = 0;
  const newByDeck: Record<string, number> = {};
  for (const group of groups) {
    const count = Number(group.n);
    if (sqlBoolean(group.wasNew)) newByDeck[group.deckId] = (newByDeck[group.deckId] ?? 0) + count;
    else reviews += count;
  }
  return { reviews, newByDeck };
}

/** Due reviews and new cards read per part: the head of the queue (a broken card is skipped, up to five). */
const HEAD = 5;

interface CandidateRow {
  part: string;
  cardId: string;
  deckId: string;
  position: unknown;
  issueCount: unknown;
  repetition: unknown;
  easinessHundredths: unknown;
  interval: unknown;
  dueDay: unknown;
  lastReviewDay: unknown;
  redrillDay: unknown;
  buriedUntilDay: unknown;
  suspended: unknown;
  gradedAt: unknown;
  concept: string;
}

function toCandidate(row: CandidateRow): { card: QueueCard; issueCount: number } {
  const state = cardStateRowFromSql(row);
  const gradedAt = row.gradedAt instanceof Date ? row.gradedAt.getTime() : typeof row.gradedAt === "string" ? Date.parse(row.gradedAt) : Number.NaN;
  return {
    card: { id: row.cardId, deckId: row.deckId, position: sqlInt(row.position), lastGradedAt: Number.isNaN(gradedAt) ? undefined : gradedAt, state: toSrsState(state) },
    issueCount: sqlInt(row.issueCount),
  };
}

/**
 * The user's queue for `now`, optionally narrowed to a deck or a concept.
 *
 * Candidates come from one SQL statement, each part an index range (EXPLAIN QUERY PLAN in
 * bench/seed-large-user.ts): the head of the due reviews, today's re-drills, each deck's next new
 * cards, and the card of a pending review, so that it is judged like any other. The number of due
 * reviews is counted up to the day's room without reading them. lib/srs buildQueue orders the
 * candidates and applies the limits.
 * Portable SQL (quoted identifiers, no dialect functions): the same text runs on PostgreSQL.
 */
export async function todayQueue(userId: string, now: Date, filter: QueueFilter = {}, settings?: UserSettings): Promise<TodayQueue> {
  const { timezone, limits, role } = settings ?? (await loadUserSettings(userId));
  const today = dayNumber(now, timezone);
  // The decks this user studies: course, class, own and chosen decks (deck-choices.ts, built on
  // deck-visibility.ts). The cards of a running mock exam are left out until it ends (exam-lock.ts):
  // a pending review of one drops out of the queue like any other card that left it, and is closed
  // when the next is issued.
  const [everyDeck, studied, examLock] = await Promise.all([listDecks(), studyDeckIds({ id: userId, role }), runningExamLock(userId, now)]);
  const allDecks = everyDeck.filter((deck) => studied.includes(deck.id));
  if (filter.deckId !== undefined && !allDecks.some((deck) => deck.id === filter.deckId)) throw notFound(msg("deck.notFound"));
  await ensureEnrolled(userId, allDecks);
  const decks = filter.deckId === undefined ? allDecks : allDecks.filter((deck) => deck.id === filter.deckId);
  if (decks.length === 0) {
    const entries: QueueEntry[] = [];
    return { today, timezone, limits, decks: allDecks, entries, remaining: remainingCounts(entries), issueCounts: new Map() };
  }

  const deckList = Prisma.join(decks.map((deck) => deck.id));
  const concept = filter.concept === undefined ? Prisma.empty : Prisma.sql` AND c."concept" = ${filter.concept}`;
  const columns = Prisma.sql`s."cardId" AS "cardId", s."deckId" AS "deckId", s."position" AS "position", s."issueCount" AS "issueCount",
    s."repetition" AS "repetition", s."easinessHundredths" AS "easinessHundredths", s."interval" AS "interval", s."dueDay" AS "dueDay",
    s."lastReviewDay" AS "lastReviewDay", s."redrillDay" AS "redrillDay", s."buriedUntilDay" AS "buriedUntilDay", s."suspended" AS "suspended",
    s."updatedAt" AS "gradedAt", (SELECT c."concept" FROM "Card" c WHERE c."id" = s."cardId") AS "concept"`;
  const examCards = examLock && examLock.cardIds.size > 0 ? Prisma.sql` AND s."cardId" NOT IN (${Prisma.join([...examLock.cardIds])})` : Prisma.empty;
  // The card test is a correlated EXISTS, not a join, so that every part is driven by a CardState
  // index (a join lets the planner start from Card and walk the whole deck).
  const available = Prisma.sql`s."userId" = ${userId} AND s."suspended" = false AND (s."buriedUntilDay" IS NULL OR s."buriedUntilDay" <= ${today})
    AND EXISTS (SELECT 1 FROM "Card" c WHERE c."id" = s."cardId" AND c."retired" = false${concept})${examCards}`;
  const inDecks = Prisma.sql`s."deckId" IN (${deckList})`;
  // The nearest exam (exam-queue.ts): its pace raises the covered decks' new-card limits, and on
  // final-pass days the whole day's due reviews are read (at most the daily limit) so that the
  // weakest concepts' can come first.
  const done = await reviewedToday(userId, today);
  const exam = await examQueueDay({ id: userId, role }, today, limits, done);
  const room = dailyRoom({ limits, newLimitByDeck: exam?.room.newLimitByDeck, reviewedToday: done });
  const dueHead = exam?.accuracy ? limits.reviewsPerDay : Math.min(HEAD, limits.reviewsPerDay);

  // Every part is limited by the day's limits, not by what is left of them today, so that none of
  // the three statements waits for another; buildQueue and the counts below apply today's room.
  const parts: Prisma.Sql[] = [];
  if (limits.reviewsPerDay > 0) {
    parts.push(Prisma.sql`SELECT * FROM (SELECT 'due' AS "part", ${columns} FROM "CardState" s WHERE ${available} AND ${inDecks} AND s."dueDay" <= ${today}
      ORDER BY s."dueDay", s."cardId" LIMIT ${dueHead}) AS due_head`);
  }
  parts.push(Prisma.sql`SELECT * FROM (SELECT 'redrill' AS "part", ${columns} FROM "CardState" s WHERE ${available} AND ${inDecks} AND s."redrillDay" = ${today}) AS redrills`);
  const counts: Prisma.Sql[] = [];
  for (const deck of decks) {
    const deckLimit = room.newLimit(deck.id);
    if (deckLimit > 0) {
      // Positions are unique within a deck, so the index order is the whole order.
      const fresh = Prisma.sql`FROM "CardState" s WHERE ${available} AND s."deckId" = ${deck.id} AND s."dueDay" IS NULL ORDER BY s."position"`;
      parts.push(Prisma.sql`SELECT * FROM (SELECT 'new' AS "part", ${columns} ${fresh} LIMIT ${Math.min(HEAD, deckLimit)}) AS ${Prisma.raw(`new_${parts.length}`)}`);
      counts.push(Prisma.sql`SELECT ${deck.id} AS "deckId", COUNT(*) AS "n" FROM (SELECT 1 AS "one" ${fresh} LIMIT ${deckLimit}) AS ${Prisma.raw(`capped_${counts.length}`)}`);
    }
  }
  // The card of a pending review, wherever it stands (normally also one of the above).
  parts.push(Prisma.sql`SELECT * FROM (SELECT 'pending' AS "part", ${columns} FROM "CardState" s WHERE ${available} AND ${inDecks}
    AND s."cardId" IN (SELECT r."cardId" FROM "Review" r WHERE r."userId" = ${userId} AND r."gradedAt" IS NULL AND r."closedAt" IS NULL)) AS pending`);
  // How many due reviews and new cards there are, each counted only up to its daily limit.
  if (limits.reviewsPerDay > 0) {
    counts.push(Prisma.sql`SELECT '' AS "deckId", COUNT(*) AS "n" FROM (SELECT 1 AS "one" FROM "CardState" s WHERE ${available} AND ${inDecks} AND s."dueDay" <= ${today}
      ORDER BY s."dueDay" LIMIT ${limits.reviewsPerDay}) AS capped_due`);
  }
  const [rows, counted] = await Promise.all([
    readRows<CandidateRow>(Prisma.join(parts, " UNION ALL ")),
    counts.length > 0 ? readRows<{ deckId: string; n: unknown }>(Prisma.join(counts, " UNION ALL ")) : Promise.resolve([]),
  ]);

  const issueCounts = new Map<string, number>();
  const cards: QueueCard[] = [];
  const conceptOf = new Map<string, string>();
  for (const row of rows) {
    if (issueCounts.has(row.cardId)) continue;
    const { card, issueCount } = toCandidate(row);
    issueCounts.set(row.cardId, issueCount);
    conceptOf.set(row.cardId, `${row.deckId}\n${row.concept}`);
    cards.push(card);
  }
  const built = buildQueue({ cards, today, limits, newLimitByDeck: exam?.room.newLimitByDeck, reviewedToday: done });
  // Final pass: the exam's due reviews of the weakest concepts first (ties keep most overdue first),
  // then other decks' reviews; new cards and re-drills keep their places after them.
  const entries = exam?.accuracy ? finalPassOrder(built, exam.deckIds, conceptOf, exam.accuracy) : built;
  // Only the heads of the due reviews and of each deck's new cards were read; their numbers are the
  // counts, within what is left of today's limits.
  let dueCount = 0;
  let newCount = 0;
  for (const row of counted) {
    if (row.deckId === "") dueCount = Math.min(room.reviews, sqlInt(row.n));
    else newCount += Math.min(room.newCards(row.deckId), sqlInt(row.n));
  }
  const remaining = { ...remainingCounts(entries), due: dueCount, new: newCount };
  return { today, timezone, limits, decks: allDecks, entries, remaining, issueCounts };
}

function finalPassOrder(entries: readonly QueueEntry[], covered: readonly string[], conceptOf: ReadonlyMap<string, string>, accuracy: ReadonlyMap<string, number>): QueueEntry[] {
  const isCoveredReview = (entry: QueueEntry) => entry.kind === "review" && covered.includes(entry.deckId);
  const weakestFirst = orderWeakestFirst(
    entries.filter(isCoveredReview).map((entry) => ({ entry, concept: conceptOf.get(entry.cardId) ?? "" })),
    accuracy,
  ).map(({ entry }) => entry);
  const otherReviews = entries.filter((entry) => entry.kind === "review" && !isCoveredReview(entry));
  return [...weakestFirst, ...otherReviews, ...entries.filter((entry) => entry.kind !== "review")];
}

import "server-only";
import { msg } from "@/lib/i18n/message";
import { randomInt } from "node:crypto";
import type { Bilingual } from "@/lib/questions";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "../platform/db";
import { parseDeckTitle } from "../platform/stored-json";
import { closeReviewsBeyondAccess } from "../review/access-end";
import { invalidateDeckVisibility, reachableClassDecks } from "../decks/deck-visibility";
import type { Viewer } from "../accounts/users";
import { conflict, forbidden, notFound } from "@/lib/server-shared/errors";
import { claimJoinAttempt, joinCodeWasRight, refuseWhileThrottled } from "../accounts/join-throttle";
import { isUniqueViolation, writeTransaction } from "../platform/write-tx";

/**
 * Classes: an instructor creates one and hands out its join code; students join with the code;
 * the instructor assigns decks to it (students then see those decks, deck-visibility.ts) and sees
 * its analytics (analytics.ts).
 *
 * Every function takes the acting user and checks them. A class that is not the instructor's own
 * answers 404, exactly like one that does not exist: an instructor cannot probe other classes.
 */

/** Join codes: no 0/O, 1/I/L, so a code read aloud or copied from a slide is typed right. */
export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 8;
export const MAX_CLASSES_PER_INSTRUCTOR = 200;

export function generateJoinCode(): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i += 1) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** What a student typed ("abcd-efgh", " ABCD EFGH ") as the stored code, or null when it cannot be one. */
export function normalizeJoinCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]+/g, "");
  if (code.length !== JOIN_CODE_LENGTH) return null;
  for (const char of code) if (!JOIN_CODE_ALPHABET.includes(char)) return null;
  return code;
}

/** "ABCDEFGH" → "ABCD-EFGH" for display. */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export interface DeckRef {
  id: string;
  title: Bilingual;
  isPublic: boolean;
}

/** A deck assigned to a class, as its owner sees it. */
export interface AssignedDeckRef extends DeckRef {
  /**
   * Its owner made it private and the class's owner may not edit it: no student of the class reaches
   * it any more (deck-visibility.ts). Shown on the class page; unassigning it removes it.
   */
  withdrawn: boolean;
}

export interface ClassSummary {
  id: string;
  name: string;
  /** Formatted, "ABCD-EFGH". */
  joinCode: string;
  createdAt: string;
  memberCount: number;
  decks: AssignedDeckRef[];
}

export interface ClassMemberRow {
  userId: string;
  name: string;
  email: string;
  joinedAt: string;
}

export interface ClassDetail extends ClassSummary {
  members: ClassMemberRow[];
  /** Decks the instructor may assign (public ones and their own), not yet assigned. */
  assignable: DeckRef[];
}

export interface JoinedClass {
  id: string;
  name: string;
  instructor: string;
  joinedAt: string;
  decks: DeckRef[];
}

function requireInstructorRole(viewer: Viewer): void {
  if (viewer.role !== "instructor") throw forbidden(msg("auth.instructorsOnly"));
}

async function deckRefs(deckIds: readonly string[]): Promise<Map<string, DeckRef>> {
  if (deckIds.length === 0) return new Map();
  const rows = await db.deck.findMany({ where: { id: { in: [...deckIds] } }, select: { id: true, title: true, isPublic: true } });
  return new Map(rows.map((row) => [row.id, { id: row.id, title: parseDeckTitle(row.title, row.id), isPublic: row.isPublic }]));
}

/** The class if `viewer` owns it; otherwise 404 (never "it exists but is not yours"). */
export async function requireOwnedClass(viewer: Viewer, classId: string): Promise<{ id: string; name: string; joinCode: string; ownerId: string; createdAt: Date }> {
  requireInstructorRole(viewer);
  const row = await db.class.findFirst({ where: { id: classId, ownerId: viewer.id } });
  if (!row) throw notFound(msg("class.notFound"));
  return row;
}

async function summaries(classes: readonly { id: string; name: string; joinCode: string; ownerId: string; createdAt: Date }[]): Promise<ClassSummary[]> {
  const ids = classes.map((c) => c.id);
  if (ids.length === 0) return [];
  const [counts, links] = await Promise.all([
    db.classMember.groupBy({ by: ["classId"], where: { classId: { in: ids } }, _count: { _all: true } }),
    db.classDeck.findMany({ where: { classId: { in: ids } }, select: { classId: true, deckId: true }, orderBy: { assignedAt: "asc" } }),
  ]);
  const [refs, { withdrawn }] = await Promise.all([
    deckRefs([...new Set(links.map((link) => link.deckId))]),
    reachableClassDecks(links, new Map(classes.map((c) => [c.id, c.ownerId]))),
  ]);
  const isWithdrawn = new Set(withdrawn.map((link) => `${link.classId}\u001f${link.deckId}`));
  const countOf = new Map(counts.map((row) => [row.classId, row._count._all]));
  return classes.map((c) => ({
    id: c.id,
    name: c.name,
    joinCode: formatJoinCode(c.joinCode),
    createdAt: c.createdAt.toISOString(),
    memberCount: countOf.get(c.id) ?? 0,
    decks: links.filter((link) => link.classId === c.id).flatMap((link) => {
      const ref = refs.get(link.deckId);
      return ref ? [{ ...ref, withdrawn: isWithdrawn.has(`${link.classId}\u001f${link.deckId}`) }] : [];
    }),
  }));
}

// ---------------------------------------------------------------------------------------------
// Instructors

export async function createClass(viewer: Viewer, input: { name: string }, now: Date = new Date()): Promise<ClassSummary> {
  requireInstructorRole(viewer);
  const owned = await db.class.count({ where: { ownerId: viewer.id } });
  if (owned >= MAX_CLASSES_PER_INSTRUCTOR) throw conflict(msg("class.tooMany", { count: owned }));
  for (let attempt = 0; ; attempt += 1) {
    try {
      const created = await writeTransaction((tx) => tx.class.create({ data: { name: input.name, joinCode: generateJoinCode(), ownerId: viewer.id, createdAt: now } }));
      const [summary] = await summaries([created]);
      return summary!;
    } catch (error) {
      // 31⁸ codes: a collision is astronomically rare, but the unique index is the judge.
      if (isUniqueViolation(error) && attempt < 5) continue;
      throw error;
    }
  }
}

export async function listOwnedClasses(viewer: Viewer): Promise<ClassSummary[]> {
  requireInstructorRole(viewer);
  const rows = await db.class.findMany({ where: { ownerId: viewer.id }, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
  return summaries(rows);
}

/** Decks an instructor may assign to a class: every public deck and every deck they own. */
export async function assignableDecks(viewer: Viewer): Promise<DeckRef[]> {
  requireInstructorRole(viewer);
  const rows = await db.deck.findMany({
    where: { OR: [{ isPublic: true }, { ownerId: viewer.id }] },
    select: { id: true, title: true, isPublic: true },
    orderBy: { id: "asc" },
  });
  return rows.map((row) => ({ id: row.id, title: parseDeckTitle(row.title, row.id), isPublic: row.isPublic }));
}

export async function getOwnedClass(viewer: Viewer, classId: string): Promise<ClassDetail> {
  const row = await requireOwnedClass(viewer, classId);
  const [[summary], memberRows, assignable] = await Promise.all([
    summaries([row]),
    db.classMember.findMany({ where: { classId }, orderBy: [{ joinedAt: "asc" }, { userId: "asc" }] }),
    assignableDecks(viewer),
  ]);
  const users = memberRows.length
    ? await db.user.findMany({ where: { id: { in: memberRows.map((m) => m.userId) } }, select: { id: true, name: true, email: true } })
    : [];
  const byId = new Map(users.map((user) => [user.id, user]));
  const assigned = new Set(summary!.decks.map((deck) => deck.id));
  return {
    ...summary!,
    members: memberRows.flatMap((member) => {
      const user = byId.get(member.userId);
      return user ? [{ userId: user.id, name: user.name, email: user.email, joinedAt: member.joinedAt.toISOString() }] : [];
    }),
    assignable: assignable.filter((deck) => !assigned.has(deck.id)),
  };
}

export async function updateClass(viewer: Viewer, classId: string, input: { name?: string; newJoinCode?: boolean }): Promise<ClassSummary> {
  await requireOwnedClass(viewer, classId);
  for (let attempt = 0; ; attempt += 1) {
    try {
      const row = await writeTransaction((tx) =>
        tx.class.update({
          where: { id: classId },
          data: { ...(input.name !== undefined ? { name: input.name } : {}), ...(input.newJoinCode ? { joinCode: generateJoinCode() } : {}) },
        }),
      );
      const [summary] = await summaries([row]);
      return summary!;
    } catch (error) {
      if (isUniqueViolation(error) && attempt < 5) continue;
      throw error;
    }
  }
}

/** Deletes the class with its memberships and deck assignments (decks and students' progress stay). */
export async function deleteClass(viewer: Viewer, classId: string): Promise<void> {
  await requireOwnedClass(viewer, classId);
  const members = await writeTransaction(async (tx) => {
    const rows = await tx.classMember.findMany({ where: { classId }, select: { userId: true } });
    await tx.classMember.deleteMany({ where: { classId } });
    await tx.classDeck.deleteMany({ where: { classId } });
    await tx.class.deleteMany({ where: { id: classId, ownerId: viewer.id } });
    return rows.map((row) => row.userId);
  });
  invalidateDeckVisibility([...members, viewer.id]);
  await closeReviewsBeyondAccess({ userIds: members });
}

export async function assignDeck(viewer: Viewer, classId: string, deckId: string, now: Date = new Date()): Promise<ClassSummary> {
  const row = await requireOwnedClass(viewer, classId);
  const deck = await db.deck.findUnique({ where: { id: deckId }, select: { isPublic: true, ownerId: true } });
  // Another instructor's private deck is as good as absent.
  if (!deck || (!deck.isPublic && deck.ownerId !== viewer.id)) throw notFound(msg("class.noDeckToAssign", { deckId: deckId.slice(0, 100) }));
  // One statement, so that racing assignments of the same deck (a double click, two tabs) cannot both
  // insert: the later ones are no-ops (PostgreSQL runs them side by side; docs/architecture.md "Databases").
  await writeTransaction((tx) =>
    tx.$executeRaw(Prisma.sql`INSERT INTO "ClassDeck" ("classId", "deckId", "assignedAt") VALUES (${classId}, ${deckId}, ${now}) ON CONFLICT ("classId", "deckId") DO NOTHING`),
  );
  invalidateDeckVisibility();
  const [summary] = await summaries([row]);
  return summary!;
}

export async function unassignDeck(viewer: Viewer, classId: string, deckId: string): Promise<ClassSummary> {
  const row = await requireOwnedClass(viewer, classId);
  await writeTransaction((tx) => tx.classDeck.deleteMany({ where: { classId, deckId } }));
  invalidateDeckVisibility();
  await closeReviewsBeyondAccess({ deckIds: [deckId] });
  const [summary] = await summaries([row]);
  return summary!;
}

export async function removeMember(viewer: Viewer, classId: string, userId: string): Promise<void> {
  await requireOwnedClass(viewer, classId);
  const { count } = await writeTransaction((tx) => tx.classMember.deleteMany({ where: { classId, userId } }));
  if (count === 0) throw notFound(msg("class.studentNotIn"));
  invalidateDeckVisibility([userId]);
  await closeReviewsBeyondAccess({ userIds: [userId] });
}

// ---------------------------------------------------------------------------------------------
// Students (any signed-in user may join another instructor's class)

export interface JoinOutcome {
  class: JoinedClass;
  /** False when the user was already a member (joining twice changes nothing). */
  joined: boolean;
}

/**
 * Joins the class whose code `codeInput` is. Wrong codes are rate-limited per user (join-throttle.ts):
 * each lookup is claimed as a wrong code first and forgotten when the code was right; once the limit
 * is reached even a right code waits, or the limit would not slow guessing at all.
 * Input that cannot be a code (wrong length, letters outside the alphabet) reveals nothing and is
 * not counted: it is a typo, not a guess.
 */
export async function joinClass(viewer: Viewer, codeInput: string, now: Date = new Date()): Promise<JoinOutcome> {
  const code = normalizeJoinCode(codeInput);
  if (!code) {
    await refuseWhileThrottled(viewer.id, now);
    throw notFound(msg("class.noJoinCode"));
  }
  // Counted as wrong before the lookup, so parallel guesses cannot all pass the check first.
  const attemptIds = await claimJoinAttempt(viewer.id, now);
  const row = await db.class.findUnique({ where: { joinCode: code } });
  if (!row) throw notFound(msg("class.noJoinCode"));
  await joinCodeWasRight(attemptIds);
  if (row.ownerId === viewer.id) throw conflict(msg("class.ownClass"));
  let joined = false;
  try {
    joined = await writeTransaction(async (tx) => {
      const existing = await tx.classMember.findUnique({ where: { classId_userId: { classId: row.id, userId: viewer.id } } });
      if (existing) return false;
      await tx.classMember.create({ data: { classId: row.id, userId: viewer.id, joinedAt: now } });
      return true;
    });
  } catch (error) {
    // Two join requests at once: the other one made the membership.
    if (!isUniqueViolation(error)) throw error;
  }
  invalidateDeckVisibility([viewer.id]);
  const mine = await listJoinedClasses(viewer);
  const joinedClass = mine.find((c) => c.id === row.id);
  if (!joinedClass) throw new Error("membership not found right after joining");
  return { class: joinedClass, joined };
}

export async function leaveClass(viewer: Viewer, classId: string): Promise<void> {
  const { count } = await writeTransaction((tx) => tx.classMember.deleteMany({ where: { classId, userId: viewer.id } }));
  if (count === 0) throw notFound(msg("class.notIn"));
  invalidateDeckVisibility([viewer.id]);
  await closeReviewsBeyondAccess({ userIds: [viewer.id] });
}

/** The classes `viewer` belongs to, most recently joined first, with their decks. */
export async function listJoinedClasses(viewer: Viewer): Promise<JoinedClass[]> {
  const memberships = await db.classMember.findMany({ where: { userId: viewer.id }, orderBy: [{ joinedAt: "desc" }, { classId: "asc" }] });
  if (memberships.length === 0) return [];
  const classIds = memberships.map((m) => m.classId);
  const [classes, links] = await Promise.all([
    db.class.findMany({ where: { id: { in: classIds } }, select: { id: true, name: true, ownerId: true } }),
    db.classDeck.findMany({ where: { classId: { in: classIds } }, select: { classId: true, deckId: true }, orderBy: { assignedAt: "asc" } }),
  ]);
  // A deck withdrawn by its owner is not the class's any more, as far as its students can tell.
  const { reachable } = await reachableClassDecks(links, new Map(classes.map((c) => [c.id, c.ownerId])));
  const [owners, refs] = await Promise.all([
    db.user.findMany({ where: { id: { in: [...new Set(classes.map((c) => c.ownerId))] } }, select: { id: true, name: true } }),
    deckRefs([...new Set(reachable.map((link) => link.deckId))]),
  ]);
  const ownerName = new Map(owners.map((owner) => [owner.id, owner.name]));
  const classById = new Map(classes.map((c) => [c.id, c]));
  return memberships.flatMap((membership) => {
    const c = classById.get(membership.classId);
    if (!c) return [];
    return [
      {
        id: c.id,
        name: c.name,
        instructor: ownerName.get(c.ownerId) ?? "",
        joinedAt: membership.joinedAt.toISOString(),
        decks: reachable.filter((link) => link.classId === c.id).flatMap((link) => refs.get(link.deckId) ?? []),
      },
    ];
  });
}

import "server-only";
import { announceInvalidation, onInvalidation } from "./cache-invalidation";
import { db } from "./db";
import { processShared } from "./process-shared";
import type { CurrentUser } from "./users";

/**
 * Which decks a user may see and study (issue 7, "Students see public decks and their classes'
 * decks only"):
 *
 * - everyone: public decks (every deck of content/, and instructor decks marked public);
 * - a class member: the decks assigned to their classes, public or not;
 * - an instructor, in addition: the decks they own and the decks assigned to the classes they own.
 *
 * This is the one place the rule lives. The deck listing, the deck pages, the review queue, practice
 * and the exam's deck choice all filter through it.
 */

export type Viewer = Pick<CurrentUser, "id" | "role">;

// The review queue asks on every request; membership changes only when someone joins, leaves or a
// deck is (un)assigned, and those writes clear the entry in this process and, on PostgreSQL, in every
// other instance (cache-invalidation.ts); the TTL bounds staleness if an announcement is lost.
const TTL_MS = 5_000;
const CACHE_LIMIT = 50_000;
// One per process (process-shared.ts): a join (a route handler) must clear what /decks (a page) reads.
const cache = processShared("deck-visibility", () => new Map<string, { at: number; ids: Promise<string[]> }>());

/** Forget cached visibility (after membership or deck assignments change); no argument: everyone. */
export function invalidateDeckVisibility(userIds?: readonly string[]): void {
  clearDeckVisibility(userIds ?? null);
  void announceInvalidation("deck-visibility", userIds ?? null);
}

function clearDeckVisibility(userIds: readonly string[] | null): void {
  if (!userIds) {
    cache.clear();
    return;
  }
  for (const id of userIds) {
    cache.delete(`student:${id}`);
    cache.delete(`instructor:${id}`);
  }
}

onInvalidation("deck-visibility", clearDeckVisibility);

async function readVisibleDeckIds(viewer: Viewer): Promise<string[]> {
  const memberships = await db.classMember.findMany({ where: { userId: viewer.id }, select: { classId: true } });
  const owned = viewer.role === "instructor" ? await db.class.findMany({ where: { ownerId: viewer.id }, select: { id: true } }) : [];
  const classIds = [...memberships.map((row) => row.classId), ...owned.map((row) => row.id)];
  const assigned = classIds.length > 0 ? await db.classDeck.findMany({ where: { classId: { in: classIds } }, select: { deckId: true } }) : [];
  const assignedIds = [...new Set(assigned.map((row) => row.deckId))];
  const decks = await db.deck.findMany({
    where: {
      OR: [
        { isPublic: true },
        ...(assignedIds.length > 0 ? [{ id: { in: assignedIds } }] : []),
        ...(viewer.role === "instructor" ? [{ ownerId: viewer.id }] : []),
      ],
    },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return decks.map((deck) => deck.id);
}

/** The ids of every deck `viewer` may see, sorted. */
export function visibleDeckIds(viewer: Viewer, now: number = Date.now()): Promise<string[]> {
  const key = `${viewer.role}:${viewer.id}`;
  const hit = cache.get(key);
  if (hit && now - hit.at <= TTL_MS) return hit.ids;
  const ids = readVisibleDeckIds(viewer);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, { at: now, ids });
  ids.catch(() => {
    if (cache.get(key)?.ids === ids) cache.delete(key);
  });
  return ids;
}

/** Whether `viewer` may see one deck (same rule, without listing them all). */
export async function canSeeDeck(viewer: Viewer, deckId: string): Promise<boolean> {
  return (await visibleDeckIds(viewer)).includes(deckId);
}

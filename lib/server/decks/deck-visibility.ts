import "server-only";
import { BoundedCache } from "@/lib/bounded-cache";
import { announceInvalidation, onInvalidation } from "@/lib/server-shared/platform/cache-invalidation";
import { db } from "../platform/db";
import { processShared } from "@/lib/server-shared/platform/process-shared";
import type { Viewer } from "../accounts/users";

/**
 * Which decks a user may see and study — the one access rule every path asks (the deck listing and
 * pages, the review queue and an issued review's answer, practice, exams, concept links, class
 * analytics). docs/architecture.md "Access and exams" states it:
 *
 * - everyone: public decks (every deck of content/, and instructor decks marked public);
 * - an instructor, in addition: the decks they own or may edit (DeckEditor);
 * - through a class (its members and its owner): the decks assigned to it that are public, or that
 *   the class's owner may edit. A private deck assigned by someone who may not edit it — another
 *   instructor's deck that its owner made private after it was assigned — is withdrawn: no path
 *   reaches it, and the class page says so to the class's owner.
 *
 * Call {@link visibleDeckIds} or {@link canSeeDeck}; never re-derive the rule from the tables.
 */

// The review queue asks on every request; membership changes only when someone joins, leaves or a
// deck is (un)assigned, and those writes clear the entry in this process and, on PostgreSQL, in every
// other instance (cache-invalidation.ts); the TTL bounds staleness if an announcement is lost.
const TTL_MS = 5_000;
const CACHE_LIMIT = 50_000;
// One per process (process-shared.ts): a join (a route handler) must clear what /decks (a page) reads.
const cache = processShared("deck-visibility", () => new BoundedCache<{ at: number; ids: Promise<string[]> }>({ maxEntries: CACHE_LIMIT }));

/** Forget cached visibility (after membership, deck assignments or a deck's privacy change); no argument: everyone. */
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

export interface ClassDeckLink {
  classId: string;
  deckId: string;
}

/**
 * Of `links` (deck assignments of classes owned by the given owners), the ones a class still reaches:
 * the deck is public, or the class's owner owns it or is one of its editors.
 */
export async function reachableClassDecks<L extends ClassDeckLink>(links: readonly L[], ownerOf: ReadonlyMap<string, string>): Promise<{ reachable: L[]; withdrawn: L[] }> {
  const deckIds = [...new Set(links.map((link) => link.deckId))];
  if (deckIds.length === 0) return { reachable: [], withdrawn: [] };
  const decks = await db.deck.findMany({ where: { id: { in: deckIds } }, select: { id: true, isPublic: true, ownerId: true } });
  const deckById = new Map(decks.map((deck) => [deck.id, deck]));
  const privateIds = decks.filter((deck) => !deck.isPublic).map((deck) => deck.id);
  const editors = privateIds.length > 0 ? await db.deckEditor.findMany({ where: { deckId: { in: privateIds } }, select: { deckId: true, userId: true } }) : [];
  const mayEdit = new Set(editors.map((row) => `${row.deckId}\u001f${row.userId}`));
  const reachable: L[] = [];
  const withdrawn: L[] = [];
  for (const link of links) {
    const deck = deckById.get(link.deckId);
    if (!deck) continue;
    const owner = ownerOf.get(link.classId);
    const ok = deck.isPublic || (owner !== undefined && (deck.ownerId === owner || mayEdit.has(`${deck.id}\u001f${owner}`)));
    (ok ? reachable : withdrawn).push(link);
  }
  return { reachable, withdrawn };
}

onInvalidation("deck-visibility", clearDeckVisibility);

async function readVisibleDeckIds(viewer: Viewer): Promise<string[]> {
  const isInstructor = viewer.role === "instructor";
  const [memberships, owned, edited] = await Promise.all([
    db.classMember.findMany({ where: { userId: viewer.id }, select: { class: { select: { id: true, ownerId: true } } } }),
    isInstructor ? db.class.findMany({ where: { ownerId: viewer.id }, select: { id: true, ownerId: true } }) : Promise.resolve([]),
    isInstructor ? db.deckEditor.findMany({ where: { userId: viewer.id }, select: { deckId: true } }) : Promise.resolve([]),
  ]);
  const classes = [...memberships.map((row) => row.class), ...owned];
  const ownerOf = new Map(classes.map((c) => [c.id, c.ownerId]));
  const links = ownerOf.size > 0 ? await db.classDeck.findMany({ where: { classId: { in: [...ownerOf.keys()] } }, select: { classId: true, deckId: true } }) : [];
  const { reachable } = await reachableClassDecks(links, ownerOf);
  const granted = [...new Set([...reachable.map((link) => link.deckId), ...edited.map((row) => row.deckId)])];
  const decks = await db.deck.findMany({
    where: {
      OR: [{ isPublic: true }, ...(granted.length > 0 ? [{ id: { in: granted } }] : []), ...(isInstructor ? [{ ownerId: viewer.id }] : [])],
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

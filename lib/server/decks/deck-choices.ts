import "server-only";
import { BoundedCache } from "@/lib/bounded-cache";
import { msg } from "@/lib/i18n/message";
import { db } from "../platform/db";
import { canSeeDeck, visibleDeckIds } from "./deck-visibility";
import type { Viewer } from "../accounts/users";
import { notFound } from "@/lib/server-shared/errors";
import { processShared } from "@/lib/server-shared/platform/process-shared";

/**
 * Which of the decks a user may see they study (docs/architecture.md, "Study decks"). Seeing is
 * deck-visibility.ts; studying is narrower, so that a stranger's public deck never lands in a
 * student's queue unasked. The review queue holds:
 *
 * - the course decks (loaded from content/);
 * - the decks assigned to the user's classes (and, for an instructor, to the classes they own);
 * - an instructor's own decks;
 * - the public decks the user added from the catalogue (DeckChoice), while they stay visible.
 */

export type StudyReason = "course" | "class" | "own" | "chosen";

export interface StudyDeck {
  id: string;
  reason: StudyReason;
}

// Derived from visibleDeckIds' cached answer: while that answer is the same promise (its cache
// entry neither expired nor cleared by a join, leave or assignment), so is this one. Choosing or
// removing a deck clears the user's entry here.
const CACHE_LIMIT = 50_000;
const cache = processShared("study-decks", () => new BoundedCache<{ visible: Promise<string[]>; decks: Promise<StudyDeck[]> }>({ maxEntries: CACHE_LIMIT }));

function forget(userId: string): void {
  cache.delete(`student:${userId}`);
  cache.delete(`instructor:${userId}`);
}

async function readStudyDecks(viewer: Viewer, visibleIds: Promise<string[]>): Promise<StudyDeck[]> {
  const visible = await visibleIds;
  if (visible.length === 0) return [];
  const [decks, assigned, chosen] = await Promise.all([
    db.deck.findMany({ where: { id: { in: visible } }, select: { id: true, source: true, ownerId: true }, orderBy: { id: "asc" } }),
    db.classDeck.findMany({
      where: { deckId: { in: visible }, class: { OR: [{ members: { some: { userId: viewer.id } } }, { ownerId: viewer.id }] } },
      select: { deckId: true },
    }),
    db.deckChoice.findMany({ where: { userId: viewer.id, deckId: { in: visible } }, select: { deckId: true } }),
  ]);
  const inClass = new Set(assigned.map((row) => row.deckId));
  const added = new Set(chosen.map((row) => row.deckId));
  const study: StudyDeck[] = [];
  for (const deck of decks) {
    // The first reason that holds, in the order a student would name it.
    const reason: StudyReason | null =
      deck.source === "content" ? "course"
      : inClass.has(deck.id) ? "class"
      : deck.ownerId === viewer.id ? "own"
      : added.has(deck.id) ? "chosen"
      : null;
    if (reason) study.push({ id: deck.id, reason });
  }
  return study;
}

/** The decks `viewer` studies, sorted by id, each with why. */
export function studyDecks(viewer: Viewer): Promise<StudyDeck[]> {
  const key = `${viewer.role}:${viewer.id}`;
  const visible = visibleDeckIds(viewer);
  const hit = cache.get(key);
  if (hit && hit.visible === visible) return hit.decks;
  const decks = readStudyDecks(viewer, visible);
  cache.set(key, { visible, decks });
  decks.catch(() => {
    if (cache.get(key)?.decks === decks) cache.delete(key);
  });
  return decks;
}

export async function studyDeckIds(viewer: Viewer): Promise<string[]> {
  return (await studyDecks(viewer)).map((deck) => deck.id);
}

/**
 * Adds a deck the user may see to their study. Idempotent. A deck they cannot see is "not found"
 * (the same answer as a deck that does not exist, so ids of private decks do not leak).
 */
export async function chooseDeck(viewer: Viewer, deckId: string): Promise<void> {
  if (!(await canSeeDeck(viewer, deckId))) throw notFound(msg("deck.notFound"));
  await db.deckChoice.upsert({ where: { userId_deckId: { userId: viewer.id, deckId } }, create: { userId: viewer.id, deckId }, update: {} });
  forget(viewer.id);
}

/**
 * Removes a chosen deck from the user's study. Idempotent. Card states stay (choosing the deck again
 * resumes where the student left off); the queue simply stops reading them.
 */
export async function unchooseDeck(viewer: Viewer, deckId: string): Promise<void> {
  await db.deckChoice.deleteMany({ where: { userId: viewer.id, deckId } });
  forget(viewer.id);
}

import { beforeAll, describe, expect, it, vi } from "vitest";
import { examDeck, loadDecks, makeUser } from "../testing/classes-fixtures";
import { db } from "../platform/db";
import { canSeeDeck, invalidateDeckVisibility, visibleDeckIds } from "./deck-visibility";
import { conceptTemplates } from "./deck-store";

/**
 * visibleDeckIds: the one place of the rule "students see public decks and their classes' decks
 * only" (classes.test.ts walks through joining, leaving and assigning). Here: the rule written
 * straight into the tables, and the short cache in front of it.
 */

const open = examDeck();
const mine = examDeck();
const theirs = examDeck();
let teacher: Awaited<ReturnType<typeof makeUser>>;
let other: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  [teacher, other] = await Promise.all([makeUser("instructor"), makeUser("instructor")]);
  await loadDecks([open]);
  await loadDecks([mine], teacher.id);
  await loadDecks([theirs], other.id);
});

describe("visibleDeckIds", () => {
  it("a student: public decks and the decks of their classes; an instructor: also their own and their classes' decks", async () => {
    const student = await makeUser();
    const outsider = await makeUser();
    const created = await db.class.create({ data: { name: "Direct", joinCode: `T${Date.now().toString(36).toUpperCase().slice(-7)}`, ownerId: teacher.id } });
    await db.classDeck.create({ data: { classId: created.id, deckId: mine.id } });
    await db.classDeck.create({ data: { classId: created.id, deckId: open.id } });
    await db.classMember.create({ data: { classId: created.id, userId: student.id } });
    invalidateDeckVisibility();

    const forStudent = await visibleDeckIds(student);
    expect(forStudent).toContain(open.id);
    expect(forStudent).toContain(mine.id);
    expect(forStudent).not.toContain(theirs.id);
    expect([...forStudent].sort()).toEqual(forStudent);

    expect(await canSeeDeck(outsider, mine.id)).toBe(false);
    expect(await canSeeDeck(outsider, open.id)).toBe(true);
    expect(await canSeeDeck(teacher, mine.id)).toBe(true);
    expect(await canSeeDeck(other, theirs.id)).toBe(true);
    expect(await canSeeDeck(other, mine.id)).toBe(false);
    expect(await canSeeDeck(teacher, theirs.id)).toBe(false);
  });

  it("a private deck reaches a class only when the class's owner may edit it (owner or shared editor)", async () => {
    const student = await makeUser();
    // `other`'s class holds `mine`, which `teacher` owns and keeps private: withdrawn.
    const created = await db.class.create({ data: { name: "Withdrawn", joinCode: `W${Date.now().toString(36).toUpperCase().slice(-7)}`, ownerId: other.id } });
    await db.classDeck.create({ data: { classId: created.id, deckId: mine.id } });
    await db.classMember.create({ data: { classId: created.id, userId: student.id } });
    invalidateDeckVisibility();
    expect(await canSeeDeck(student, mine.id)).toBe(false);
    expect(await canSeeDeck(other, mine.id)).toBe(false);

    // Shared with `other` (who may now edit it): it reaches their class again.
    await db.deckEditor.create({ data: { deckId: mine.id, userId: other.id } });
    invalidateDeckVisibility();
    expect(await canSeeDeck(student, mine.id)).toBe(true);
    expect(await canSeeDeck(other, mine.id)).toBe(true);
    await db.deckEditor.deleteMany({ where: { deckId: mine.id, userId: other.id } });
    invalidateDeckVisibility();
    expect(await canSeeDeck(student, mine.id)).toBe(false);
  });

  it("a student's role never unlocks an instructor's decks, even with the instructor's decks' ids", async () => {
    const student = await makeUser();
    expect(await canSeeDeck(student, mine.id)).toBe(false);
    expect(await canSeeDeck({ id: teacher.id, role: "student" }, mine.id)).toBe(false);
  });

  it("keeps an answer for a few seconds, and forgets it when invalidated or when it is stale", async () => {
    const student = await makeUser();
    const t = Date.now();
    expect(await visibleDeckIds(student, t)).not.toContain(theirs.id);
    const created = await db.class.create({ data: { name: "Cache", joinCode: `C${(t + 1).toString(36).toUpperCase().slice(-7)}`, ownerId: other.id } });
    await db.classDeck.create({ data: { classId: created.id, deckId: theirs.id } });
    await db.classMember.create({ data: { classId: created.id, userId: student.id } });
    // Written behind the data layer's back: the cached answer stands within the TTL…
    expect(await visibleDeckIds(student, t + 1_000)).not.toContain(theirs.id);
    // …and is read again after it.
    expect(await visibleDeckIds(student, t + 10_000)).toContain(theirs.id);
    await db.classMember.deleteMany({ where: { classId: created.id, userId: student.id } });
    invalidateDeckVisibility([student.id]);
    expect(await visibleDeckIds(student, t + 10_500)).not.toContain(theirs.id);
  });

  it("shares its cache with every copy of this module in the process: a join in a route handler shows on the pages at once", async () => {
    // Next's production build bundles route handlers and pages apart, each with its own copy of
    // this module: /api/classes/join invalidates in one, /decks reads in the other.
    const student = await makeUser();
    const t = Date.now();
    expect(await visibleDeckIds(student, t)).not.toContain(theirs.id);
    vi.resetModules();
    const routeCopy = await import("./deck-visibility");
    const created = await db.class.create({ data: { name: "Copies", joinCode: `K${(t + 2).toString(36).toUpperCase().slice(-7)}`, ownerId: other.id } });
    await db.classDeck.create({ data: { classId: created.id, deckId: theirs.id } });
    await db.classMember.create({ data: { classId: created.id, userId: student.id } });
    routeCopy.invalidateDeckVisibility([student.id]);
    expect(await visibleDeckIds(student, t + 1_000)).toContain(theirs.id);
  });
});

describe("conceptTemplates (the review page's \"practise these\" links)", () => {
  it("lists a private deck's templates only to those who may see the deck", async () => {
    const owner = await makeUser("instructor");
    const hidden = examDeck({ withTemplate: true });
    await loadDecks([hidden], owner.id);
    const outsider = await makeUser();
    const member = await makeUser();
    const created = await db.class.create({ data: { name: "Practise", joinCode: `P${Date.now().toString(36).toUpperCase().slice(-7)}`, ownerId: owner.id } });
    await db.classDeck.create({ data: { classId: created.id, deckId: hidden.id } });
    await db.classMember.create({ data: { classId: created.id, userId: member.id } });
    invalidateDeckVisibility();

    const decksOf = async (viewer: { id: string; role: "student" | "instructor" }, deckId?: string) =>
      (await conceptTemplates(viewer, "counting", deckId)).map((template) => template.deckId);
    expect(await decksOf(member)).toContain(hidden.id);
    expect(await decksOf(owner)).toContain(hidden.id);
    expect(await decksOf(outsider)).not.toContain(hidden.id);
    // Naming the deck does not get round the rule.
    expect(await decksOf(outsider, hidden.id)).toEqual([]);
    expect(await decksOf(member, hidden.id)).toEqual([hidden.id]);
  });
});

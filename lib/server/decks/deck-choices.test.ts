import { beforeAll, describe, expect, it } from "vitest";
import { examDeck, loadDecks, makeUser } from "../testing/classes-fixtures";
import { db } from "../platform/db";
import { chooseDeck, studyDecks, unchooseDeck } from "./deck-choices";
import { invalidateDeckVisibility } from "./deck-visibility";
import { todayQueue } from "../review/review-queue";

/**
 * Study decks: what a student's review queue holds. A stranger's public deck is visible in the
 * catalogue but reaches the queue only when the student adds it; a private deck cannot be added.
 */

const course = examDeck();
const strangersPublic = examDeck();
const classDeck = examDeck();
const privateDeck = examDeck();
let stranger: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  stranger = await makeUser("instructor");
  await loadDecks([course]);
  await loadDecks([strangersPublic, classDeck, privateDeck], stranger.id);
  // An instructor's public deck, as "Make public" leaves it.
  await db.deck.updateMany({ where: { id: { in: [strangersPublic.id, classDeck.id] } }, data: { isPublic: true } });
});

const queueDecks = async (userId: string) => new Set((await todayQueue(userId, new Date())).entries.map((entry) => entry.deckId));

describe("study decks", () => {
  it("hold the course decks, not a stranger's public deck, until the student adds it; removing takes it out again", async () => {
    const student = await makeUser();
    const before = await studyDecks(student);
    expect(before).toContainEqual({ id: course.id, reason: "course" });
    expect(before.map((deck) => deck.id)).not.toContain(strangersPublic.id);
    expect(await queueDecks(student.id)).not.toContain(strangersPublic.id);
    expect(await queueDecks(student.id)).toContain(course.id);

    await chooseDeck(student, strangersPublic.id);
    await chooseDeck(student, strangersPublic.id); // twice is once
    expect(await studyDecks(student)).toContainEqual({ id: strangersPublic.id, reason: "chosen" });
    expect(await queueDecks(student.id)).toContain(strangersPublic.id);
    expect(await db.deckChoice.count({ where: { userId: student.id } })).toBe(1);

    await unchooseDeck(student, strangersPublic.id);
    expect((await studyDecks(student)).map((deck) => deck.id)).not.toContain(strangersPublic.id);
    expect(await queueDecks(student.id)).not.toContain(strangersPublic.id);
  });

  it("hold the decks of the student's classes without adding them", async () => {
    const student = await makeUser();
    const created = await db.class.create({ data: { name: "Study", joinCode: `S${Date.now().toString(36).toUpperCase().slice(-7)}`, ownerId: stranger.id } });
    await db.classDeck.createMany({ data: [{ classId: created.id, deckId: classDeck.id }, { classId: created.id, deckId: privateDeck.id }] });
    await db.classMember.create({ data: { classId: created.id, userId: student.id } });
    invalidateDeckVisibility([student.id]);
    const decks = await studyDecks(student);
    expect(decks).toContainEqual({ id: classDeck.id, reason: "class" });
    expect(decks).toContainEqual({ id: privateDeck.id, reason: "class" });
    // The class owner studies what they assigned; their own unassigned deck is theirs too.
    expect(await studyDecks(stranger)).toContainEqual({ id: strangersPublic.id, reason: "own" });
  });

  it("refuse a private deck the student cannot see, as 'not found', and keep it out of the queue", async () => {
    const student = await makeUser();
    await expect(chooseDeck(student, privateDeck.id)).rejects.toMatchObject({ status: 404 });
    await expect(chooseDeck(student, "no-such-deck")).rejects.toMatchObject({ status: 404 });
    expect(await db.deckChoice.count({ where: { userId: student.id } })).toBe(0);
    expect(await queueDecks(student.id)).not.toContain(privateDeck.id);
  });

  it("drop a chosen deck that turned private from the queue (seeing comes first)", async () => {
    const student = await makeUser();
    const turning = examDeck();
    await loadDecks([turning], stranger.id);
    await db.deck.update({ where: { id: turning.id }, data: { isPublic: true } });
    invalidateDeckVisibility();
    await chooseDeck(student, turning.id);
    expect(await queueDecks(student.id)).toContain(turning.id);
    await db.deck.update({ where: { id: turning.id }, data: { isPublic: false } });
    invalidateDeckVisibility();
    expect(await queueDecks(student.id)).not.toContain(turning.id);
  });
});

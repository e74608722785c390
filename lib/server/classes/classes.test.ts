import { beforeAll, describe, expect, it } from "vitest";
import { expectStatus } from "@/lib/server-shared/testing/expect-status";
import {
  assignDeck,
  assignableDecks,
  createClass,
  deleteClass,
  formatJoinCode,
  generateJoinCode,
  getOwnedClass,
  joinClass,
  JOIN_CODE_ALPHABET,
  leaveClass,
  listJoinedClasses,
  listOwnedClasses,
  normalizeJoinCode,
  removeMember,
  unassignDeck,
  updateClass,
} from "./classes";
import { examDeck, loadDecks, makeUser } from "../testing/classes-fixtures";
import { canSeeDeck, visibleDeckIds } from "../decks/deck-visibility";

/**
 * Classes and deck visibility against a real SQLite database: join codes, joining and leaving,
 * assigning decks, and the rule "students see public decks and their classes' decks only".
 */

const publicDeck = examDeck();
const privateDeck = examDeck();
const otherPrivateDeck = examDeck();
let teacher: Awaited<ReturnType<typeof makeUser>>;
let otherTeacher: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  teacher = await makeUser("instructor", "Ms Kim");
  otherTeacher = await makeUser("instructor", "Mr Lee");
  await loadDecks([publicDeck]);
  await loadDecks([privateDeck], teacher.id);
  await loadDecks([otherPrivateDeck], otherTeacher.id);
});

describe("join codes", () => {
  it("are 8 characters of an alphabet without look-alikes, shown as XXXX-XXXX", () => {
    for (let i = 0; i < 200; i += 1) {
      const code = generateJoinCode();
      expect(code).toMatch(/^[A-Z2-9]{8}$/);
      for (const char of code) expect(JOIN_CODE_ALPHABET).toContain(char);
      expect(code).not.toMatch(/[01OIL]/);
    }
    expect(formatJoinCode("ABCDEFGH")).toBe("ABCD-EFGH");
  });

  it.each([
    ["as shown", "ABCD-EFGH", "ABCDEFGH"],
    ["lower case", "abcd-efgh", "ABCDEFGH"],
    ["spaces around and inside", "  abcd efgh ", "ABCDEFGH"],
    ["too short", "ABCD-EFG", null],
    ["too long", "ABCD-EFGHJ", null],
    ["a look-alike (O)", "ABCD-EFGO", null],
    ["punctuation", "ABCD.EFGH", null],
  ])("normalizes %s", (_why, input, expected) => {
    expect(normalizeJoinCode(input)).toBe(expected);
  });
});

describe("classes", () => {
  it("an instructor creates a class with a fresh code; a student cannot", async () => {
    const created = await createClass(teacher, { name: "Deep learning A" });
    expect(created).toMatchObject({ name: "Deep learning A", memberCount: 0, decks: [] });
    expect(created.joinCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect((await listOwnedClasses(teacher)).map((c) => c.id)).toContain(created.id);
    const student = await makeUser();
    await expectStatus(createClass(student, { name: "Mine" }), 403);
    await expectStatus(listOwnedClasses(student), 403);
  });

  it("a student joins with the code however typed, once, and sees the class and its decks", async () => {
    const created = await createClass(teacher, { name: "Join test" });
    await assignDeck(teacher, created.id, publicDeck.id);
    const student = await makeUser();
    const first = await joinClass(student, created.joinCode.toLowerCase().replace("-", " "));
    expect(first.joined).toBe(true);
    expect(first.class).toMatchObject({ id: created.id, name: "Join test", instructor: "Ms Kim" });
    expect(first.class.decks.map((d) => d.id)).toEqual([publicDeck.id]);
    const again = await joinClass(student, created.joinCode);
    expect(again.joined).toBe(false);
    expect((await listJoinedClasses(student)).map((c) => c.id)).toEqual([created.id]);
    expect((await getOwnedClass(teacher, created.id)).members.map((m) => m.userId)).toEqual([student.id]);
  });

  it("refuses an unknown code (404) and the owner joining their own class (409)", async () => {
    const created = await createClass(teacher, { name: "Own" });
    const student = await makeUser();
    await expectStatus(joinClass(student, "ZZZZ-ZZZZ"), 404);
    await expectStatus(joinClass(student, "nonsense"), 404);
    await expectStatus(joinClass(teacher, created.joinCode), 409);
  });

  it("a new join code replaces the old one", async () => {
    const created = await createClass(teacher, { name: "Rotate" });
    const updated = await updateClass(teacher, created.id, { newJoinCode: true, name: "Rotated" });
    expect(updated.joinCode).not.toBe(created.joinCode);
    expect(updated.name).toBe("Rotated");
    const student = await makeUser();
    await expectStatus(joinClass(student, created.joinCode), 404);
    expect((await joinClass(student, updated.joinCode)).joined).toBe(true);
  });

  it("assignable decks are the public ones and the instructor's own", async () => {
    const ids = (await assignableDecks(teacher)).map((d) => d.id);
    expect(ids).toContain(publicDeck.id);
    expect(ids).toContain(privateDeck.id);
    expect(ids).not.toContain(otherPrivateDeck.id);
    const created = await createClass(teacher, { name: "Assign" });
    await expectStatus(assignDeck(teacher, created.id, otherPrivateDeck.id), 404);
    await expectStatus(assignDeck(teacher, created.id, "no-such-deck"), 404);
    await assignDeck(teacher, created.id, privateDeck.id);
    // Assigning twice changes nothing.
    expect((await assignDeck(teacher, created.id, privateDeck.id)).decks.map((d) => d.id)).toEqual([privateDeck.id]);
    expect((await getOwnedClass(teacher, created.id)).assignable.map((d) => d.id)).not.toContain(privateDeck.id);
  });
});

describe("another instructor's class is a 404, one function at a time", () => {
  let classId = "";
  let studentId = "";
  beforeAll(async () => {
    const created = await createClass(teacher, { name: "Private class" });
    classId = created.id;
    const student = await makeUser();
    studentId = student.id;
    await joinClass(student, created.joinCode);
  });

  it.each([
    ["getOwnedClass", () => getOwnedClass(otherTeacher, classId)],
    ["updateClass", () => updateClass(otherTeacher, classId, { name: "Hijacked" })],
    ["assignDeck", () => assignDeck(otherTeacher, classId, publicDeck.id)],
    ["unassignDeck", () => unassignDeck(otherTeacher, classId, publicDeck.id)],
    ["removeMember", () => removeMember(otherTeacher, classId, studentId)],
    ["deleteClass", () => deleteClass(otherTeacher, classId)],
  ])("%s", async (_name, call) => {
    await expectStatus(call(), 404);
    // Nothing changed.
    const detail = await getOwnedClass(teacher, classId);
    expect(detail.name).toBe("Private class");
    expect(detail.members.map((m) => m.userId)).toEqual([studentId]);
  });

  it.each([
    ["getOwnedClass", async () => getOwnedClass(await makeUser(), classId)],
    ["updateClass", async () => updateClass(await makeUser(), classId, { name: "x" })],
    ["assignDeck", async () => assignDeck(await makeUser(), classId, publicDeck.id)],
  ])("a student calling %s gets 403", async (_name, call) => {
    await expectStatus(call(), 403);
  });
});

describe("deck visibility", () => {
  it("a student sees public decks only until they join a class with a private deck", async () => {
    const created = await createClass(teacher, { name: "Visibility" });
    await assignDeck(teacher, created.id, privateDeck.id);
    const member = await makeUser();
    const outsider = await makeUser();

    expect(await visibleDeckIds(member)).toContain(publicDeck.id);
    expect(await canSeeDeck(member, privateDeck.id)).toBe(false);

    await joinClass(member, created.joinCode);
    expect(await canSeeDeck(member, privateDeck.id)).toBe(true);
    expect(await canSeeDeck(outsider, privateDeck.id)).toBe(false);
    expect(await canSeeDeck(member, otherPrivateDeck.id)).toBe(false);

    await leaveClass(member, created.id);
    expect(await canSeeDeck(member, privateDeck.id)).toBe(false);
    await expectStatus(leaveClass(member, created.id), 404);
  });

  it("unassigning, removing a member and deleting the class take the deck away", async () => {
    const created = await createClass(teacher, { name: "Take away" });
    await assignDeck(teacher, created.id, privateDeck.id);
    const a = await makeUser();
    const b = await makeUser();
    const c = await makeUser();
    for (const s of [a, b, c]) await joinClass(s, created.joinCode);
    for (const s of [a, b, c]) expect(await canSeeDeck(s, privateDeck.id)).toBe(true);

    await removeMember(teacher, created.id, a.id);
    expect(await canSeeDeck(a, privateDeck.id)).toBe(false);
    await expectStatus(removeMember(teacher, created.id, a.id), 404);

    await unassignDeck(teacher, created.id, privateDeck.id);
    expect(await canSeeDeck(b, privateDeck.id)).toBe(false);

    await assignDeck(teacher, created.id, privateDeck.id);
    expect(await canSeeDeck(c, privateDeck.id)).toBe(true);
    await deleteClass(teacher, created.id);
    expect(await canSeeDeck(c, privateDeck.id)).toBe(false);
    expect(await listJoinedClasses(c)).toEqual([]);
    await expectStatus(getOwnedClass(teacher, created.id), 404);
  });

  it("an instructor sees their own private decks, never another instructor's", async () => {
    expect(await canSeeDeck(teacher, privateDeck.id)).toBe(true);
    expect(await canSeeDeck(teacher, otherPrivateDeck.id)).toBe(false);
    expect(await canSeeDeck(otherTeacher, privateDeck.id)).toBe(false);
    expect(await canSeeDeck(otherTeacher, publicDeck.id)).toBe(true);
  });
});

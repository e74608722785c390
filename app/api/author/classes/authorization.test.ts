import { beforeAll, describe, expect, it, vi } from "vitest";

/**
 * The authorisation rules (docs/architecture.md "Authoring" and "Access and exams") that concern classes, analytics and exams, one by one, through
 * the real route handlers (session → data layer → status code). Only next-auth's session lookup is
 * replaced: it returns whoever `signedIn` names, and the user is then loaded from the database as in
 * production (lib/server/accounts/session.ts), so a role change takes effect at once.
 */

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", () => ({
  getServerSession: vi.fn(async () => (session.userId ? { user: { id: session.userId } } : null)),
}));
vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET ??= "test-secret-for-route-tests";
});

const { makeUser, examDeck, loadDecks } = await import("@/lib/server/testing/classes-fixtures");
const classesRoute = await import("./route");
const classRoute = await import("./[classId]/route");
const classDecksRoute = await import("./[classId]/decks/route");
const classDeckRoute = await import("./[classId]/decks/[deckId]/route");
const classMemberRoute = await import("./[classId]/members/[userId]/route");
const analyticsRoute = await import("../analytics/route");
const myClassesRoute = await import("@/app/api/classes/route");
const joinRoute = await import("@/app/api/classes/join/route");
const leaveRoute = await import("@/app/api/classes/[classId]/route");
const examsRoute = await import("@/app/api/exams/route");
const examRoute = await import("@/app/api/exams/[examId]/route");
const answerRoute = await import("@/app/api/exams/[examId]/answers/[position]/route");
const submitRoute = await import("@/app/api/exams/[examId]/submit/route");

type Person = Awaited<ReturnType<typeof makeUser>>;

function signedIn(user: Person | null): void {
  session.userId = user?.id ?? null;
}

const url = (path: string) => `http://localhost${path}`;
const json = (method: string, path: string, body?: unknown) =>
  new Request(url(path), body === undefined ? { method } : { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const ctx = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });

const deck = examDeck({ perConcept: 2 });
const teachersPrivate = examDeck({ perConcept: 2 });
let teacher: Person;
let otherTeacher: Person;
let member: Person;
let stranger: Person;
let classId = "";
let joinCode = "";

beforeAll(async () => {
  [teacher, otherTeacher, member, stranger] = await Promise.all([makeUser("instructor"), makeUser("instructor"), makeUser(), makeUser()]);
  await loadDecks([deck]);
  await loadDecks([teachersPrivate], teacher.id);
  signedIn(teacher);
  const created = await classesRoute.POST(json("POST", "/api/author/classes", { name: "Route class" }), undefined);
  expect(created.status).toBe(201);
  const body = (await created.json()) as { class: { id: string; joinCode: string } };
  classId = body.class.id;
  joinCode = body.class.joinCode;
  expect((await classDecksRoute.POST(json("POST", `/api/author/classes/${classId}/decks`, { deckId: teachersPrivate.id }), ctx({ classId }))).status).toBe(200);
  signedIn(member);
  expect((await joinRoute.POST(json("POST", "/api/classes/join", { code: joinCode }), undefined)).status).toBe(201);
});

/** Every instructor API, as a closure making a fresh request for the class under test. */
const instructorCalls = (): [string, () => Promise<Response>][] => [
  ["GET /api/author/classes", () => classesRoute.GET(json("GET", "/api/author/classes"), undefined)],
  ["POST /api/author/classes", () => classesRoute.POST(json("POST", "/api/author/classes", { name: "Mine now" }), undefined)],
  ["GET /api/author/classes/{id}", () => classRoute.GET(json("GET", `/api/author/classes/${classId}`), ctx({ classId }))],
  ["PATCH /api/author/classes/{id}", () => classRoute.PATCH(json("PATCH", `/api/author/classes/${classId}`, { name: "Renamed" }), ctx({ classId }))],
  ["DELETE /api/author/classes/{id}", () => classRoute.DELETE(json("DELETE", `/api/author/classes/${classId}`), ctx({ classId }))],
  ["POST /api/author/classes/{id}/decks", () => classDecksRoute.POST(json("POST", `/api/author/classes/${classId}/decks`, { deckId: deck.id }), ctx({ classId }))],
  ["DELETE /api/author/classes/{id}/decks/{deck}", () => classDeckRoute.DELETE(json("DELETE", `/api/author/classes/${classId}/decks/${teachersPrivate.id}`), ctx({ classId, deckId: teachersPrivate.id }))],
  ["DELETE /api/author/classes/{id}/members/{user}", () => classMemberRoute.DELETE(json("DELETE", `/api/author/classes/${classId}/members/${member.id}`), ctx({ classId, userId: member.id }))],
  ["GET /api/author/analytics?class={id}", () => analyticsRoute.GET(json("GET", `/api/author/analytics?class=${classId}`), undefined)],
  ["GET /api/author/analytics", () => analyticsRoute.GET(json("GET", "/api/author/analytics"), undefined)],
];

/** The class is untouched: same name, same member, same deck. */
async function expectClassUnchanged(): Promise<void> {
  signedIn(teacher);
  const response = await classRoute.GET(json("GET", `/api/author/classes/${classId}`), ctx({ classId }));
  expect(response.status).toBe(200);
  const body = (await response.json()) as { class: { name: string; members: { userId: string }[]; decks: { id: string }[] } };
  expect(body.class.name).toBe("Route class");
  expect(body.class.members.map((m) => m.userId)).toEqual([member.id]);
  expect(body.class.decks.map((d) => d.id)).toEqual([teachersPrivate.id]);
}

describe("anonymous callers get 401 from every class, analytics and exam API", () => {
  const all = (): [string, () => Promise<Response>][] => [
    ...instructorCalls(),
    ["GET /api/classes", () => myClassesRoute.GET(json("GET", "/api/classes"), undefined)],
    ["POST /api/classes/join", () => joinRoute.POST(json("POST", "/api/classes/join", { code: joinCode }), undefined)],
    ["DELETE /api/classes/{id}", () => leaveRoute.DELETE(json("DELETE", `/api/classes/${classId}`), ctx({ classId }))],
    ["GET /api/exams", () => examsRoute.GET(json("GET", "/api/exams"), undefined)],
    ["POST /api/exams", () => examsRoute.POST(json("POST", "/api/exams", { deckIds: [deck.id], questionCount: 2, timeLimitSeconds: 300 }), undefined)],
    ["GET /api/exams/{id}", () => examRoute.GET(json("GET", "/api/exams/x"), ctx({ examId: "x" }))],
    ["PUT /api/exams/{id}/answers/1", () => answerRoute.PUT(json("PUT", "/api/exams/x/answers/1", { response: "T" }), ctx({ examId: "x", position: "1" }))],
    ["POST /api/exams/{id}/submit", () => submitRoute.POST(json("POST", "/api/exams/x/submit"), ctx({ examId: "x" }))],
  ];
  it.each(all().map(([name], index) => [name, index] as const))("%s → 401", async (_name, index) => {
    signedIn(null);
    const response = await all()[index]![1]();
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "Sign in to continue.", code: "auth.signIn" });
  });
});

describe("students never reach the instructor APIs (403), even a member of the class", () => {
  it.each(instructorCalls().map(([name], index) => [name, index] as const))("%s → 403", async (_name, index) => {
    signedIn(member);
    const response = await instructorCalls()[index]![1]();
    expect(response.status).toBe(403);
    expect((await response.json()).error).toMatch(/instructors/i);
    await expectClassUnchanged();
  });
});

describe("another instructor's class is a 404 on every API, and stays as it was", () => {
  const classScoped = () => instructorCalls().filter(([name]) => name.includes("{id}"));
  it.each(classScoped().map(([name], index) => [name, index] as const))("%s → 404", async (_name, index) => {
    signedIn(otherTeacher);
    const response = await classScoped()[index]![1]();
    expect(response.status).toBe(404);
    await expectClassUnchanged();
  });

  it("GET /api/author/analytics without ?class shows only the caller's own classes (none)", async () => {
    signedIn(otherTeacher);
    const response = await analyticsRoute.GET(json("GET", "/api/author/analytics"), undefined);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ classes: [], selected: null, students: [] });
  });

  it("the owner gets 200 with the class's students", async () => {
    signedIn(teacher);
    const response = await analyticsRoute.GET(json("GET", `/api/author/analytics?class=${classId}`), undefined);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { students: { userId: string }[] }).students.map((s) => s.userId)).toEqual([member.id]);
  });
});

describe("students and decks", () => {
  it("a member takes an exam on the class's private deck; a stranger cannot (404)", async () => {
    signedIn(stranger);
    const refused = await examsRoute.POST(json("POST", "/api/exams", { deckIds: [teachersPrivate.id], questionCount: 2, timeLimitSeconds: 300 }), undefined);
    expect(refused.status).toBe(404);
    const options = (await (await examsRoute.GET(json("GET", "/api/exams"), undefined)).json()) as { decks: { id: string }[] };
    expect(options.decks.map((d) => d.id)).not.toContain(teachersPrivate.id);

    signedIn(member);
    const memberOptions = (await (await examsRoute.GET(json("GET", "/api/exams"), undefined)).json()) as { decks: { id: string }[] };
    expect(memberOptions.decks.map((d) => d.id)).toContain(teachersPrivate.id);
    const started = await examsRoute.POST(json("POST", "/api/exams", { deckIds: [teachersPrivate.id], questionCount: 2, timeLimitSeconds: 300 }), undefined);
    expect(started.status).toBe(201);
    const examId = ((await started.json()) as { exam: { id: string } }).exam.id;

    // Someone else's exam is a 404 on every exam API, and nothing changes.
    signedIn(stranger);
    expect((await examRoute.GET(json("GET", `/api/exams/${examId}`), ctx({ examId }))).status).toBe(404);
    expect((await answerRoute.PUT(json("PUT", `/api/exams/${examId}/answers/1`, { response: "T" }), ctx({ examId, position: "1" }))).status).toBe(404);
    expect((await submitRoute.POST(json("POST", `/api/exams/${examId}/submit`), ctx({ examId }))).status).toBe(404);
    signedIn(teacher);
    expect((await examRoute.GET(json("GET", `/api/exams/${examId}`), ctx({ examId }))).status).toBe(404);

    signedIn(member);
    const mine = (await (await examRoute.GET(json("GET", `/api/exams/${examId}`), ctx({ examId }))).json()) as { exam: { state: string; questions: { response: string | null }[] } };
    expect(mine.exam.state).toBe("running");
    expect(mine.exam.questions.map((q) => q.response)).toEqual([null, null]);
    const submitted = await submitRoute.POST(json("POST", `/api/exams/${examId}/submit`), ctx({ examId }));
    expect(submitted.status).toBe(200);
  });

  it("a student lists only their own classes and can leave only a class they are in", async () => {
    signedIn(stranger);
    expect(await (await myClassesRoute.GET(json("GET", "/api/classes"), undefined)).json()).toEqual({ classes: [] });
    expect((await leaveRoute.DELETE(json("DELETE", `/api/classes/${classId}`), ctx({ classId }))).status).toBe(404);
    signedIn(member);
    const mine = (await (await myClassesRoute.GET(json("GET", "/api/classes"), undefined)).json()) as { classes: { id: string }[] };
    expect(mine.classes.map((c) => c.id)).toEqual([classId]);
  });
});

describe("bad input is a 4xx naming the problem", () => {
  it.each([
    ["join: no code", () => joinRoute.POST(json("POST", "/api/classes/join", {}), undefined), 422],
    ["join: extra field", () => joinRoute.POST(json("POST", "/api/classes/join", { code: "ABCD-EFGH", classId: "x" }), undefined), 422],
    ["join: unknown code", () => joinRoute.POST(json("POST", "/api/classes/join", { code: "ZZZZ-ZZZZ" }), undefined), 404],
    ["join: a form body", () => joinRoute.POST(new Request(url("/api/classes/join"), { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "code=x" }), undefined), 415],
    ["exam: no decks", () => examsRoute.POST(json("POST", "/api/exams", { deckIds: [], questionCount: 2, timeLimitSeconds: 300 }), undefined), 422],
    ["exam: 0 questions", () => examsRoute.POST(json("POST", "/api/exams", { deckIds: [deck.id], questionCount: 0, timeLimitSeconds: 300 }), undefined), 422],
    ["exam: 51 questions", () => examsRoute.POST(json("POST", "/api/exams", { deckIds: [deck.id], questionCount: 51, timeLimitSeconds: 300 }), undefined), 422],
    ["exam: 10 s", () => examsRoute.POST(json("POST", "/api/exams", { deckIds: [deck.id], questionCount: 2, timeLimitSeconds: 10 }), undefined), 422],
    ["exam: a deck id with a slash", () => examsRoute.POST(json("POST", "/api/exams", { deckIds: ["../x"], questionCount: 2, timeLimitSeconds: 300 }), undefined), 422],
    ["answer: position 0", () => answerRoute.PUT(json("PUT", "/api/exams/x/answers/0", { response: "T" }), ctx({ examId: "x", position: "0" })), 422],
    ["answer: a 3,000-character answer", () => answerRoute.PUT(json("PUT", "/api/exams/x/answers/1", { response: "1".repeat(3_000) }), ctx({ examId: "x", position: "1" })), 422],
  ] as const)("%s → %i", async (_name, call, status) => {
    signedIn(stranger);
    const response = await call();
    expect(response.status).toBe(status);
    expect((await response.json()).error).toEqual(expect.any(String));
  });

  it.each([
    ["create: empty name", () => classesRoute.POST(json("POST", "/api/author/classes", { name: "  " }), undefined), 422],
    ["create: control characters", () => classesRoute.POST(json("POST", "/api/author/classes", { name: "a\u0007b" }), undefined), 422],
    ["update: nothing to change", () => classRoute.PATCH(json("PATCH", `/api/author/classes/${classId}`, {}), ctx({ classId })), 422],
    ["assign: no deck id", () => classDecksRoute.POST(json("POST", `/api/author/classes/${classId}/decks`, {}), ctx({ classId })), 422],
    ["analytics: unknown query", () => analyticsRoute.GET(json("GET", "/api/author/analytics?klass=x"), undefined), 422],
  ] as const)("%s → %i", async (_name, call, status) => {
    signedIn(teacher);
    const response = await call();
    expect(response.status).toBe(status);
    await expectClassUnchanged();
  });
});

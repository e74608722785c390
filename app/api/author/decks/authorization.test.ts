import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { quietTfjs } from "@/lib/model-core/tfjs";
import { cardsText, makeUser, templateText, uniqueDeckId } from "@/lib/server/testing/authoring-fixtures";
import { syncContentDecks } from "@/lib/server/decks/deck-store";
import { testDeck } from "@/lib/server/testing/review-fixtures";
import type { CurrentUser } from "@/lib/server/accounts/users";

/**
 * The authorisation rules of authoring, through the real route handlers, one by one: every API
 * under /api/author answers 401 to nobody, 403 to a student, 404 to an instructor who may not see a
 * private deck, 403 to one who may only read it, and works for the owner and for an instructor the
 * deck is shared with. Only the session lookup is replaced (next-auth's getServerSession).
 */

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", async (importOriginal) => {
  const original = await importOriginal<typeof import("next-auth")>();
  return { ...original, getServerSession: vi.fn(async () => (session.userId ? { user: { id: session.userId } } : null)) };
});

const decks = await import("./route");
const importRoute = await import("./import/route");
const deck = await import("./[deckId]/route");
const versions = await import("./[deckId]/versions/route");
const version = await import("./[deckId]/versions/[version]/route");
const publish = await import("./[deckId]/versions/[version]/publish/route");
const retire = await import("./[deckId]/versions/[version]/retire/route");
const editors = await import("./[deckId]/editors/route");
const exporter = await import("./[deckId]/export/route");
const csv = await import("./[deckId]/import-csv/route");
const preview = await import("../preview/route");

type Handler = (request: Request, context: never) => Promise<Response>;

function as(user: CurrentUser | null) {
  session.userId = user?.id ?? null;
}

function call(handler: Handler, method: string, params: Record<string, string>, body?: unknown, query = ""): Promise<Response> {
  const request = new Request(`http://localhost/api/author/x${query}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return handler(request, { params: Promise.resolve(params) } as never);
}

let owner: CurrentUser;
let shared: CurrentUser;
let stranger: CurrentUser;
let student: CurrentUser;
let deckId: string;
let published: string;
let contentDeckId: string;

beforeAll(async () => {
  quietTfjs();
  [owner, shared, stranger, student] = await Promise.all([makeUser("instructor", "Owner"), makeUser("instructor", "Shared"), makeUser("instructor", "Stranger"), makeUser("student", "Student")]);
  deckId = uniqueDeckId("api");
  as(owner);
  expect((await call(decks.POST, "POST", {}, { id: deckId, title: { ko: "가", en: "A" }, concepts: [{ id: "counting", ko: "세기", en: "Counting" }, { id: "facts", ko: "사실", en: "Facts" }] })).status).toBe(201);
  expect((await call(editors.POST, "POST", { deckId }, { email: shared.email })).status).toBe(201);
  const saved = await call(versions.POST, "POST", { deckId }, { changes: [{ path: "templates/t.yaml", text: templateText(`${deckId}-t`) }, { path: "cards/c.yaml", text: cardsText(deckId) }] });
  expect(saved.status).toBe(201);
  published = ((await saved.json()) as { version: string }).version;
  expect((await call(publish.POST, "POST", { deckId, version: published })).status).toBe(200);
  const content = testDeck();
  await syncContentDecks([content], { retireMissingDecks: false });
  contentDeckId = content.id;
});

beforeEach(() => as(null));

interface Case {
  name: string;
  run: () => Promise<Response>;
  /** Expected status for: nobody, student, stranger (private deck), shared editor, owner. */
  expect: [number, number, number, number, number];
}

const CASES: Case[] = [
  { name: "GET /api/author/decks", run: () => call(decks.GET, "GET", {}), expect: [401, 403, 200, 200, 200] },
  { name: "GET /api/author/decks/{id}", run: () => call(deck.GET, "GET", { deckId }), expect: [401, 403, 404, 200, 200] },
  { name: "PATCH /api/author/decks/{id} (public)", run: () => call(deck.PATCH, "PATCH", { deckId }, { isPublic: false }), expect: [401, 403, 404, 403, 200] },
  { name: "GET …/versions", run: () => call(versions.GET, "GET", { deckId }), expect: [401, 403, 404, 200, 200] },
  { name: "POST …/versions (save)", run: () => call(versions.POST, "POST", { deckId }, { changes: [{ path: "cards/c.yaml", text: cardsText(deckId) }] }), expect: [401, 403, 404, 200, 200] },
  { name: "GET …/versions/{v}", run: () => call(version.GET, "GET", { deckId, version: published }), expect: [401, 403, 404, 200, 200] },
  { name: "POST …/versions/{v}/publish", run: () => call(publish.POST, "POST", { deckId, version: published }), expect: [401, 403, 404, 200, 200] },
  { name: "GET …/editors", run: () => call(editors.GET, "GET", { deckId }), expect: [401, 403, 404, 200, 200] },
  { name: "POST …/editors (share)", run: () => call(editors.POST, "POST", { deckId }, { email: shared.email }), expect: [401, 403, 404, 403, 201] },
  { name: "GET …/export?format=zip", run: () => call(exporter.GET, "GET", { deckId }, undefined, "?format=zip"), expect: [401, 403, 404, 200, 200] },
  { name: "POST …/import-csv", run: () => call(csv.POST, "POST", { deckId }, { text: "front,back,tags\nQ?,A,facts\n" }), expect: [401, 403, 404, 201, 201] },
  { name: "POST /api/author/preview", run: () => call(preview.POST as Handler, "POST", {}, { deckId, path: "templates/t.yaml", text: templateText(`${deckId}-t`) }), expect: [401, 403, 404, 200, 200] },
];

describe("authoring APIs, rule by rule", () => {
  for (const testCase of CASES) {
    it(`${testCase.name}: nobody ${testCase.expect[0]}, student ${testCase.expect[1]}, stranger ${testCase.expect[2]}, shared ${testCase.expect[3]}, owner ${testCase.expect[4]}`, async () => {
      const who = [null, student, stranger, shared, owner];
      const seen: number[] = [];
      for (const user of who) {
        as(user);
        const response = await testCase.run();
        seen.push(response.status);
        if (response.status >= 400) expect((await response.json()).error).toEqual(expect.any(String));
      }
      expect(seen).toEqual(testCase.expect);
    });
  }

  it("POST /api/author/decks (create): 401 nobody, 403 student, 201 instructor", async () => {
    const body = () => ({ id: uniqueDeckId("api-new"), title: { ko: "가", en: "A" }, concepts: [{ id: "c", ko: "가", en: "A" }] });
    as(null);
    expect((await call(decks.POST, "POST", {}, body())).status).toBe(401);
    as(student);
    expect((await call(decks.POST, "POST", {}, body())).status).toBe(403);
    as(stranger);
    expect((await call(decks.POST, "POST", {}, body())).status).toBe(201);
  });

  it("POST /api/author/decks/import: students are refused; a stranger cannot import over someone's deck", async () => {
    const files = { files: [{ path: `${deckId}/deck.yaml`, text: `id: ${deckId}\ntitle: {ko: 가, en: A}\nconcepts:\n  - {id: counting, ko: 세기, en: Counting}\n` }] };
    as(null);
    expect((await call(importRoute.POST, "POST", {}, files)).status).toBe(401);
    as(student);
    expect((await call(importRoute.POST, "POST", {}, files)).status).toBe(403);
    as(stranger);
    expect((await call(importRoute.POST, "POST", {}, files)).status).toBe(403);
  });

  it("POST /api/author/decks/import takes the ZIP that export gives, as the same deck and version", async () => {
    as(owner);
    const exported = await call(exporter.GET, "GET", { deckId }, undefined, "?format=zip");
    expect(exported.headers.get("content-type")).toBe("application/zip");
    const zip = new Uint8Array(await exported.arrayBuffer());
    const upload = (bytes: Uint8Array) => importRoute.POST(new Request("http://localhost/api/author/decks/import", { method: "POST", headers: { "content-type": "application/zip" }, body: new Blob([new Uint8Array(bytes)]) }), undefined as never);
    const head = (await (await call(deck.GET, "GET", { deckId })).json()) as { head: { version: string } };
    const response = await upload(zip);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, deckId, version: head.head.version, created: false, newVersion: false });
    const junk = await upload(new TextEncoder().encode("not a zip at all"));
    expect(junk.status).toBe(422);
    expect((await junk.json()).error).toMatch(/ZIP/);
  });

  it("a public deck: other instructors read and export it, and still cannot edit it", async () => {
    as(owner);
    expect((await call(deck.PATCH, "PATCH", { deckId }, { isPublic: true })).status).toBe(200);
    try {
      as(stranger);
      expect((await call(deck.GET, "GET", { deckId })).status).toBe(200);
      expect((await call(exporter.GET, "GET", { deckId }, undefined, "?format=csv")).status).toBe(200);
      expect((await call(versions.POST, "POST", { deckId }, { changes: [{ path: "cards/c.yaml", text: cardsText(deckId) }] })).status).toBe(403);
      expect((await call(publish.POST, "POST", { deckId, version: published })).status).toBe(403);
      expect((await call(retire.POST, "POST", { deckId, version: published })).status).toBe(403);
      expect((await call(preview.POST as Handler, "POST", {}, { deckId, path: "templates/t.yaml", text: "templates: []" })).status).toBe(403);
    } finally {
      as(owner);
      await call(deck.PATCH, "PATCH", { deckId }, { isPublic: false });
    }
  });

  it("a content/ deck: instructors read and export it; nobody edits it in the app", async () => {
    as(owner);
    expect((await call(deck.GET, "GET", { deckId: contentDeckId })).status).toBe(200);
    expect((await call(exporter.GET, "GET", { deckId: contentDeckId }, undefined, "?format=anki&lang=en")).status).toBe(200);
    const save = await call(versions.POST, "POST", { deckId: contentDeckId }, { changes: [{ path: "cards/c.yaml", text: "cards: []" }] });
    expect(save.status).toBe(403);
    expect((await save.json()).error).toMatch(/git/);
  });

  it("retire: the shared editor may retire; strangers and students may not", async () => {
    as(student);
    expect((await call(retire.POST, "POST", { deckId, version: published })).status).toBe(403);
    as(stranger);
    expect((await call(retire.POST, "POST", { deckId, version: published })).status).toBe(404);
    as(shared);
    const response = await call(retire.POST, "POST", { deckId, version: published });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ version: published, current: null });
  });

  it("bad input is a 4xx naming the problem", async () => {
    as(owner);
    expect((await call(deck.GET, "GET", { deckId: "Not An Id" })).status).toBe(422);
    expect((await call(version.GET, "GET", { deckId, version: "zz" })).status).toBe(422);
    expect((await call(versions.POST, "POST", { deckId }, { changes: [{ path: "../escape.yaml", text: "" }] })).status).toBe(422);
    expect((await call(exporter.GET, "GET", { deckId }, undefined, "?format=pdf")).status).toBe(422);
    const broken = await call(versions.POST, "POST", { deckId }, { changes: [{ path: "templates/t.yaml", text: "templates:\n  - id: [unclosed\n" }] });
    expect(broken.status).toBe(422);
    expect((await broken.json()).errors[0]).toMatchObject({ file: "templates/t.yaml", line: expect.any(Number) });
  });
});

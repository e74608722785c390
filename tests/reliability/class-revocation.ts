import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { ReviewClient } from "./review-client";

/**
 * Access changes across two app instances on one database, over HTTP as the browser makes them: a
 * student joins a class on instance A and is removed from it on A, while instance B is asked for
 * the class's private deck (`GET /api/review/next?deck=…`: 200 while a member, 404 otherwise).
 * Shared by lib/server/platform/two-instances.reliability.test.ts (which asserts the 1 s bound) and
 * bench/review-load.ts (which prints the delay). Plain Node (fetch) and the CLI, no app code.
 */

export interface RevocationDelays {
  /** From the join's answer on A until B issued the class deck; null if it never did. */
  joinMs: number | null;
  /** From the removal's answer on A until B refused the class deck; null if it never did. */
  removalMs: number | null;
  /** The card B issued from the private deck while the student was a member. */
  cardIssuedOnB: string | null;
  /** B's answer once more after the refusal (it must stay refused). */
  statusAfter: number;
}

export async function newStudent(baseUrl: string, name = "Student"): Promise<ReviewClient> {
  const client = new ReviewClient(baseUrl, `two-${randomUUID().slice(0, 8)}@example.com`);
  await client.register(name);
  await client.signIn();
  return client;
}

/** Registers on `baseUrl` and promotes through the CLI (`deepdrill users promote`) on `databaseUrl`. */
export async function newInstructor(baseUrl: string, databaseUrl: string, root = process.cwd()): Promise<ReviewClient> {
  const client = new ReviewClient(baseUrl, `two-instructor-${randomUUID().slice(0, 8)}@example.com`);
  await client.register("Instructor");
  // Asynchronously: a blocked event loop would keep the client's idle keep-alive sockets that the
  // server closes meanwhile, and the next request on one fails with "other side closed".
  await promisify(execFile)(process.execPath, [path.join(root, "node_modules/.bin/tsx"), "--conditions=react-server", path.join(root, "lib/cli/index.ts"), "users", "promote", client.email], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  await client.signIn();
  return client;
}

async function expectOk(what: string, result: Promise<{ ok: boolean; status: number; body: unknown }>): Promise<void> {
  const { ok, status, body } = await result;
  if (!ok) throw new Error(`${what}: HTTP ${status} ${JSON.stringify(body)}`);
}

/** An in-app deck (private, as every new one) with one published true/false card; returns its id. */
export async function privateDeck(instructor: ReviewClient): Promise<string> {
  const deckId = `two-${randomUUID().slice(0, 8)}`;
  await expectOk("create deck", instructor.request("POST", "/api/author/decks", { id: deckId, title: { ko: "비공개 덱", en: "Private deck" }, concepts: [{ id: "facts", ko: "사실", en: "Facts" }] }));
  // Item ids are unique across decks, so the card is named after its deck.
  const cards = `cards:\n  - id: ${deckId}-card\n    type: tf\n    concept: facts\n    statement: {ko: ReLU는 선형 함수이다., en: ReLU is a linear function.}\n    answer: false\n    explanation: {ko: 구간별 선형입니다., en: Piecewise linear.}\n`;
  const saved = await instructor.request<{ version: string }>("POST", `/api/author/decks/${deckId}/versions`, { baseVersion: null, changes: [{ path: "cards/facts.yaml", text: cards }] });
  if (!saved.ok || !saved.body) throw new Error(`save deck: HTTP ${saved.status} ${JSON.stringify(saved.body)}`);
  await expectOk("publish deck", instructor.request("POST", `/api/author/decks/${deckId}/versions/${saved.body.version}/publish`));
  return deckId;
}

/** Polls `probe` until it holds; the time from `since` until it first held, or null after `giveUpMs`. */
async function delayUntil(probe: () => Promise<boolean>, since: number, giveUpMs = 10_000): Promise<number | null> {
  while (performance.now() - since < giveUpMs) {
    if (await probe()) return performance.now() - since;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return null;
}

/**
 * A class with a private deck made by `instructor` on A; a new student joins on A, then the
 * instructor removes them on A; B is polled after each. Throws when a step the scenario relies on
 * is refused (a non-member already served on B, a failed join or removal).
 */
export async function measureClassRevocation(instructor: ReviewClient, baseUrlB: string): Promise<RevocationDelays> {
  const deckId = await privateDeck(instructor);
  const created = await instructor.request<{ class: { id: string; joinCode: string } }>("POST", "/api/author/classes", { name: "Two instances" });
  if (created.status !== 201 || !created.body) throw new Error(`create class: HTTP ${created.status}`);
  const { id: classId, joinCode } = created.body.class;
  await expectOk("assign deck", instructor.request("POST", `/api/author/classes/${classId}/decks`, { deckId }));

  const student = await newStudent(instructor.baseUrl);
  const onB = student.on(baseUrlB);
  const deckOnB = () => onB.request<{ item: { cardId: string } | null }>("GET", `/api/review/next?deck=${encodeURIComponent(deckId)}`);
  const before = await deckOnB();
  if (before.status !== 404) throw new Error(`B answered ${before.status} for a private deck to a student of no class`);

  const joined = await student.request("POST", "/api/classes/join", { code: joinCode });
  if (joined.status !== 201) throw new Error(`join: HTTP ${joined.status} ${JSON.stringify(joined.body)}`);
  const joinMs = await delayUntil(async () => (await deckOnB()).status === 200, performance.now());
  const cardIssuedOnB = (await deckOnB()).body?.item?.cardId ?? null;

  const detail = await instructor.request<{ class: { members: { userId: string; email: string }[] } }>("GET", `/api/author/classes/${classId}`);
  const member = detail.body?.class.members.find((m) => m.email === student.email);
  if (!member) throw new Error("the student is not listed in the class");
  const removed = await instructor.request("DELETE", `/api/author/classes/${classId}/members/${member.userId}`);
  if (removed.status !== 204) throw new Error(`remove member: HTTP ${removed.status}`);
  const removalMs = await delayUntil(async () => (await deckOnB()).status === 404, performance.now());
  return { joinMs, removalMs, cardIssuedOnB, statusAfter: (await deckOnB()).status };
}

import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildIsStale } from "@/lib/cli/build-fingerprint";
import { createScratchDatabase, type ScratchDatabase } from "@/lib/cli/scratch-database";
import { measureClassRevocation, newInstructor, newStudent, privateDeck } from "@/tests/reliability/class-revocation";
import type { Timed } from "@/tests/reliability/review-client";
import { freePort, startServer, type ServerHandle } from "@/tests/reliability/server-process";
import { describePostgresqlOnly } from "@/tests/unit/test-database";

/**
 * Two production app instances (started together, as `npm start` starts them) on one PostgreSQL
 * database, as behind a load balancer. Access changes made on one instance reach the other
 * through LISTEN/NOTIFY (cache-invalidation.ts): a student removed from a class on A is refused
 * the class's private deck on B within the acceptance bound of 1 s (the measured delay is
 * printed). Racing requests split over both instances answer 2xx or a meaningful 4xx, never a
 * 5xx, and leave the data as after one request.
 *
 * A stale production build is rebuilt first (as `npm start` does), which takes minutes.
 */

/** The acceptance bound for revoked access on every instance (not a performance measurement). */
const REVOCATION_BOUND_MS = 1_000;

let database: ScratchDatabase | null = null;
let a: ServerHandle | null = null;
let b: ServerHandle | null = null;

const root = process.cwd();
const statuses = (results: readonly Timed<unknown>[]) => results.map((result) => result.status).sort((x, y) => x - y);
const meaningful = (status: number) => (status >= 200 && status < 300) || status === 404 || status === 409;

async function withDatabase<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: database!.url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

describePostgresqlOnly("two app instances on one database", () => {
  beforeAll(async () => {
    database = await createScratchDatabase("postgresql", "two-instances");
    const secret = randomBytes(32).toString("base64url");
    const [portA, portB] = [await freePort(), await freePort()];
    // Started together on a database never migrated: one migrates, the other waits for it. A stale
    // production build is first rebuilt by A alone (two builds in one tree would collide).
    const start = (port: number) => startServer({ root, port, databaseFile: "", databaseUrl: database!.url, secret });
    const first = buildIsStale() ? await start(portA) : start(portA);
    [a, b] = await Promise.all([first, start(portB)]);
  }, 30 * 60_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
  });

  it("a student removed from a class on A is refused the class's private deck on B within 1 s", { timeout: 5 * 60_000 }, async () => {
    const instructor = await newInstructor(a!.baseUrl, database!.url);
    const delays = await measureClassRevocation(instructor, b!.baseUrl);
    process.stdout.write(`[two instances] join reached B after ${Math.round(delays.joinMs ?? -1)} ms; removal refused on B after ${Math.round(delays.removalMs ?? -1)} ms\n`);
    expect(delays.joinMs, "B never let the new member study the class deck").not.toBeNull();
    expect(delays.cardIssuedOnB).toMatch(/^two-[\w-]+\/two-[\w-]+-card$/);
    expect(delays.removalMs, "B kept serving the private deck to a removed student").not.toBeNull();
    expect(delays.removalMs!).toBeLessThanOrEqual(REVOCATION_BOUND_MS);
    // And it stays refused (no cache on B serving the old membership again).
    expect(delays.statusAfter).toBe(404);
  });

  it("20 racing first `next` calls of a new student, split over A and B, issue one review", { timeout: 5 * 60_000 }, async () => {
    const student = await newStudent(a!.baseUrl);
    const clients = [student, student.on(b!.baseUrl)];
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => clients[i % 2]!.next()));
    expect(statuses(results).every(meaningful), `statuses ${statuses(results).join(",")}`).toBe(true);
    const reviewIds = new Set(results.flatMap((result) => (result.body?.item ? [result.body.item.reviewId] : [])));
    expect(reviewIds.size).toBe(1);
    const open = await withDatabase((db) => db.query(`SELECT count(*)::int AS n FROM "Review" r JOIN "User" u ON u."id" = r."userId" WHERE u."email" = $1`, [student.email]));
    expect(open.rows[0].n).toBe(1);
  });

  it("20 racing grades of one review, split over A and B: one is applied, every answer 2xx or a meaningful 4xx", { timeout: 5 * 60_000 }, async () => {
    const student = await newStudent(a!.baseUrl);
    const { body } = await student.next();
    const reviewId = body!.item!.reviewId;
    const clients = [student, student.on(b!.baseUrl)];
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => clients[i % 2]!.grade(reviewId, 4)));
    expect(statuses(results).every(meaningful), `statuses ${statuses(results).join(",")}`).toBe(true);
    const applied = results.filter((result) => result.ok && result.body?.repeated === false);
    expect(applied).toHaveLength(1);
    // Every 2xx answer reports the one applied state.
    const states = new Set(results.filter((result) => result.ok).map((result) => JSON.stringify(result.body?.state)));
    expect(states.size).toBe(1);
    const logs = await withDatabase((db) => db.query(`SELECT count(*)::int AS n FROM "ReviewLog" WHERE "reviewId" = $1`, [reviewId]));
    expect(logs.rows[0].n).toBe(1);

    // 50 racing undos of that grade over both instances: one undo is logged.
    const undos = await Promise.all(Array.from({ length: 50 }, (_, i) => clients[i % 2]!.request("POST", `/api/review/${reviewId}/undo`)));
    expect(statuses(undos).every(meaningful), `statuses ${statuses(undos).join(",")}`).toBe(true);
    const undone = await withDatabase((db) => db.query(`SELECT count(*)::int AS n FROM "ReviewUndo" WHERE "reviewId" = $1`, [reviewId]));
    expect(undone.rows[0].n).toBe(1);
  });

  it("30 racing assignments of one deck to a class, split over A and B, assign it once", { timeout: 5 * 60_000 }, async () => {
    const instructor = await newInstructor(a!.baseUrl, database!.url);
    const deckId = await privateDeck(instructor);
    const created = await instructor.request<{ class: { id: string } }>("POST", "/api/author/classes", { name: "Racing assignments" });
    const classId = created.body!.class.id;
    const clients = [instructor, instructor.on(b!.baseUrl)];
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => clients[i % 2]!.request("POST", `/api/author/classes/${classId}/decks`, { deckId })));
    expect(statuses(results).every(meaningful), `statuses ${statuses(results).join(",")}`).toBe(true);
    const assigned = await withDatabase((db) => db.query(`SELECT count(*)::int AS n FROM "ClassDeck" WHERE "classId" = $1 AND "deckId" = $2`, [classId, deckId]));
    expect(assigned.rows[0].n).toBe(1);
  });
});

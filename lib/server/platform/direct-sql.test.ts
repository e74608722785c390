import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { testDatabase } from "@/tests/unit/test-database";
import { db } from "./db";
import { readRows, transactionRows, transactionWrite } from "./direct-sql";
import { connectedSqliteDatabase } from "@/lib/server-shared/platform/sqlite-connection";
import { isUniqueViolation, writeTransaction } from "./write-tx";

type Tx = Parameters<Parameters<typeof writeTransaction>[0]>[0];

function insertLog(tx: Tx, reviewId: string, userId: string, createdAt: Date) {
  return transactionWrite(
    tx,
    Prisma.sql`INSERT INTO "ReviewLog" ("reviewId", "userId", "cardId", "deckId", "concept", "variantSeed", "templateVersion", "grade", "reviewDay",
      "counted", "wasNew", "stateBefore", "stateAfter", "createdAt")
      VALUES (${reviewId}, ${userId}, 'c', 'd', 'k', ${4_294_967_295n}, 'v', 4, 20000, ${true}, ${false}, '{}', '{}', ${createdAt})`,
  );
}

async function newUser(): Promise<string> {
  const user = await db.user.create({ data: { email: `direct-${randomUUID().slice(0, 8)}@example.com`, name: "Direct", passwordHash: "x" } });
  return user.id;
}

describe(`direct SQL (SQLite: on the app's own connection; PostgreSQL: through $queryRaw), on ${testDatabase}`, () => {
  it.skipIf(testDatabase !== "sqlite")("uses the adapter's own better-sqlite3 handle (fails if an adapter upgrade hides it) [SQLite only]", async () => {
    await readRows(Prisma.sql`SELECT 1 AS "one"`);
    const handle = connectedSqliteDatabase();
    expect(handle).not.toBeNull();
    // The same connection as Prisma's: a temporary table made through Prisma is visible to it.
    await db.$executeRawUnsafe(`CREATE TEMP TABLE IF NOT EXISTS "direct_probe" ("x" INTEGER)`);
    expect(handle!.prepare(`SELECT COUNT(*) AS "n" FROM temp."direct_probe"`).get()).toEqual({ n: 0n });
  });

  it("binds dates, booleans and bigints exactly as Prisma does, so ORM reads of direct writes agree", async () => {
    const userId = await newUser();
    const createdAt = new Date("2026-03-02T09:08:07.006Z");
    const reviewId = `direct-${randomUUID()}`;
    expect(await writeTransaction((tx) => insertLog(tx, reviewId, userId, createdAt))).toBe(1);
    const viaOrm = await db.reviewLog.findUniqueOrThrow({ where: { reviewId } });
    expect(viaOrm.createdAt.toISOString()).toBe(createdAt.toISOString());
    expect(viaOrm.counted).toBe(true);
    expect(viaOrm.wasNew).toBe(false);
    expect(viaOrm.variantSeed).toBe(4_294_967_295n);
    // And a date written by the ORM compares correctly with a date bound directly.
    const rows = await readRows<{ n: unknown }>(Prisma.sql`SELECT COUNT(*) AS "n" FROM "ReviewLog" WHERE "reviewId" = ${reviewId} AND "createdAt" = ${createdAt}`);
    expect(Number(rows[0]?.n)).toBe(1);
  });

  it("runs inside the caller's transaction: a failed transaction leaves nothing of its direct writes", async () => {
    const userId = await newUser();
    const failed = writeTransaction(async (tx) => {
      await transactionWrite(tx, Prisma.sql`UPDATE "User" SET "name" = 'changed' WHERE "id" = ${userId}`);
      const seen = await transactionRows<{ name: string }>(tx, Prisma.sql`SELECT "name" FROM "User" WHERE "id" = ${userId}`);
      expect(seen[0]?.name).toBe("changed");
      throw new Error("roll back");
    });
    await expect(failed).rejects.toThrow("roll back");
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).name).toBe("Direct");
  });

  it("reports a duplicate key as a unique violation, the way the grade retry expects", async () => {
    const userId = await newUser();
    const reviewId = `direct-${randomUUID()}`;
    const insert = (tx: Tx) => insertLog(tx, reviewId, userId, new Date());
    await writeTransaction(insert);
    const error = await writeTransaction(insert).catch((caught: unknown) => caught);
    expect(isUniqueViolation(error)).toBe(true);
  });
});

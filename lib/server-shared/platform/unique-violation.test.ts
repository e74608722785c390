import { describe, expect, it } from "vitest";
import { isRetryableWriteConflict, isUniqueViolation } from "./unique-violation";

// The shapes as the drivers report them (the real ones are produced in direct-sql.test.ts and
// concurrency.test.ts on the database the tests run on); this table pins every path at once.
describe("recognising write conflicts from either driver", () => {
  it.each<[unknown, boolean, boolean, string]>([
    [{ code: "P2002" }, true, true, "Prisma model query, either database"],
    [{ code: "P2010", meta: { code: "23505" } }, true, true, "raw SQL on PostgreSQL"],
    [{ code: "P2010", meta: { code: "2067" } }, true, true, "raw SQL on SQLite (unique index)"],
    [{ code: "P2010", meta: { code: "1555" } }, true, true, "raw SQL on SQLite (primary key)"],
    [{ code: "SQLITE_CONSTRAINT_UNIQUE" }, true, true, "better-sqlite3 handle"],
    [{ code: "P2010", meta: { code: "40P01" } }, false, true, "deadlock on PostgreSQL"],
    [{ code: "P2010", meta: { code: "40001" } }, false, true, "serialization failure on PostgreSQL"],
    [{ code: "P2034" }, false, true, "Prisma's write conflict or deadlock"],
    [{ code: "P2010", meta: { code: "23503" } }, false, false, "a foreign key violation is a bug, not a race"],
    [{ code: "P2025" }, false, false, "record not found"],
    [new Error("boom"), false, false, "anything else"],
    [null, false, false, "not even an error"],
  ])("%j → unique %s, retryable %s (%s)", (error, unique, retryable) => {
    expect(isUniqueViolation(error)).toBe(unique);
    expect(isRetryableWriteConflict(error)).toBe(retryable);
  });
});

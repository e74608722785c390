import "server-only";
import { databaseKind } from "@/lib/server-shared/platform/database-url";
import { db } from "../platform/db";

/**
 * Failure injection for the data-layer tests: a trigger that makes the real database refuse inserts
 * into `table` whose `column` equals `value`, as a crash or a full disk would. Written once per
 * database (SQLite's RAISE(ABORT) in the trigger; PostgreSQL's trigger function raising an
 * exception). `name` must be a plain identifier; returns the function that removes the trigger.
 */
export async function failInsertsOf(table: string, column: string, value: string, name: string): Promise<() => Promise<void>> {
  if (!/^[A-Za-z0-9_-]+$/.test(name) || !/^[A-Za-z0-9_-]+$/.test(value)) throw new Error(`not a plain identifier: ${name} / ${value}`);
  if (databaseKind() === "postgresql") {
    await db.$executeRawUnsafe(`CREATE FUNCTION "${name}"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'simulated failure'; END $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER "${name}" BEFORE INSERT ON "${table}" FOR EACH ROW WHEN (NEW."${column}" = '${value}') EXECUTE FUNCTION "${name}"()`);
    return async () => {
      await db.$executeRawUnsafe(`DROP TRIGGER "${name}" ON "${table}"`);
      await db.$executeRawUnsafe(`DROP FUNCTION "${name}"()`);
    };
  }
  await db.$executeRawUnsafe(`CREATE TRIGGER "${name}" BEFORE INSERT ON "${table}" WHEN NEW."${column}" = '${value}' BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`);
  return async () => void (await db.$executeRawUnsafe(`DROP TRIGGER "${name}"`));
}

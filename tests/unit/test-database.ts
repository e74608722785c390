import { describe } from "vitest";
import { databaseKind } from "../../lib/server-shared/platform/database-url";

/**
 * The database the unit tests run on (tests/unit/database-global-setup.ts sets DATABASE_URL from
 * DEEPDRILL_TEST_DB). Tests of SQLite's own machinery (pragmas, the better-sqlite3 handle, the
 * kill -9 run) are marked with `describeSqliteOnly`: on PostgreSQL vitest lists them as skipped,
 * under a name that says why.
 */
export const testDatabase = databaseKind(process.env.DATABASE_URL ?? "file:");

export const describeSqliteOnly = (name: string, body: () => void) => describe.skipIf(testDatabase !== "sqlite")(`${name} [SQLite only]`, body);

/** Tests of what only PostgreSQL offers (several app instances on one database, LISTEN/NOTIFY). */
export const describePostgresqlOnly = (name: string, body: () => void) => describe.skipIf(testDatabase !== "postgresql")(`${name} [PostgreSQL only]`, body);

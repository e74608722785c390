import { execFileSync } from "node:child_process";
import path from "node:path";
import { createScratchDatabase, testDatabaseKind } from "../../lib/cli/scratch-database";

/**
 * Server tests run against a real database made from the committed migrations, removed afterwards:
 * SQLite in a scratch folder, or, with DEEPDRILL_TEST_DB=postgresql, a scratch database on the
 * PostgreSQL server (lib/cli/scratch-database.ts). Workers inherit DATABASE_URL.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const database = await createScratchDatabase(testDatabaseKind(), "unit");
  process.env.DATABASE_URL = database.url;
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: database.url }, stdio: "ignore" });
  return () => database.drop();
}

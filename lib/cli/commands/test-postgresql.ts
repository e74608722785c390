import { localBin, runToCompletion, say } from "../process";
import { postgresqlReachable, testPostgresqlServerUrl } from "../scratch-database";

/**
 * `npm run test:postgresql` (the last step of `npm test`): the database unit tests and the
 * end-to-end specs of the review loop, classes and exams again, on PostgreSQL
 * (DEEPDRILL_TEST_DB=postgresql; server DEEPDRILL_TEST_PG_URL). Everything else is the same on both
 * databases, and the SQLite-only tests say so in their names (tests/unit/test-database.ts).
 *
 * Without a reachable server it says so and passes, so that `npm test` works on a laptop without
 * PostgreSQL; CI sets DEEPDRILL_REQUIRE_POSTGRESQL=1 (.ci/run), and then a missing server fails.
 */
// lib/cli/migrations.test.ts checks both migration sets in the first pass already.
export const POSTGRESQL_UNIT_TESTS = ["lib/server", "lib/server-shared"];
export const POSTGRESQL_E2E_SPECS = ["tests/e2e/review.spec.ts", "tests/e2e/classes.spec.ts", "tests/e2e/exam.spec.ts"];

export async function run(): Promise<number> {
  const server = testPostgresqlServerUrl();
  if (!(await postgresqlReachable(server))) {
    const message = `no PostgreSQL answers at ${new URL(server).host} (DEEPDRILL_TEST_PG_URL)`;
    if (process.env.DEEPDRILL_REQUIRE_POSTGRESQL === "1") {
      say(`${message}, and DEEPDRILL_REQUIRE_POSTGRESQL=1: failing`);
      return 1;
    }
    say(`${message}: the PostgreSQL pass is SKIPPED (set DEEPDRILL_REQUIRE_POSTGRESQL=1 to make this a failure)`);
    return 0;
  }
  const env = { ...process.env, DEEPDRILL_TEST_DB: "postgresql" };
  say("PostgreSQL pass: database unit tests");
  await runToCompletion(localBin("vitest"), ["run", ...POSTGRESQL_UNIT_TESTS], { env });
  say("PostgreSQL pass: end-to-end specs of the review loop, classes and exams");
  await runToCompletion(process.execPath, [localBin("tsx"), "--conditions=react-server", "lib/cli/index.ts", "e2e", ...POSTGRESQL_E2E_SPECS], { env });
  return 0;
}

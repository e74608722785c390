/**
 * `deepdrill` command line: `npm run -s deepdrill -- <command> [args]`.
 * Contract (docs/architecture.md "Contracts"): JSON on stdout; exit 0 ok, 1 a check failed, 2 bad input (message on stderr).
 * Each command lives in its own file under ./commands and is loaded only when called, so that
 * `sm2` does not pay for TensorFlow.js and `params` does not pay for Prisma.
 */
import { runCommand, type CommandTable } from "./run-command";

const commands: CommandTable = {
  start: { summary: "migrate, load decks, build if needed, serve on PORT (3000)", load: () => import("./commands/start") },
  migrate: { summary: "apply the committed migrations to the database of DATABASE_URL (once per deployment)", load: () => import("./commands/migrate") },
  schema: { summary: "regenerate the PostgreSQL schema from prisma/schema.prisma and write its missing migrations (needs a PostgreSQL server)", load: () => import("./commands/schema") },
  build: { summary: "production build of the web app", load: () => import("./commands/build") },
  e2e: { summary: "end-to-end tests in Chromium against a production build", load: () => import("./commands/e2e") },
  backup: { summary: "backup [file]: consistent copy of the SQLite database while the app serves", load: () => import("./commands/backup") },
  restore: { summary: "restore <file> [--check]: check a backup and put it in place (app stopped)", load: () => import("./commands/restore") },
  "test-postgresql": { summary: "the database unit tests and the review, class and exam e2e specs on PostgreSQL (skipped without a server)", load: () => import("./commands/test-postgresql") },
  users: { summary: "users promote <email> | users demote <email>", load: () => import("./commands/users") },
  decks: { summary: "decks check [dir] | decks test [--variants N] [--json] [dir]: validate decks, run the question harness", load: () => import("./commands/decks") },
  sm2: { summary: "sm2 <grades> [<grades> ...]: SM-2 states after each grade, e.g. sm2 5,4,3,0,5", load: () => import("./commands/sm2") },
  datasets: { summary: "build public/datasets/ (MNIST binary, Hitters and NYSE CSVs) [--force] [--check]", load: () => import("./commands/datasets") },
  params: { summary: "params [file|-]: parameter counts of a spec (or a JSON/YAML array of specs), verified by tfjs", load: () => import("./commands/params") },
};

void runCommand(commands, process.argv.slice(2));

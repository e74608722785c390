import { copyFileSync, existsSync, mkdirSync, renameSync } from "node:fs";
import path from "node:path";
import { PARTIAL_SUFFIX, backupFileName, fsyncPath, summarizeSqliteFile, type DatabaseSummary } from "../../server-shared/operations/backup";
import { databaseKind, databaseUrl } from "../../server-shared/platform/database-url";
import { codeMigrations } from "../../server-shared/operations/migration-level";
import { servingProcess } from "../../server-shared/operations/serving-mark";
import { EXIT_CHECK_FAILED, UsageError, printJson } from "../run-command";
import { say } from "../process";

const USAGE = "usage: restore <file> [--check]";

/** Why a backup cannot be restored by this code, or null when it can. */
function refusal(summary: DatabaseSummary, migrations: readonly string[]): string | null {
  if (summary.integrity !== "ok") return `the file fails SQLite's integrity check: ${summary.integrity}`;
  if (!summary.migration) return "the file has no migration record: it is not a DeepDrill database";
  if (!migrations.includes(summary.migration)) return `the file is at migration ${summary.migration}, which this code does not know (a backup from newer code?)`;
  return null;
}

function summaryOf(file: string): DatabaseSummary {
  try {
    return summarizeSqliteFile(file);
  } catch (error) {
    // Not a database at all, or not ours (no User table…): the same verdict for the operator.
    const message = error instanceof Error ? error.message : String(error);
    return { integrity: `cannot read it as a DeepDrill database (${message})`, migration: null, users: 0, decks: 0, reviews: 0, lastReviewAt: null };
  }
}

/**
 * `deepdrill restore <file>`: checks a backup (integrity, migration level, what it holds) and puts it
 * in place of the database of a stopped installation. The database it replaces is kept beside it,
 * renamed `<db>.before-restore-<time>` (with its -wal and -shm files, which belong to it and must not
 * be applied to the restored file). `--check` only checks and summarises.
 */
export async function run(args: string[]): Promise<number> {
  const check = args.includes("--check");
  const files = args.filter((arg) => arg !== "--check");
  if (files.length !== 1 || files[0]!.startsWith("-")) throw new UsageError(USAGE);
  const url = databaseUrl();
  if (databaseKind(url) === "postgresql") {
    throw new UsageError('on PostgreSQL restore a pg_dump file with pg_restore: pg_restore --clean --if-exists --dbname "$DATABASE_URL" deepdrill.dump');
  }
  const source = path.resolve(files[0]!);
  if (!existsSync(source)) throw new UsageError(`no such file: ${source}`);
  if (source.endsWith(PARTIAL_SUFFIX)) throw new UsageError(`${source} is an unfinished backup (its copy was interrupted): use a complete one`);

  const migrations = codeMigrations();
  const summary = summaryOf(source);
  const why = refusal(summary, migrations);
  const behind = summary.migration !== null && summary.migration !== migrations.at(-1);
  const report = { file: source, ...summary, codeMigration: migrations.at(-1) ?? null, migratesOnStart: behind };
  if (why) {
    printJson({ ...report, restored: false });
    process.stderr.write(`deepdrill restore: ${why}\n`);
    return EXIT_CHECK_FAILED;
  }
  if (check) {
    printJson({ ...report, restored: false });
    return 0;
  }

  const live = path.resolve(url.replace(/^file:/, ""));
  const serving = servingProcess(live);
  if (serving) throw new UsageError(`the app is serving this database (process ${serving.pid}, port ${serving.port}): stop it first`);
  mkdirSync(path.dirname(live), { recursive: true });
  let keptAs: string | null = null;
  if (existsSync(live)) {
    keptAs = `${live}.before-restore-${backupFileName(new Date()).replace(/^deepdrill-|\.db$/g, "")}`;
    for (const suffix of ["-wal", "-shm"]) if (existsSync(`${live}${suffix}`)) renameSync(`${live}${suffix}`, `${keptAs}${suffix}`);
    renameSync(live, keptAs);
  }
  const incoming = `${live}${PARTIAL_SUFFIX}`;
  copyFileSync(source, incoming);
  fsyncPath(incoming);
  renameSync(incoming, live);
  fsyncPath(path.dirname(live));
  if (behind) say(`the restored database is at ${summary.migration}; the next start migrates it to ${migrations.at(-1)}`);
  printJson({ ...report, restored: true, database: live, previousDatabaseKeptAs: keptAs });
  return 0;
}

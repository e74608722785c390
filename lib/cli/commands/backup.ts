import path from "node:path";
import { backupFileName, backupSqliteFile } from "../../server-shared/operations/backup";
import { recordGoodBackup } from "../../server-shared/operations/backup-status";
import { databaseKind, databaseUrl, dataDir } from "../../server-shared/platform/database-url";
import { UsageError, printJson } from "../run-command";

/**
 * `deepdrill backup [file]`: a consistent copy of the SQLite database while the app serves
 * (default: data/backups/deepdrill-<UTC time>.db). PostgreSQL has its own tool: the command says
 * which and exits 2.
 */
export async function run(args: string[]): Promise<number> {
  if (args.length > 1 || args[0]?.startsWith("-")) throw new UsageError("usage: backup [file]");
  const url = databaseUrl();
  if (databaseKind(url) === "postgresql") {
    throw new UsageError(`on PostgreSQL use pg_dump: pg_dump --format=custom --file=deepdrill.dump "$DATABASE_URL" (restore with pg_restore --clean --dbname "$DATABASE_URL" deepdrill.dump)`);
  }
  const target = path.resolve(args[0] ?? path.join(dataDir, "backups", backupFileName(new Date())));
  const live = path.resolve(url.replace(/^file:/, ""));
  if (target === live || target.startsWith(`${live}-`)) throw new UsageError(`${target} is the live database: name another file`);
  const { mkdirSync } = await import("node:fs");
  mkdirSync(path.dirname(target), { recursive: true });
  const bytes = await backupSqliteFile(live, target);
  const finishedAt = new Date().toISOString();
  recordGoodBackup(live, { file: target, finishedAt, bytes });
  printJson({ file: target, bytes, finishedAt });
  return 0;
}

// Deliberately free of "server-only": prisma.config.ts and the CLI read it too.
import path from "node:path";

/**
 * Root of the project. npm scripts, `next start` and the CLI all run from the package root,
 * and Next.js bundles make `__dirname` meaningless, so the working directory is the anchor.
 */
export const projectRoot = process.env.DEEPDRILL_ROOT ?? process.cwd();

/** Folder for the embedded database and the generated secret (git-ignored). */
export const dataDir = path.join(projectRoot, "data");

/** SQLite file used when DATABASE_URL is unset. */
export const defaultDatabaseFile = path.join(dataDir, "deepdrill.db");

/**
 * The database URL: DATABASE_URL if set (`file:…` for SQLite, `postgres://…` for PostgreSQL),
 * else the embedded SQLite file.
 */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.DATABASE_URL?.trim();
  return fromEnv ? fromEnv : `file:${defaultDatabaseFile}`;
}

export function databaseKind(url: string = databaseUrl()): "sqlite" | "postgresql" {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgresql" : "sqlite";
}

import path from "node:path";
import { projectRoot } from "../server-shared/platform/database-url";

/**
 * The PostgreSQL schema is generated from the one source schema (prisma/schema.prisma, SQLite):
 * Prisma 6.19's generated client embeds its provider (the query compiler is built per provider and
 * a driver adapter of another provider is refused), so the PostgreSQL client is a second client
 * generated from a second schema. The models are portable (docs/architecture.md, "Databases"), so
 * the only differences are the provider, the client's output folder and the placeholder URL.
 */
export const sourceSchemaPath = path.join(projectRoot, "prisma", "schema.prisma");
export const postgresqlDir = path.join(projectRoot, "prisma", "postgresql");
export const postgresqlSchemaPath = path.join(postgresqlDir, "schema.prisma");
export const sqliteMigrationsDir = path.join(projectRoot, "prisma", "migrations");
export const postgresqlMigrationsDir = path.join(postgresqlDir, "migrations");

const GENERATED_HEADER = [
  "// GENERATED from prisma/schema.prisma by `npm run -s deepdrill -- schema`: do not edit by hand.",
  "// The PostgreSQL twin of the SQLite schema (see docs/architecture.md, \"Databases\").",
].join("\n");

function replaceOnce(text: string, pattern: RegExp, replacement: string, what: string): string {
  const matches = text.match(new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`));
  if (!matches || matches.length !== 1) throw new Error(`prisma/schema.prisma: expected exactly one ${what}, found ${matches?.length ?? 0}`);
  return text.replace(pattern, replacement);
}

/** The PostgreSQL schema text for a SQLite source schema text. */
export function postgresqlSchemaFrom(sqliteSchema: string): string {
  let schema = replaceOnce(sqliteSchema, /provider\s*=\s*"sqlite"/, 'provider = "postgresql"', 'provider = "sqlite"');
  // The schema sits one folder deeper, and its client goes beside the SQLite one.
  schema = replaceOnce(schema, /output\s*=\s*"\.\.\/lib\/generated\/prisma"/, 'output     = "../../lib/generated/prisma-pg"', "client output");
  // Never used (the driver adapter's URL is), but `generate` wants a URL of the provider's kind.
  schema = replaceOnce(schema, /url\s*=\s*"file:[^"]*"/, 'url      = "postgresql://localhost:5432/deepdrill"', "datasource url");
  return `${GENERATED_HEADER}\n${schema}`;
}

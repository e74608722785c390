import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { committedMigrations } from "../migration-state";
import { localBin, say } from "../process";
import { postgresqlMigrationsDir, postgresqlSchemaFrom, postgresqlSchemaPath, sourceSchemaPath, sqliteMigrationsDir } from "../postgresql-schema";
import { createScratchDatabase } from "../scratch-database";

/**
 * `deepdrill schema`: after a change to prisma/schema.prisma and its new SQLite migration
 * (README, "Changing the database schema"), regenerate the PostgreSQL twin of the schema and write
 * the PostgreSQL migration of every SQLite migration folder that has none yet, under the same name:
 * the difference between what the PostgreSQL migrations so far produce and the new schema. Prisma
 * computes it in a scratch database (a "shadow database"), so this needs a PostgreSQL server
 * (DEEPDRILL_TEST_PG_URL, default postgresql://postgres@127.0.0.1:5432/postgres).
 * Prints {"schema": path, "migrations": [written folder names]}.
 */
export async function run(): Promise<number> {
  writeFileSync(postgresqlSchemaPath, postgresqlSchemaFrom(readFileSync(sourceSchemaPath, "utf8")));
  const have = new Set(committedMigrations(postgresqlMigrationsDir));
  const baseline = [...have].sort()[0] ?? "";
  const missing = committedMigrations(sqliteMigrationsDir).filter((name) => name >= baseline && !have.has(name));
  if (missing.length > 1) say(`several SQLite migrations lack a PostgreSQL twin (${missing.join(", ")}): their whole difference goes into the last one`);
  const written: string[] = [];
  const target = missing.at(-1);
  if (target) {
    const scratch = await createScratchDatabase("postgresql", "schema");
    try {
      const sql = execFileSync(
        localBin("prisma"),
        ["migrate", "diff", "--from-migrations", postgresqlMigrationsDir, "--to-schema-datamodel", postgresqlSchemaPath, "--script"],
        { env: { ...process.env, DATABASE_URL: scratch.url }, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
      );
      // Earlier missing folders get a placeholder, so the two sets keep the same names (the check in
      // lib/cli/migrations.test.ts): Prisma computes one difference, not one per step.
      for (const name of missing) {
        const text = name === target ? sql : `-- The PostgreSQL form of this migration is part of ${target} (written together by \`deepdrill schema\`).\n`;
        mkdirSync(path.join(postgresqlMigrationsDir, name), { recursive: true });
        writeFileSync(path.join(postgresqlMigrationsDir, name, "migration.sql"), text);
        written.push(name);
      }
    } finally {
      await scratch.drop();
    }
  }
  process.stdout.write(`${JSON.stringify({ schema: path.relative(process.cwd(), postgresqlSchemaPath), migrations: written })}\n`);
  return 0;
}

import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { committedMigrations } from "./migration-state";
import { postgresqlMigrationsDir, postgresqlSchemaFrom, postgresqlSchemaPath, sourceSchemaPath, sqliteMigrationsDir } from "./postgresql-schema";
import { createScratchDatabase, postgresqlReachable, testPostgresqlServerUrl, type ScratchDatabase } from "./scratch-database";

/**
 * The two migration sets and the two schemas stay in step: the PostgreSQL schema is exactly the one
 * generated from the SQLite source, both migration sets have the same folders from the PostgreSQL
 * baseline on, and applying each set to an empty database gives its provider's current schema.
 */

const prisma = path.resolve("node_modules/.bin/prisma");
const scratches: ScratchDatabase[] = [];
afterAll(async () => {
  for (const scratch of scratches) await scratch.drop();
});

// CI sets DEEPDRILL_REQUIRE_POSTGRESQL=1: there a missing server is a failure, not a skipped check.
const postgresqlUp = await postgresqlReachable(testPostgresqlServerUrl());
const requirePostgresql = process.env.DEEPDRILL_REQUIRE_POSTGRESQL === "1";

describe("the PostgreSQL schema and migrations", () => {
  it("the committed PostgreSQL schema is the one generated from prisma/schema.prisma (run `deepdrill schema`)", () => {
    expect(readFileSync(postgresqlSchemaPath, "utf8")).toBe(postgresqlSchemaFrom(readFileSync(sourceSchemaPath, "utf8")));
  });

  it("every SQLite migration from the PostgreSQL baseline on has a PostgreSQL migration of the same name, and back", () => {
    const postgresql = committedMigrations(postgresqlMigrationsDir);
    const baseline = postgresql[0];
    expect(baseline).toBeDefined();
    expect(committedMigrations(sqliteMigrationsDir).filter((name) => name >= baseline!)).toEqual(postgresql);
  });
});

/** Tables, columns, indexes and foreign keys of a SQLite file, read from the catalogue, in order. */
function sqliteStructure(file: string): unknown {
  const sqlite = new Database(file, { readonly: true });
  try {
    const tables = (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name`).all() as Array<{ name: string }>).map((row) => row.name);
    return tables.map((table) => ({
      table,
      columns: sqlite.prepare(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?) ORDER BY name`).all(table),
      indexes: (sqlite.prepare(`SELECT name, "unique" FROM pragma_index_list(?) ORDER BY name`).all(table) as Array<{ name: string; unique: number }>).map((index) => ({
        ...index,
        columns: sqlite.prepare(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`).all(index.name),
      })),
      foreignKeys: sqlite.prepare(`SELECT "table", "from", "to", on_update, on_delete FROM pragma_foreign_key_list(?) ORDER BY "from"`).all(table),
    }));
  } finally {
    sqlite.close();
  }
}

describe("applying each migration set gives the current schema", () => {
  it("SQLite: prisma/migrations, applied in order, build the same tables, columns, indexes and keys as prisma/schema.prisma", async () => {
    const migrated = await createScratchDatabase("sqlite", "migrated");
    const direct = await createScratchDatabase("sqlite", "direct");
    scratches.push(migrated, direct);
    execFileSync(prisma, ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: migrated.url }, stdio: "ignore" });
    const script = execFileSync(prisma, ["migrate", "diff", "--from-empty", "--to-schema-datamodel", sourceSchemaPath, "--script"], {
      env: { ...process.env, DATABASE_URL: direct.url },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    const fromSchema = new Database(direct.url.replace(/^file:/, ""));
    fromSchema.exec(script);
    fromSchema.close();
    const expected = sqliteStructure(direct.url.replace(/^file:/, ""));
    expect((expected as unknown[]).length).toBeGreaterThan(10);
    expect(sqliteStructure(migrated.url.replace(/^file:/, ""))).toEqual(expected);
  });

  it.skipIf(!postgresqlUp && !requirePostgresql)("PostgreSQL: prisma/postgresql/migrations, applied in a shadow database, differ in nothing from its schema [needs a PostgreSQL server]", async () => {
    expect(postgresqlUp).toBe(true);
    const scratch = await createScratchDatabase("postgresql", "migrations");
    scratches.push(scratch);
    const diff = spawnSync(prisma, ["migrate", "diff", "--from-migrations", postgresqlMigrationsDir, "--to-schema-datamodel", postgresqlSchemaPath, "--exit-code"], {
      env: { ...process.env, DATABASE_URL: scratch.url },
      encoding: "utf8",
    });
    // --exit-code: 0 no difference, 2 a difference (printed), 1 an error.
    expect(`${diff.status} ${diff.stdout}`).toBe(`0 ${diff.stdout}`);
    expect(diff.stdout).toContain("No difference detected");
  });
});

import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseKind, databaseUrl } from "./lib/server-shared/platform/database-url";
import { postgresqlMigrationAdapter } from "./lib/server-shared/platform/postgresql-connection";

// Migrations run through Prisma's WebAssembly schema engine with a driver adapter, so nothing is
// downloaded (Prisma 7's native engine cannot be fetched on these machines). DATABASE_URL picks the
// database and with it the schema: prisma/schema.prisma (SQLite, the source) or its generated
// PostgreSQL twin in prisma/postgresql/, each with its own migrations folder beside it.
const url = databaseUrl();
const postgresql = databaseKind(url) === "postgresql";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: postgresql ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
  adapter: async () => (postgresql ? postgresqlMigrationAdapter(url) : new PrismaBetterSQLite3({ url })),
});

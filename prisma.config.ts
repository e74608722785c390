import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseUrl } from "./lib/server/database-url";

// Migrations run through Prisma's WebAssembly schema engine with the better-sqlite3 adapter,
// so nothing is downloaded (Prisma 7's native engine cannot be fetched on these machines).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  adapter: async () => new PrismaBetterSQLite3({ url: databaseUrl() }),
});

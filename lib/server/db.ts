import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseKind, databaseUrl } from "./database-url";

/**
 * The single Prisma client (create-t3-app style): cached on globalThis so that development
 * reloads do not open a new connection per edit.
 */
const globalForPrisma = globalThis as unknown as { deepdrillPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const url = databaseUrl();
  if (databaseKind(url) === "postgresql") {
    // The PostgreSQL path needs a schema generated with provider "postgresql" and @prisma/adapter-pg
    // (README, "PostgreSQL"); the SQLite-generated client cannot talk to it.
    throw new Error("DATABASE_URL points at PostgreSQL: generate the client with the postgresql schema first (see README).");
  }
  // busy timeout: writers wait for each other instead of failing with SQLITE_BUSY under load.
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 10_000 }) });
}

export const db: PrismaClient = globalForPrisma.deepdrillPrisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.deepdrillPrisma = db;

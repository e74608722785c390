import "server-only";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseKind, databaseUrl } from "./database-url";
import { sqliteAdapter } from "./sqlite-connection";

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
  // The adapter sets the connection's durability level as it connects (sqlite-connection.ts).
  return new PrismaClient({ adapter: sqliteAdapter(url) });
}

export const db: PrismaClient = globalForPrisma.deepdrillPrisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.deepdrillPrisma = db;

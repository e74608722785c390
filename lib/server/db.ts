import "server-only";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseKind, databaseUrl } from "./database-url";
import { processShared } from "./process-shared";
import { sqliteAdapter } from "./sqlite-connection";

/**
 * The single Prisma client of the process (process-shared.ts): one SQLite connection for pages and
 * route handlers alike, so that writes never wait on another connection of the same process, and
 * development reloads do not open a new connection per edit.
 */

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

export const db: PrismaClient = processShared("prisma", createClient);

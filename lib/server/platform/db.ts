import "server-only";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresqlPrismaClient } from "@/lib/generated/prisma-pg/client";
import { startCacheListener } from "@/lib/server-shared/platform/cache-invalidation";
import { databaseKind, databaseUrl } from "@/lib/server-shared/platform/database-url";
import { postgresqlAdapter } from "@/lib/server-shared/platform/postgresql-connection";
import { processShared } from "@/lib/server-shared/platform/process-shared";
import { sqliteAdapter } from "@/lib/server-shared/platform/sqlite-connection";

/**
 * The single Prisma client of the process (process-shared.ts): one SQLite connection (or one
 * PostgreSQL pool) for pages and route handlers alike, so that writes never wait on another
 * connection of the same process, and development reloads do not open a new connection per edit.
 *
 * DATABASE_URL chooses the database at run time. Prisma 6.19 builds a client per provider (it
 * refuses a driver adapter of another provider), so PostgreSQL gets the client generated from the
 * PostgreSQL twin of the schema (prisma/postgresql/schema.prisma, generated from the SQLite source
 * with the same models). The two clients have the same models, fields and methods; the rest of the
 * code is typed against the SQLite one, and lib/server/db-clients.test.ts runs the data layer on both.
 */
function createClient(): PrismaClient {
  const url = databaseUrl();
  if (databaseKind(url) === "postgresql") {
    // Other instances' cache announcements arrive from the start (cache-invalidation.ts).
    startCacheListener(url)?.catch((error: unknown) => console.error("[deepdrill] cache listener: could not LISTEN; caches expire by age only until it can", error));
    return new PostgresqlPrismaClient({ adapter: postgresqlAdapter(url) }) as unknown as PrismaClient;
  }
  // The adapter sets the connection's durability level as it connects (sqlite-connection.ts).
  return new PrismaClient({ adapter: sqliteAdapter(url) });
}

export const db: PrismaClient = processShared("prisma", createClient);

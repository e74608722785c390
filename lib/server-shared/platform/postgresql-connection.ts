// Deliberately free of "server-only": prisma.config.ts (migrations) and the CLI use it too.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

/**
 * Connections to PostgreSQL through `@prisma/adapter-pg` (a `pg.Pool` per process).
 *
 * Pool size: every request holds a connection only for the length of a query or a transaction,
 * and PostgreSQL's own limit (100 by default) is shared by every instance of the app, so a
 * modest pool per instance (DEEPDRILL_PG_POOL_SIZE, default 10) leaves room for several.
 */
export function postgresqlPoolSize(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const wanted = Number(env.DEEPDRILL_PG_POOL_SIZE);
  return Number.isInteger(wanted) && wanted > 0 ? wanted : 10;
}

/** The driver adapter the app queries through. */
export function postgresqlAdapter(url: string): PrismaPg {
  return new PrismaPg({ connectionString: url, max: postgresqlPoolSize() });
}

// PostgreSQL type ids: "char" (18) and name (19) come back from the catalogue queries of Prisma's
// migration engine; text is 25.
const PG_CHAR = 18;
const PG_NAME = 19;
const PG_TEXT = 25;

interface FieldsCarrier {
  fields?: Array<{ dataTypeID: number }>;
}

function reportNamesAsText<T>(result: T): T {
  for (const field of (result as FieldsCarrier | undefined)?.fields ?? []) {
    if (field.dataTypeID === PG_CHAR || field.dataTypeID === PG_NAME) field.dataTypeID = PG_TEXT;
  }
  return result;
}

type Callback = (error: Error | null, result: unknown) => void;

/**
 * A `pg.Client` whose results report the column types "char" and name as text.
 *
 * Why: Prisma 6.19's migration engine, driven through `@prisma/adapter-pg`, reads the catalogue
 * (`pg_namespace.nspname`, `pg_class.relkind`, …) and fails with "Column type 'name' could not be
 * deserialized from the database" (prisma/orm#27403, open): the adapter has no mapping for those
 * two types. Their values arrive as strings anyway, so calling them text is exact. Only migrations
 * use this client; the app's queries never read catalogue columns.
 */
export class CatalogueTextClient extends pg.Client {
  override query(...args: unknown[]): never {
    const last = args.at(-1);
    const run = super.query as unknown as (...queryArgs: unknown[]) => unknown;
    if (typeof last === "function") {
      const callback = last as Callback;
      return run.apply(this, [...args.slice(0, -1), (error: Error | null, result: unknown) => callback(error, error ? result : reportNamesAsText(result))]) as never;
    }
    const outcome = run.apply(this, args);
    if (outcome instanceof Promise) return outcome.then(reportNamesAsText) as never;
    return outcome as never; // a Submittable (cursor, stream): passed through untouched
  }
}

/** The driver adapter Prisma's migration engine uses (prisma.config.ts). */
export function postgresqlMigrationAdapter(url: string): PrismaPg {
  return new PrismaPg({ connectionString: url, max: 2, Client: CatalogueTextClient });
}

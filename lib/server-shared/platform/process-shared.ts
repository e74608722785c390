// Deliberately free of "server-only": sqlite-connection.ts uses it, and benchmarks import that.

/**
 * One value per server process, shared by every copy of the module that asks for it.
 *
 * Why: Next's production build bundles route handlers and pages apart, and each bundle gets its
 * own copy of every lib/server module (seen in .next/server/chunks: db.ts is in both). Module-level
 * state is then per bundle: a cache cleared by a route handler (a class join, a publish) stayed
 * stale for the pages, and each bundle opened its own database connection. State that must be one
 * per process lives on globalThis under a "deepdrill:" key instead.
 */
export function processShared<T>(key: string, create: () => T): T {
  const store = globalThis as unknown as Record<string, unknown>;
  const slot = `deepdrill:${key}`;
  if (!(slot in store)) store[slot] = create();
  return store[slot] as T;
}

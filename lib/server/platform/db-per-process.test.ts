import { afterAll, expect, it, vi } from "vitest";

// Nothing of the app is imported before this test runs: as in `next start`, the first copy of db.ts
// is loaded in production mode, and so is the second (another bundle's copy, process-shared.ts).
afterAll(() => vi.unstubAllEnvs());

it("gives every copy of db.ts the same Prisma client in production: one SQLite connection per process", async () => {
  vi.stubEnv("NODE_ENV", "production");
  vi.resetModules();
  const first = await import("./db");
  vi.resetModules();
  const second = await import("./db");
  expect(second.db).toBe(first.db);
});

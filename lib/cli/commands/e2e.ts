import { spawn } from "node:child_process";
import { freePort } from "../free-port";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { ensureChromium } from "../chromium";
import { localBin, runToCompletion, say } from "../process";
import { projectRoot } from "../../server-shared/platform/database-url";
import { createScratchDatabase, testDatabaseKind } from "../scratch-database";

async function waitForHealth(baseUrl: string, server: { exitCode: number | null }, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the app exited with code ${server.exitCode} before it was ready`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the app did not answer ${baseUrl}/api/health within ${timeoutMs / 1000} s`);
}

/**
 * `npm run test:e2e`: Playwright specs in real Chromium against the production app, started
 * exactly as `npm start` starts it but with a throwaway database and secret: SQLite, or a scratch
 * PostgreSQL database with DEEPDRILL_TEST_DB=postgresql (lib/cli/scratch-database.ts).
 */
export async function run(args: string[]): Promise<number> {
  const chromium = ensureChromium();
  const database = await createScratchDatabase(testDatabaseKind(), "e2e");
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: baseUrl,
    E2E_BASE_URL: baseUrl,
    CHROMIUM_PATH: chromium,
    // Every browser in the suite registers from 127.0.0.1; the per-address limit has its own tests.
    DEEPDRILL_REGISTRATIONS_PER_HOUR: "10000",
  };
  say(`end-to-end: Chromium ${chromium}, app on ${baseUrl}, ${database.kind} database ${database.kind === "sqlite" ? database.url : "(scratch)"}`);
  // DEEPDRILL_E2E_FROM_BACKUP=<file>: run the specs against a restored backup instead of an empty
  // database, the way an operator's restore would leave it (README, "Running it").
  const backup = process.env.DEEPDRILL_E2E_FROM_BACKUP?.trim();
  if (backup) {
    if (database.kind !== "sqlite") throw new Error("DEEPDRILL_E2E_FROM_BACKUP restores SQLite backups; on PostgreSQL use pg_restore");
    say(`restoring ${backup} into the throwaway database`);
    try {
      await runToCompletion(process.execPath, [localBin("tsx"), "--conditions=react-server", path.join(projectRoot, "lib/cli/index.ts"), "restore", path.resolve(backup)], { env, stdio: ["ignore", "ignore", "inherit"] });
    } catch (error) {
      await database.drop();
      throw error;
    }
  }
  const server = spawn(process.execPath, [localBin("tsx"), "--conditions=react-server", path.join(projectRoot, "lib/cli/index.ts"), "start"], {
    env,
    stdio: ["ignore", "inherit", "inherit"],
    cwd: projectRoot,
  });
  try {
    await waitForHealth(baseUrl, server, 15 * 60_000);
    await runToCompletion(localBin("playwright"), ["test", ...args], { env });
    return 0;
  } catch (error) {
    say((error as Error).message);
    return 1;
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 500));
    await database.drop();
  }
}

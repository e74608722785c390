/**
 * What the browser benchmarks share: the production app on a free port with a throwaway database
 * (built first when the sources changed, as `npm run test:e2e` does), and Chromium's flags here.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { freePort } from "../lib/cli/free-port";
import os from "node:os";
import path from "node:path";
import { LOOPBACK_CLIENTS_ENV } from "../tests/reliability/server-process";

export const root = path.resolve(import.meta.dirname, "..");
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

async function waitForHealth(baseUrl: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the app exited with code ${server.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the app did not answer ${baseUrl}/api/health in time`);
}

/** The production app on a free port with a throwaway database (builds first when the sources changed). */
export async function startApp(): Promise<{ baseUrl: string; stop(): Promise<void> }> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "deepdrill-bench-browser-"));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [path.join(root, "node_modules/.bin/tsx"), "--conditions=react-server", path.join(root, "lib/cli/index.ts"), "start"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: `file:${path.join(scratch, "bench.db")}`,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: baseUrl,
      ...LOOPBACK_CLIENTS_ENV,
    },
  });
  await waitForHealth(baseUrl, server, 15 * 60_000);
  return {
    baseUrl,
    async stop() {
      server.kill("SIGTERM");
      await new Promise((resolve) => setTimeout(resolve, 500));
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}


import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { freePort } from "../../lib/cli/free-port";

export { freePort };

/**
 * Starts the production app the way `npm start` does (migrate, load content, build when stale,
 * serve through lib/cli/serve.ts), in its own process group so that it can be killed hard (`kill -9` of the whole
 * server, not just the launcher).
 */

/**
 * Every client of a load test or benchmark registers from 127.0.0.1, so the per-address
 * registration limit (lib/server/accounts/register-throttle.ts, tested on its own) is lifted here.
 */
export const LOOPBACK_CLIENTS_ENV = { DEEPDRILL_REGISTRATIONS_PER_HOUR: "100000" } as const;

export interface ServerHandle {
  baseUrl: string;
  process: ChildProcess;
  /** Everything the server printed (for failure messages). */
  output(): string;
  /** SIGKILL to the whole process group: no shutdown code runs. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

export interface ServerOptions {
  root: string;
  port: number;
  databaseFile: string;
  /** A database URL instead of the file (a scratch PostgreSQL database, bench/review-load.ts). */
  databaseUrl?: string;
  secret: string;
  /** How long to wait for /api/health (a stale build is rebuilt first, which takes minutes). */
  readyTimeoutMs?: number;
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once("exit", () => resolve()));
}

/**
 * Starts the server; when another `next build` is running in this tree (the production build is
 * shared), waits for it and tries again: after it, the build is usually up to date.
 */
export async function startServer(options: ServerOptions): Promise<ServerHandle> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startServerOnce(options);
    } catch (error) {
      const busy = error instanceof Error && error.message.includes("Another next build process is already running");
      if (!busy || attempt >= 20) throw error;
      process.stderr.write(`[server] another build is running in this tree; retrying in 15 s (attempt ${attempt})\n`);
      await new Promise((resolve) => setTimeout(resolve, 15_000));
    }
  }
}

async function startServerOnce(options: ServerOptions): Promise<ServerHandle> {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(options.port),
    DATABASE_URL: options.databaseUrl ?? `file:${options.databaseFile}`,
    NEXTAUTH_SECRET: options.secret,
    NEXTAUTH_URL: baseUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    ...LOOPBACK_CLIENTS_ENV,
  };
  const tsx = path.join(options.root, "node_modules", ".bin", "tsx");
  const child = spawn(process.execPath, [tsx, "--conditions=react-server", path.join(options.root, "lib/cli/index.ts"), "start"], {
    cwd: options.root,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const group = child.pid;
  if (group === undefined) throw new Error("the server did not start");
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-group, signal);
    } catch {
      // already gone
    }
  };
  // A server must never outlive the process that started it (a timed-out test, a Ctrl-C).
  const cleanUp = () => signalGroup("SIGKILL");
  const onSignal = () => {
    cleanUp();
    process.exit(130);
  };
  process.once("exit", cleanUp);
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  // Listeners go with the child: a retried start or many servers in one run must not pile them up.
  child.once("exit", () => {
    process.removeListener("exit", cleanUp);
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
  });
  const handle: ServerHandle = {
    baseUrl,
    process: child,
    output: () => log,
    async kill9() {
      signalGroup("SIGKILL");
      await exited(child);
    },
    async stop() {
      signalGroup("SIGTERM");
      const timer = setTimeout(() => signalGroup("SIGKILL"), 5_000);
      await exited(child);
      clearTimeout(timer);
    },
  };
  const deadline = Date.now() + (options.readyTimeoutMs ?? 15 * 60_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${log}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return handle;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await handle.stop();
  throw new Error(`the server did not answer ${baseUrl}/api/health in time:\n${log}`);
}

/**
 * The production HTTP server of `npm start`: Next's request handler behind a plain Node server, so
 * that every request ends in one JSON log line (lib/server-shared/operations/request-log.ts) with its status and
 * duration, which neither Next's proxy (it never sees the response) nor instrumentation (errors
 * only) can give. Run as its own process by commands/start.ts, without the react-server condition
 * (Next resolves React itself, as `next start` does).
 *
 *   tsx lib/cli/serve.ts <port>
 */
import { createServer, type IncomingMessage } from "node:http";
import next from "next";
import { getToken } from "next-auth/jwt";
import { logLine, requestLogLine, routeOf } from "../server-shared/operations/request-log";
import { projectRoot } from "../server-shared/platform/database-url";

/** Next's own build output, fetched immutably by browsers: logging each would bury the requests. */
const QUIET_PREFIX = "/_next/static/";

function cookiesOf(request: IncomingMessage): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const pair of (request.headers.cookie ?? "").split(";")) {
    const at = pair.indexOf("=");
    if (at > 0) cookies[pair.slice(0, at).trim()] = decodeURIComponent(pair.slice(at + 1).trim());
  }
  return cookies;
}

/** The signed-in user's id from the session token (verified with the secret), or null. */
async function userIdOf(request: IncomingMessage, secret: string): Promise<string | null> {
  if (!request.headers.cookie?.includes("next-auth.session-token")) return null;
  try {
    const token = await getToken({ req: { headers: request.headers, cookies: cookiesOf(request) } as never, secret });
    return typeof token?.sub === "string" ? token.sub : null;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 3000);
  const secret = process.env.NEXTAUTH_SECRET ?? "";
  const app = next({ dev: false, dir: projectRoot, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((request, response) => {
    const started = performance.now();
    const target = request.url ?? "/";
    if (!target.startsWith(QUIET_PREFIX)) {
      const user = userIdOf(request, secret);
      response.once("close", () => {
        const ms = performance.now() - started;
        const status = response.writableFinished ? response.statusCode : 499; // 499: the client went away first
        void user.then((userId) => process.stdout.write(requestLogLine({ method: request.method ?? "GET", route: routeOf(target), status, ms, userId })));
      });
    }
    void handle(request, response);
  });
  server.listen(port, () => process.stdout.write(logLine("listening", { port })));
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      server.close(() => process.exit(0));
      setTimeout(() => process.exit(0), 5_000).unref(); // a client holding a connection open
    });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${logLine("fatal", { error: error instanceof Error ? error.message : String(error) })}`);
  process.exit(1);
});

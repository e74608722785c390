// Deliberately free of "server-only": the HTTP server of `npm start` (lib/cli/serve.ts) writes the lines.

/**
 * The operator's log: one JSON object per line on stdout (docs/architecture.md, "Operations").
 * A request line holds the method, the route, the status, the duration and the signed-in user's
 * id. Never a body, a query string or a header: passwords, answers and session tokens travel there.
 * The route is the path with identifiers folded to ":id", so lines group by endpoint and a review's
 * or class's id is not spread through the logs.
 */

export interface RequestLogEntry {
  method: string;
  route: string;
  status: number;
  ms: number;
  userId: string | null;
}

/**
 * A path segment that is an identifier: a cuid, a UUID, a long hex string with an optional letter
 * in front (review ids are "r" and 32 hex digits) or a number.
 */
const IDENTIFIER = /^(c[a-z0-9]{20,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z]?[0-9a-f]{16,}|\d+)$/i;

/** The route of a request target: its path without the query, identifiers as ":id". */
export function routeOf(target: string): string {
  const pathOnly = target.split(/[?#]/, 1)[0] ?? "/";
  const segments = pathOnly.split("/").map((segment) => (IDENTIFIER.test(segment) ? ":id" : segment));
  return segments.join("/") || "/";
}

export function logLine(kind: string, fields: object, at: Date = new Date()): string {
  return `${JSON.stringify({ time: at.toISOString(), kind, ...fields })}\n`;
}

export function requestLogLine(entry: RequestLogEntry, at?: Date): string {
  return logLine("request", { ...entry, ms: Math.round(entry.ms * 10) / 10 }, at);
}

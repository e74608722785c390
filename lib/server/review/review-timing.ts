import "server-only";

/**
 * `Server-Timing: app;dur=…` for the review loop's responses: how long the handler itself took, as
 * opposed to the network and the client (the benchmarks report both; browsers show it in devtools).
 */
export function jsonWithTiming(body: unknown, startedAt: number, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("Server-Timing", `app;dur=${(performance.now() - startedAt).toFixed(2)}`);
  return Response.json(body, { ...init, headers });
}

/** The browser's side of the class and exam APIs: JSON in, JSON out, `{error, fields?}` on failure. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields?: Record<string, string[]>,
    /** Seconds from a 429's Retry-After header, so a form can say how long to wait. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Retry-After in seconds (the servers here send seconds, never a date), or null. */
function retryAfterOf(headers: Headers): number | null {
  const seconds = Number(headers.get("retry-after") ?? "");
  return Number.isFinite(seconds) && seconds > 0 ? seconds : null;
}

export async function callApi<T>(method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", url: string, body?: unknown, init: { keepalive?: boolean } = {}): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? { Accept: "application/json" } : { Accept: "application/json", "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: "no-store",
    keepalive: init.keepalive,
  });
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => null)) as ({ error?: string; fields?: Record<string, string[]> } & T) | null;
  if (!response.ok) throw new ApiError(response.status, data?.error ?? `HTTP ${response.status}`, data?.fields, retryAfterOf(response.headers));
  return data as T;
}

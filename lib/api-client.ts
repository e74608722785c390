/**
 * The browser's side of the app's JSON APIs, for every client component: JSON in, JSON out, and
 * on failure an ApiError carrying the API's error body (lib/server/http.ts `jsonError` /
 * `jsonProblems`): `{error, code, params?, fields?}` plus any problem lists (`errors`, `blockers`).
 */

/** The body of a refusal: `error` is already in the reader's language; `code`/`params` name the catalogue key behind it. */
export interface ApiErrorBody {
  error?: string;
  code?: string;
  params?: Record<string, unknown>;
  fields?: Record<string, string[]>;
  [list: string]: unknown;
}

export class ApiError extends Error {
  readonly code: string | undefined;
  readonly params: Record<string, unknown> | undefined;
  readonly fields: Record<string, string[]> | undefined;

  constructor(
    readonly status: number,
    readonly body: ApiErrorBody | null,
    /** Seconds from a 429's Retry-After header, so a form can say how long to wait. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(typeof body?.error === "string" ? body.error : `HTTP ${status}`);
    this.name = "ApiError";
    this.code = body?.code;
    this.params = body?.params;
    this.fields = body?.fields;
  }

  /** A problem list of the body (`errors` of a deck that does not parse, `blockers` of a refused publish), or undefined. */
  list<Item>(name: string): Item[] | undefined {
    const value = this.body?.[name];
    return Array.isArray(value) ? (value as Item[]) : undefined;
  }
}

/** The message with its field messages after it, for a form's one status line. */
export function errorText(cause: unknown): string {
  if (cause instanceof ApiError) return [cause.message, ...Object.values(cause.fields ?? {}).flat()].join(" ");
  return cause instanceof Error ? cause.message : String(cause);
}

export interface CallOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  /** A raw body (a ZIP archive, JSON text) sent as-is with this content type. */
  raw?: { data: Blob | ArrayBuffer | string; contentType: string };
  signal?: AbortSignal;
  /** Lets the request outlive the page (an answer saved while the exam page closes). */
  keepalive?: boolean;
}

/** Retry-After in seconds (the servers here send seconds, never a date), or null. */
function retryAfterOf(headers: Headers): number | null {
  const seconds = Number(headers.get("retry-after") ?? "");
  return Number.isFinite(seconds) && seconds > 0 ? seconds : null;
}

/** One request; the method is POST when there is a body, else GET. 204 → undefined. */
export async function api<T>(url: string, options: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  let body: BodyInit | undefined;
  if (options.raw) {
    headers["Content-Type"] = options.raw.contentType;
    body = options.raw.data;
  } else if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  const response = await fetch(url, { method: options.method ?? (body ? "POST" : "GET"), headers, body, cache: "no-store", signal: options.signal, keepalive: options.keepalive });
  if (response.status === 204) return undefined as T;
  // No body (or not JSON) is null; but a request aborted while its body comes in stays aborted: the
  // live preview aborts on every keystroke and must never take that for an empty answer.
  const data = (await response.json().catch((error: unknown) => {
    if (options.signal?.aborted) throw error;
    return null;
  })) as unknown;
  if (!response.ok) throw new ApiError(response.status, data && typeof data === "object" ? (data as ApiErrorBody) : null, retryAfterOf(response.headers));
  return data as T;
}

/** The short form the forms use: `callApi("POST", "/api/classes/join", { code })`. */
export function callApi<T>(method: NonNullable<CallOptions["method"]>, url: string, body?: unknown, options: Pick<CallOptions, "keepalive" | "signal"> = {}): Promise<T> {
  return api<T>(url, { ...options, method, body });
}

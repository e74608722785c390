/** The authoring pages' calls to /api/author/…: JSON in, JSON out, errors with the server's message and details. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: Record<string, unknown> | null,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export interface CallOptions {
  method?: "GET" | "POST" | "PATCH" | "DELETE";
  body?: unknown;
  /** A raw body (a ZIP archive) sent as-is with this content type. */
  raw?: { data: Blob | ArrayBuffer; contentType: string };
  signal?: AbortSignal;
}

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
  const response = await fetch(url, { method: options.method ?? (body ? "POST" : "GET"), headers, body, cache: "no-store", signal: options.signal });
  // No body (or not JSON) is null; but a request aborted while its body comes in stays aborted: the
  // live preview aborts on every keystroke and must never take that for an empty answer.
  const data = (await response.json().catch((error: unknown) => {
    if (options.signal?.aborted) throw error;
    return null;
  })) as Record<string, unknown> | null;
  if (!response.ok) throw new ApiError(response.status, typeof data?.error === "string" ? data.error : `HTTP ${response.status}`, data);
  return data as T;
}

export const deckApi = (deckId: string) => `/api/author/decks/${encodeURIComponent(deckId)}`;

/**
 * A JSON request from a form; on failure throws an Error whose message is the API's `{error}`
 * followed by its field messages, ready to show in the form's status line.
 */
export async function sendJson(method: "POST" | "PUT" | "DELETE", url: string, body?: unknown): Promise<void> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? { Accept: "application/json" } : { Accept: "application/json", "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    const data = (await response.json().catch(() => null)) as { error?: string; fields?: Record<string, string[]> } | null;
    const details = data?.fields ? Object.values(data.fields).flat() : [];
    throw new Error([data?.error ?? `HTTP ${response.status}`, ...details].join(" "));
  }
}

/**
 * A student driving the review API over HTTP, as the browser does (docs/architecture.md "Contracts"): register,
 * sign in through next-auth's credentials endpoint with a cookie jar, then next → answer → grade.
 * Used by the kill -9 reliability test and by bench/review-load.ts. Plain Node (fetch), no app code.
 */

export interface Timed<T> {
  ok: boolean;
  status: number;
  /** Round trip as the client saw it. */
  ms: number;
  /** The handler's own time (Server-Timing: app;dur=…), when the server reports it. */
  serverMs: number | null;
  body: T | null;
}

export class ReviewClient {
  constructor(
    readonly baseUrl: string,
    readonly email: string,
    readonly password = "correct horse battery",
    private readonly cookies = new Map<string, string>(),
  ) {}

  /** The same signed-in person talking to another instance of the app (the session cookie is shared). */
  on(baseUrl: string): ReviewClient {
    return new ReviewClient(baseUrl, this.email, this.password, this.cookies);
  }

  private remember(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const at = pair?.indexOf("=") ?? -1;
      if (pair && at > 0) this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  async request<T>(method: string, path: string, body?: unknown, form?: URLSearchParams): Promise<Timed<T>> {
    const headers: Record<string, string> = { Accept: "application/json", Cookie: this.cookieHeader() };
    let payload: string | undefined;
    if (form) {
      headers["Content-Type"] = "application/x-www-form-urlencoded";
      payload = form.toString();
    } else if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      payload = JSON.stringify(body);
    }
    const started = performance.now();
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: payload, redirect: "manual" });
    this.remember(response);
    const text = await response.text();
    const ms = performance.now() - started;
    let parsed: T | null = null;
    try {
      parsed = text ? (JSON.parse(text) as T) : null;
    } catch {
      parsed = null;
    }
    const timing = /\bapp;dur=([\d.]+)/.exec(response.headers.get("server-timing") ?? "");
    return { ok: response.ok, status: response.status, ms, serverMs: timing ? Number(timing[1]) : null, body: parsed };
  }

  async register(name = "Load student"): Promise<void> {
    const result = await this.request("POST", "/api/register", { email: this.email, password: this.password, name });
    if (result.status !== 201) throw new Error(`register ${this.email}: HTTP ${result.status} ${JSON.stringify(result.body)}`);
  }

  async signIn(): Promise<void> {
    const csrf = await this.request<{ csrfToken: string }>("GET", "/api/auth/csrf");
    if (!csrf.body?.csrfToken) throw new Error(`csrf: HTTP ${csrf.status}`);
    const form = new URLSearchParams({ email: this.email, password: this.password, csrfToken: csrf.body.csrfToken, json: "true" });
    await this.request("POST", "/api/auth/callback/credentials", undefined, form);
    if (![...this.cookies.keys()].some((name) => name.endsWith("next-auth.session-token"))) throw new Error(`sign-in ${this.email} gave no session cookie`);
  }

  setLimits(limits: { newCardsPerDeck?: number; reviewsPerDay?: number }) {
    return this.request("PATCH", "/api/review/settings", limits);
  }

  next() {
    return this.request<{ item: { reviewId: string; selfGraded: boolean; answerFormat: string } | null; remaining: Record<string, number> }>("GET", "/api/review/next");
  }

  answer(reviewId: string, response: string, durationMs: number) {
    return this.request<{ status: string; suggestedGrade: number | null }>("POST", `/api/review/${reviewId}/answer`, { response, durationMs });
  }

  grade(reviewId: string, grade: number) {
    return this.request<{ state: GradeState; grade: number; repeated: boolean }>("POST", `/api/review/${reviewId}/grade`, { grade });
  }
}

export interface GradeState {
  repetition: number;
  interval: number | null;
  easiness: number;
  dueAt: string | null;
}

/** A plausible response for a card, so that most answers are readable (correct or wrong). */
export function plausibleResponse(answerFormat: string, round: number): string {
  switch (answerFormat) {
    case "choice":
      return "ABCD"[round % 4] ?? "A";
    case "boolean":
      return round % 2 === 0 ? "T" : "F";
    case "shape":
      return "(4, 4)";
    case "matrix":
      return "[[1, 0], [0, 1]]";
    case "self":
      return "";
    default:
      return String(10 + (round % 90));
  }
}

import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/server/accounts/auth-options";
import { AppError } from "@/lib/server-shared/errors";
import { jsonError, readBoundedBytes, requestLocale } from "@/lib/server/platform/http";
import { msg } from "@/lib/i18n/message";
import { translate } from "@/lib/i18n/translate";
import { THROTTLED_PREFIX } from "@/lib/server/accounts/sign-in";

const handler = NextAuth(authOptions);

type NextAuthContext = { params: Promise<{ nextauth: string[] }> };

/** A sign-in form is an e-mail, a password and a CSRF token: a few hundred bytes. */
const MAX_AUTH_BODY_BYTES = 8 * 1024;

/** The `?error=` next-auth put in the URL it answers with (a Location header, or `{url}` in JSON). */
async function errorOf(response: Response): Promise<string | null> {
  let url = response.headers.get("location");
  if (!url && response.headers.get("content-type")?.includes("application/json")) {
    const body = (await response.clone().json().catch(() => null)) as { url?: unknown } | null;
    url = typeof body?.url === "string" ? body.url : null;
  }
  if (!url) return null;
  try {
    return new URL(url, "http://localhost").searchParams.get("error");
  } catch {
    return null;
  }
}

/**
 * next-auth reads the body itself, unbounded, and a malformed JSON body throws inside it: the body
 * is read here first (bounded, JSON checked) and handed on. The throttle itself sits inside the
 * Credentials provider (lib/server/accounts/sign-in.ts), on the values next-auth verifies; its refusal
 * comes back as `error=Throttled:<seconds>` and leaves here as a 429 with Retry-After, keeping
 * next-auth's `{url}` so its client reports the error and the wait.
 */
async function post(request: NextRequest, context: NextAuthContext): Promise<Response> {
  let body: Uint8Array;
  try {
    body = await readBoundedBytes(request, MAX_AUTH_BODY_BYTES);
  } catch (error) {
    if (error instanceof AppError) return jsonError(request, error.status, error.body);
    throw error;
  }
  const text = new TextDecoder().decode(body);
  if (request.headers.get("content-type")?.includes("application/json")) {
    try {
      JSON.parse(text);
    } catch {
      return jsonError(request, 400, msg("http.notJsonPlain"));
    }
  }
  const forwarded = new NextRequest(request.url, { method: "POST", headers: request.headers, body: text });
  const response = await handler(forwarded, context);
  const error = await errorOf(response);
  if (!error?.startsWith(THROTTLED_PREFIX)) return response;
  const wait = Number(error.slice(THROTTLED_PREFIX.length)) || 60;
  const url = new URL(`/login?error=${THROTTLED_PREFIX}${wait}`, request.url).toString();
  return Response.json(
    { url, error: translate(requestLocale(request), msg("auth.signInThrottled", { minutes: Math.ceil(wait / 60) })), code: "auth.signInThrottled", retryAfter: wait },
    { status: 429, headers: { "Retry-After": String(wait) } },
  );
}

export { handler as GET, post as POST };

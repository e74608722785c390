import NextAuth from "next-auth";
import { authOptions } from "@/lib/server/auth-options";
import { clientAddress, retryAfterSeconds } from "@/lib/server/login-throttle";

const handler = NextAuth(authOptions);

type NextAuthContext = { params: Promise<{ nextauth: string[] }> };

/**
 * Sign-in attempts are throttled before next-auth sees them: after 5 failures in 15 minutes
 * for one e-mail or one address, 429 with Retry-After. The body keeps next-auth's shape
 * (`url` with `error=Throttled:<seconds>`) so its client reports the error and the wait.
 */
async function post(request: Request, context: NextAuthContext): Promise<Response> {
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "callback/credentials") {
    const form = await request.clone().formData().catch(() => null);
    const email = typeof form?.get("email") === "string" ? String(form.get("email")) : "";
    const wait = await retryAfterSeconds(email, clientAddress(request.headers));
    if (wait > 0) {
      const url = new URL(`/login?error=Throttled:${wait}`, request.url).toString();
      return Response.json(
        { url, error: `Too many failed sign-ins. Try again in ${Math.ceil(wait / 60)} minute(s).`, retryAfter: wait },
        { status: 429, headers: { "Retry-After": String(wait) } },
      );
    }
  }
  return handler(request, context);
}

export { handler as GET, post as POST };

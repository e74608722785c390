import "server-only";
import { decode, getToken } from "next-auth/jwt";
import { BoundedCache } from "@/lib/bounded-cache";
import { unauthorized } from "@/lib/server-shared/errors";
import { nextAuthSecret } from "@/lib/server-shared/platform/secret";

type TokenRequest = Parameters<typeof getToken>[0]["req"];

// Decrypted session tokens by their text, for a minute at most (and never past their expiry): the
// same browser sends the same cookie on every card, and decrypting it is the costliest step left
// in GET /api/review/next.
const CACHE_LIMIT = 10_000;
const verified = new BoundedCache<{ userId: string; until: number }>({ maxEntries: CACHE_LIMIT });
const CACHE_MS = 60_000;

/**
 * The signed-in user's id for the review loop's hot endpoints (next, answer, grade), read from the
 * session cookie: the JWT is decrypted and verified with the same secret and expiry check as
 * `getServerSession` does, without running next-auth's whole session handler (a few milliseconds
 * per request, measured by bench/seed-large-user.ts). The caller still loads the user's own rows
 * by this id, so a deleted user finds nothing: 401 from `next`, 404 for a review.
 */
export async function reviewUserId(request: Request): Promise<string> {
  const secret = nextAuthSecret();
  const raw = await getToken({ req: request as unknown as TokenRequest, secret, raw: true });
  if (!raw) throw unauthorized();
  const now = Date.now();
  const cached = verified.get(raw);
  if (cached && cached.until > now) return cached.userId;
  let payload: Awaited<ReturnType<typeof decode>> = null;
  try {
    payload = await decode({ token: raw, secret });
  } catch {
    payload = null;
  }
  const userId = typeof payload?.sub === "string" ? payload.sub : null;
  if (!userId) throw unauthorized();
  const expires = typeof payload?.exp === "number" ? payload.exp * 1000 : now;
  verified.set(raw, { userId, until: Math.min(expires, now + CACHE_MS) });
  return userId;
}

import "server-only";
import { db } from "./db";

/** After this many failures for one e-mail or one address within the window, sign-in is refused. */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

const keysFor = (email: string, ip: string) => [`email:${email.trim().toLowerCase()}`, `ip:${ip}`];

/**
 * Seconds until the caller may try again, or 0 when it may try now. The wait ends when the
 * oldest failure that keeps the count at the limit leaves the window.
 */
export async function retryAfterSeconds(email: string, ip: string, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS);
  let waitMs = 0;
  for (const key of keysFor(email, ip)) {
    const failures = await db.loginFailure.findMany({
      where: { key, createdAt: { gt: since } },
      orderBy: { createdAt: "desc" },
      take: MAX_FAILURES,
      select: { createdAt: true },
    });
    const oldestCounted = failures[MAX_FAILURES - 1];
    if (oldestCounted) waitMs = Math.max(waitMs, oldestCounted.createdAt.getTime() + FAILURE_WINDOW_MS - now.getTime());
  }
  return Math.ceil(waitMs / 1000);
}

export async function recordFailure(email: string, ip: string, now = new Date()): Promise<void> {
  await db.loginFailure.createMany({ data: keysFor(email, ip).map((key) => ({ key, createdAt: now })) });
  // Old rows are useless; trimming here keeps the table small without a scheduler.
  await db.loginFailure.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - FAILURE_WINDOW_MS) } } });
}

export async function clearFailures(email: string): Promise<void> {
  await db.loginFailure.deleteMany({ where: { key: `email:${email.trim().toLowerCase()}` } });
}

/** The client address as the server sees it (first hop of X-Forwarded-For when behind a proxy). */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "local";
}

import "server-only";
import { recordFailures, secondsUntilAllowed, type FailureLimit } from "./failure-throttle";
import { writeTransaction } from "./write-tx";

/** After this many failures for one e-mail or one address within the window, sign-in is refused. */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
const LOGIN_LIMIT: FailureLimit = { maxFailures: MAX_FAILURES, windowMs: FAILURE_WINDOW_MS };

const keysFor = (email: string, ip: string) => [`email:${email.trim().toLowerCase()}`, `ip:${ip}`];

/** Seconds until the caller may try again (the longer wait of the e-mail and the address), or 0. */
export function retryAfterSeconds(email: string, ip: string, now = new Date()): Promise<number> {
  return secondsUntilAllowed(keysFor(email, ip), LOGIN_LIMIT, now);
}

export function recordFailure(email: string, ip: string, now = new Date()): Promise<void> {
  return recordFailures(keysFor(email, ip), LOGIN_LIMIT, now);
}

export async function clearFailures(email: string): Promise<void> {
  await writeTransaction((tx) => tx.loginFailure.deleteMany({ where: { key: `email:${email.trim().toLowerCase()}` } }));
}

/** The client address as the server sees it (first hop of X-Forwarded-For when behind a proxy). */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "local";
}

import "server-only";
import { claimAttempt, forgetAttempt, recordFailures, secondsUntilAllowed, type AttemptClaim, type FailureLimit } from "./failure-throttle";

/** After this many failures for one e-mail or one address within the window, sign-in is refused. */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
const LOGIN_LIMIT: FailureLimit = { maxFailures: MAX_FAILURES, windowMs: FAILURE_WINDOW_MS };

const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`;
const keysFor = (email: string, ip: string) => [emailKey(email), `ip:${ip}`];

/** Seconds until the caller may try again (the longer wait of the e-mail and the address), or 0. */
export function retryAfterSeconds(email: string, ip: string, now = new Date()): Promise<number> {
  return secondsUntilAllowed(keysFor(email, ip), LOGIN_LIMIT, now);
}

export function recordFailure(email: string, ip: string, now = new Date()): Promise<void> {
  return recordFailures(keysFor(email, ip), LOGIN_LIMIT, now);
}

/**
 * Claims one password check for `email` from `ip`: refused (with the wait) when either has used up
 * its failures, else recorded as a failure before the check runs, atomically (failure-throttle.ts).
 */
export function claimSignInAttempt(email: string, ip: string, now = new Date()): Promise<AttemptClaim> {
  return claimAttempt(keysFor(email, ip), LOGIN_LIMIT, now);
}

/**
 * After a correct password: this attempt was no failure, and the e-mail's earlier failures are
 * cleared. The address keeps its other failures (one valid account must not launder guesses at
 * other accounts from the same address).
 */
export function signInSucceeded(email: string, attemptIds: readonly number[]): Promise<void> {
  return forgetAttempt(attemptIds, [emailKey(email)]);
}

export async function clearFailures(email: string): Promise<void> {
  await forgetAttempt([], [emailKey(email)]);
}

/**
 * The client address for the per-address limit, from X-Forwarded-For counted from the right.
 *
 * Each proxy appends the address it was connected from, so the entries a client cannot forge are
 * the last ones: with `DEEPDRILL_TRUSTED_PROXIES` proxies in front (default 1: one reverse proxy, or
 * none, in which case `next start` fills the header with the socket address when the client sent
 * none), the client is the entry that many places from the right. The first entry, which naive code
 * reads, is whatever the client chose to send. Without any proxy a client can still send its own
 * header, so run the app behind one in production (README, "Configuration").
 */
export function clientAddress(headers: Headers, env: Readonly<Record<string, string | undefined>> = process.env): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const configured = Number(env.DEEPDRILL_TRUSTED_PROXIES ?? "1");
  const hops = Number.isInteger(configured) && configured >= 1 ? configured : 1;
  const fromRight = entries[Math.max(0, entries.length - hops)];
  return fromRight || headers.get("x-real-ip") || "local";
}

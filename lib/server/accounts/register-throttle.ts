import "server-only";
import { msg } from "@/lib/i18n/message";
import { tooManyRequests } from "@/lib/server-shared/errors";
import { claimAttempt, type FailureLimit } from "./failure-throttle";

/**
 * New accounts per client address: each registration that gets as far as hashing a password
 * counts, whether or not it succeeds, so a script can neither fill the database with accounts nor
 * test which e-mails are registered faster than this. Kept with the sign-in failures
 * (failure-throttle.ts): the check and the record are one transaction, so racing requests cannot
 * all pass.
 *
 * The default suits one person or a small group behind one address. A class that registers
 * together from one school network (one NAT address) needs more: `DEEPDRILL_REGISTRATIONS_PER_HOUR`.
 */
export const DEFAULT_REGISTRATIONS_PER_HOUR = 20;

export function registerLimit(env: Readonly<Record<string, string | undefined>> = process.env): FailureLimit {
  const configured = Number(env.DEEPDRILL_REGISTRATIONS_PER_HOUR);
  const maxFailures = Number.isInteger(configured) && configured >= 1 ? configured : DEFAULT_REGISTRATIONS_PER_HOUR;
  return { maxFailures, windowMs: 60 * 60 * 1000 };
}

/** Throws 429 with Retry-After when `ip` has used up its registrations; else counts this one. */
export async function claimRegistration(ip: string, now = new Date()): Promise<void> {
  const claim = await claimAttempt([`register:${ip}`], registerLimit(), now);
  if (claim.retryAfter > 0) {
    const minutes = Math.max(1, Math.ceil(claim.retryAfter / 60));
    throw tooManyRequests(claim.retryAfter, msg("auth.registerThrottled", { minutes }));
  }
}

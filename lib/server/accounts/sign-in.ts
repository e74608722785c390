import "server-only";
import { loginSchema } from "@/lib/schemas/account";
import { claimSignInAttempt, signInSucceeded } from "./login-throttle";
import { decoyPasswordHash, verifyPassword } from "./passwords";
import { findLoginRecord } from "./users";

/** The message of the error `authorize` throws when throttled; next-auth puts it in `?error=`. */
export const THROTTLED_PREFIX = "Throttled:";

export class SignInThrottled extends Error {
  constructor(readonly retryAfter: number) {
    super(`${THROTTLED_PREFIX}${retryAfter}`);
    this.name = "SignInThrottled";
  }
}

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
}

/**
 * Checks the credentials next-auth parsed from the request, whatever shape the body had (form,
 * JSON, repeated fields: next-auth decides which value counts, so the limit counts that one).
 *
 * The attempt is claimed before the password is checked (login-throttle.ts): of any number of
 * racing requests for one e-mail or one address, at most the limit reach `verify`. A throttled
 * attempt throws `SignInThrottled`; a wrong e-mail or password returns null, the same for an
 * account that does not exist (verified against a decoy hash so the time does not tell).
 */
export async function authorizeCredentials(
  credentials: unknown,
  ip: string,
  verify: (passwordHash: string, password: string) => Promise<boolean> = verifyPassword,
  now = new Date(),
): Promise<SignedInUser | null> {
  const parsed = loginSchema.safeParse(credentials ?? {});
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const claim = await claimSignInAttempt(email, ip, now);
  if (claim.retryAfter > 0) throw new SignInThrottled(claim.retryAfter);
  const record = await findLoginRecord(email);
  const ok = await verify(record?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!record || !ok) return null;
  await signInSucceeded(email, claim.attemptIds);
  return { id: record.id, email: record.email, name: record.name };
}

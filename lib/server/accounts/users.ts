import "server-only";
import { msg } from "@/lib/i18n/message";
import { db } from "../platform/db";
import { conflict, notFound } from "@/lib/server-shared/errors";
import { hashPassword } from "./passwords";
import { isUniqueViolation, writeTransaction } from "../platform/write-tx";
import type { RegisterInput } from "@/lib/schemas/account";
import { isAppLocale, type AppLocale } from "@/lib/i18n/config";

export type Role = "student" | "instructor";

/** What the app knows about the signed-in user: never the password hash. */
export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: AppLocale | null;
  timezone: string;
}

/** Who is asking: the signed-in user as every data function's access rule sees them. */
export type Viewer = Pick<CurrentUser, "id" | "role">;

const publicFields = { id: true, email: true, name: true, role: true, locale: true, timezone: true } as const;

function toCurrentUser(row: { id: string; email: string; name: string; role: string; locale: string | null; timezone: string }): CurrentUser {
  return {
    ...row,
    role: row.role === "instructor" ? "instructor" : "student",
    locale: isAppLocale(row.locale) ? row.locale : null,
  };
}

function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}

export async function registerUser(input: RegisterInput): Promise<CurrentUser> {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw conflict(msg("auth.emailTaken"), { email: [msg("auth.emailTakenField")] });
  const passwordHash = await hashPassword(input.password);
  const data = {
    email: input.email,
    name: input.name,
    passwordHash,
    locale: input.locale ?? null,
    timezone: input.timezone && isValidTimeZone(input.timezone) ? input.timezone : "UTC",
  };
  try {
    // Only the insert holds the write lock: the argon2 hash above is slow.
    return toCurrentUser(await writeTransaction((tx) => tx.user.create({ data, select: publicFields })));
  } catch (error) {
    // Two registrations racing for one address: the unique index decides, the loser gets 409.
    if (isUniqueViolation(error)) throw conflict(msg("auth.emailTaken"));
    throw error;
  }
}

/** For the credentials check only: the one function that returns the password hash. */
export function findLoginRecord(email: string) {
  return db.user.findUnique({ where: { email }, select: { ...publicFields, passwordHash: true } });
}

export async function findUserById(id: string): Promise<CurrentUser | null> {
  const row = await db.user.findUnique({ where: { id }, select: publicFields });
  return row ? toCurrentUser(row) : null;
}

export async function setRole(email: string, role: Role): Promise<CurrentUser> {
  const updated = await writeTransaction(async (tx) => {
    const row = await tx.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
    return row ? tx.user.update({ where: { id: row.id }, data: { role }, select: publicFields }) : null;
  });
  if (!updated) throw notFound(msg("auth.noUserWithEmail", { email }));
  return toCurrentUser(updated);
}

export async function setLocale(userId: string, locale: AppLocale): Promise<void> {
  await writeTransaction((tx) => tx.user.update({ where: { id: userId }, data: { locale }, select: { id: true } }));
}

export { toCurrentUser };

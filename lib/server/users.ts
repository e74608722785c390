import "server-only";
import { db } from "./db";
import { conflict, notFound } from "./errors";
import { hashPassword } from "./passwords";
import type { Locale, RegisterInput } from "@/lib/schemas/account";

export type Role = "student" | "instructor";

/** What the app knows about the signed-in user: never the password hash. */
export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: Locale | null;
  timezone: string;
}

const publicFields = { id: true, email: true, name: true, role: true, locale: true, timezone: true } as const;

function toCurrentUser(row: { id: string; email: string; name: string; role: string; locale: string | null; timezone: string }): CurrentUser {
  return {
    ...row,
    role: row.role === "instructor" ? "instructor" : "student",
    locale: row.locale === "ko" || row.locale === "en" ? row.locale : null,
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
  if (existing) throw conflict("An account with this e-mail already exists. Sign in instead.", { email: ["Already registered."] });
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: {
        email: input.email,
        name: input.name,
        passwordHash,
        locale: input.locale ?? null,
        timezone: input.timezone && isValidTimeZone(input.timezone) ? input.timezone : "UTC",
      },
      select: publicFields,
    });
    return toCurrentUser(user);
  } catch (error) {
    // Two registrations racing for one address: the unique index decides, the loser gets 409.
    if ((error as { code?: string }).code === "P2002") throw conflict("An account with this e-mail already exists. Sign in instead.");
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
  const row = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
  if (!row) throw notFound(`No user with e-mail ${email}.`);
  return toCurrentUser(await db.user.update({ where: { id: row.id }, data: { role }, select: publicFields }));
}

export async function setLocale(userId: string, locale: Locale): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { locale } });
}

export { toCurrentUser };

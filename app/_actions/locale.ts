"use server";
import { cookies } from "next/headers";
import { LOCALE_COOKIE, isAppLocale } from "@/lib/i18n/config";
import { getCurrentUser } from "@/lib/server/accounts/session";
import { setLocale } from "@/lib/server/accounts/users";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

async function rememberInCookie(locale: string): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: ONE_YEAR_SECONDS, sameSite: "lax", httpOnly: false });
}

/** Switches the UI language for this browser and, when signed in, remembers it for the user. */
export async function chooseLocale(locale: string): Promise<void> {
  if (!isAppLocale(locale)) return;
  await rememberInCookie(locale);
  const user = await getCurrentUser();
  if (user) await setLocale(user.id, locale);
}

/** After sign-in: the language the user chose before (on any device) becomes this browser's. */
export async function adoptUserLocale(): Promise<void> {
  const user = await getCurrentUser();
  if (user?.locale) await rememberInCookie(user.locale);
}

import "server-only";
import { forbidden, redirect } from "next/navigation";
import { getCurrentUser } from "./session";
import type { CurrentUser } from "./users";

/** For pages: anonymous visitors are sent to sign in and brought back afterwards. */
export async function requirePageUser(path: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  return user;
}

/** For instructor pages: a student sees the 403 page (app/forbidden.tsx). */
export async function requirePageInstructor(path: string): Promise<CurrentUser> {
  const user = await requirePageUser(path);
  if (user.role !== "instructor") forbidden();
  return user;
}

import "server-only";
import { msg } from "@/lib/i18n/message";
import { getServerSession } from "next-auth";
import { authOptions } from "./auth-options";
import { forbidden, unauthorized } from "@/lib/server-shared/errors";
import { findUserById, type CurrentUser } from "./users";

/** The signed-in user, loaded from the database (not trusted from the token), or null. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  return id ? findUserById(id) : null;
}

/** For APIs and data functions: 401 when nobody is signed in. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw unauthorized();
  return user;
}

/** For instructor-only APIs: 401 anonymous, 403 for a student. */
export async function requireInstructor(): Promise<CurrentUser> {
  const user = await requireUser();
  if (user.role !== "instructor") throw forbidden(msg("auth.instructorsOnly"));
  return user;
}

import type { DefaultSession } from "next-auth";

/**
 * The session's user carries the user id (copied from the token's `sub` in auth-options' session
 * callback) and nothing else of ours: the role and everything else are loaded again from the
 * database on each request (lib/server/session.ts), so a demoted user loses access at once.
 */
declare module "next-auth" {
  interface Session {
    user?: DefaultSession["user"] & { id?: string };
  }
}

import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientAddress } from "./login-throttle";
import { authorizeCredentials } from "./sign-in";
import { nextAuthSecret } from "@/lib/server-shared/platform/secret";

/**
 * next-auth 4 with e-mail + password. Sessions are signed JWTs in an httpOnly, SameSite=Lax
 * cookie (next-auth's default; `__Secure-` prefixed on https). The token carries only the user
 * id: every data function loads the user again (lib/server/accounts/session.ts), so a deleted or demoted
 * user loses access at once.
 */
export const authOptions: NextAuthOptions = {
  secret: nextAuthSecret(),
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "E-mail",
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      authorize(credentials, request) {
        const ip = clientAddress(new Headers(request.headers as Record<string, string> | undefined));
        return authorizeCredentials(credentials, ip);
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      return session;
    },
  },
};

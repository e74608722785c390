import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { loginSchema } from "@/lib/schemas/account";
import { decoyPasswordHash, verifyPassword } from "./passwords";
import { findLoginRecord } from "./users";
import { clearFailures, clientAddress, recordFailure } from "./login-throttle";
import { nextAuthSecret } from "./secret";

/**
 * next-auth 4 with e-mail + password. Sessions are signed JWTs in an httpOnly, SameSite=Lax
 * cookie (next-auth's default; `__Secure-` prefixed on https). The token carries only the user
 * id: every data function loads the user again (lib/server/session.ts), so a deleted or demoted
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
      async authorize(credentials, request) {
        const parsed = loginSchema.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const ip = clientAddress(new Headers(request.headers as Record<string, string> | undefined));
        const record = await findLoginRecord(email);
        // Verify against a decoy when the account does not exist, so timing does not reveal it.
        const ok = await verifyPassword(record?.passwordHash ?? (await decoyPasswordHash()), password);
        if (!record || !ok) {
          await recordFailure(email, ip);
          return null;
        }
        await clearFailures(email);
        return { id: record.id, email: record.email, name: record.name };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
};

"use client";
import { SessionProvider } from "next-auth/react";
import type { ReactNode } from "react";

/** next-auth's client context, needed by signIn/signOut in client components. */
export function AuthSessionProvider({ children }: { children: ReactNode }) {
  return <SessionProvider refetchOnWindowFocus={false}>{children}</SessionProvider>;
}

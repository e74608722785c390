import { databaseKind, databaseUrl } from "../server-shared/platform/database-url";
import { say } from "./process";

/**
 * Instances that share a database must share NEXTAUTH_SECRET: each signs sessions with it, and a
 * session signed by one instance is checked by whichever instance the load balancer picks. Without
 * it every machine generates its own (data/nextauth-secret), and students are signed out at random.
 * PostgreSQL is the database of several instances, so a start on it without the variable says so
 * loudly; a single instance still serves (with its generated secret), so a first try works.
 */
export function sharedSecretWarning(env: NodeJS.ProcessEnv): string | null {
  if (databaseKind(databaseUrl(env)) !== "postgresql" || env.NEXTAUTH_SECRET?.trim()) return null;
  return [
    "WARNING: NEXTAUTH_SECRET is not set and the database is PostgreSQL.",
    "  Every instance that shares this database must sign sessions with the same secret, or users are",
    "  signed out whenever another instance answers. This instance uses a secret generated on this",
    "  machine (data/nextauth-secret). Set NEXTAUTH_SECRET (e.g. `openssl rand -base64 32`) on every instance.",
  ].join("\n");
}

export function warnAboutSharedSecret(env: NodeJS.ProcessEnv): void {
  const warning = sharedSecretWarning(env);
  if (warning) say(`\n${"!".repeat(100)}\n${warning}\n${"!".repeat(100)}`);
}

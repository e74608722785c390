import { spawn } from "node:child_process";
import { nextAuthSecret } from "../../server/secret";
import { buildIsStale } from "../build-fingerprint";
import { migrateDatabase } from "../database";
import { localBin, say } from "../process";
import { buildApp } from "./build";
import { warnAboutSharedSecret } from "../shared-secret-warning";
import { loadContentDecks } from "../load-content";

/**
 * `npm start`: migrate (create) the database, load the decks in content/, build when the
 * sources changed, and serve the production app on PORT (3000). Safe to run again: migrations
 * and deck loading are idempotent, so every start keeps all data.
 */
export async function run(): Promise<number> {
  warnAboutSharedSecret(process.env);
  const port = process.env.PORT ?? "3000";
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    NEXTAUTH_SECRET: nextAuthSecret(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  };
  await migrateDatabase(env);
  await loadContentDecks(env);
  if (buildIsStale()) await buildApp();
  else say("production build is up to date");

  say(`serving on http://localhost:${port}`);
  const server = spawn(localBin("next"), ["start", "-p", port], { stdio: "inherit", env });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  return new Promise((resolve) => server.on("exit", (code) => resolve(code ?? 0)));
}

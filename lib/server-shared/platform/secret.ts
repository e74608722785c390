// Not "server-only": the start command calls it before Next.js runs.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { dataDir } from "./database-url";

const secretFile = path.join(dataDir, "nextauth-secret");

/**
 * NEXTAUTH_SECRET signs session tokens. Production sets it in the environment; a newcomer's
 * machine gets one generated once and kept under data/ (git-ignored), so sessions survive restarts.
 */
export function nextAuthSecret(): string {
  const fromEnv = process.env.NEXTAUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  if (existsSync(secretFile)) return readFileSync(secretFile, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(secretFile, `${secret}\n`, { mode: 0o600 });
  return secret;
}

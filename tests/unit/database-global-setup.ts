import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Server tests run against a real SQLite database made from the committed migrations, in a
 * scratch folder that is removed afterwards. Workers inherit DATABASE_URL.
 */
export default function setup(): () => void {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "deepdrill-unit-"));
  const url = `file:${path.join(scratch, "unit.db")}`;
  process.env.DATABASE_URL = url;
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "ignore" });
  return () => rmSync(scratch, { recursive: true, force: true });
}

import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../server-shared/platform/database-url";

/** What the production build depends on. Content decks are read at run time, not built in. */
const BUILD_INPUTS = ["app", "lib", "public", "next.config.js", "package-lock.json", "tsconfig.json", "postcss.config.mjs"];
const SKIP = new Set(["node_modules", ".next", "generated", "data"]);
const stampFile = () => path.join(projectRoot, ".next", "deepdrill-build-fingerprint");

function* files(entry: string): Generator<string> {
  if (!existsSync(entry)) return;
  const stat = statSync(entry);
  if (stat.isFile()) {
    yield entry;
    return;
  }
  for (const child of readdirSync(entry).sort()) {
    if (SKIP.has(child) || child.endsWith(".test.ts")) continue;
    yield* files(path.join(entry, child));
  }
}

/** A hash of the paths, sizes and modification times of every build input (fast: no reading). */
export function buildFingerprint(): string {
  const hash = createHash("sha256");
  for (const input of BUILD_INPUTS) {
    for (const file of files(path.join(projectRoot, input))) {
      const stat = statSync(file);
      hash.update(`${path.relative(projectRoot, file)}\0${stat.size}\0${stat.mtimeMs}\n`);
    }
  }
  return hash.digest("hex");
}

/** True when there is no production build or its inputs changed since it was made. */
export function buildIsStale(): boolean {
  if (!existsSync(path.join(projectRoot, ".next", "BUILD_ID")) || !existsSync(stampFile())) return true;
  return readFileSync(stampFile(), "utf8").trim() !== buildFingerprint();
}

export function recordBuild(fingerprint: string): void {
  writeFileSync(stampFile(), `${fingerprint}\n`);
}

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * lib/server is server-only without exception: a client component that reaches any of its files
 * fails the build instead of shipping database code to the browser. Code the CLI, prisma.config.ts
 * or a benchmark must load too lives in lib/server-shared.
 */
const SERVER = import.meta.dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("lib/server", () => {
  const files = sourceFiles(SERVER);

  it("finds its files in the capability folders", () => {
    expect(files.length).toBeGreaterThan(60);
    expect(files.some((file) => file.includes(`${path.sep}review${path.sep}`))).toBe(true);
  });

  it('every file that is not a test imports "server-only"', () => {
    const missing = files.filter((file) => !/^import "server-only";$/m.test(readFileSync(file, "utf8"))).map((file) => path.relative(SERVER, file));
    expect(missing).toEqual([]);
  });
});

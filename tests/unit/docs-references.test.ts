import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The design lives in the repository (docs/architecture.md, the README): code points there, at
 * sections that exist, and never at a file outside the repo or at a tracker issue, which a reader
 * of the code cannot open.
 */
const root = path.resolve(import.meta.dirname, "../..");
const tracked = execFileSync("git", ["ls-files", "app", "lib", "bench", "tests", "prisma", "eslint.config.mjs"], { cwd: root, encoding: "utf8" })
  .split("\n")
  .filter((file) => file !== "" && existsSync(path.join(root, file)))
  .filter((file) => /\.(ts|tsx|mjs|js)$/.test(file) && file !== "tests/unit/docs-references.test.ts");

function headings(file: string): string[] {
  return readFileSync(path.join(root, file), "utf8")
    .split("\n")
    .filter((line) => /^#{2,4} /.test(line))
    .map((line) => line.replace(/^#+ /, "").trim());
}

const sources = tracked.map((file) => ({ file, text: readFileSync(path.join(root, file), "utf8") }));

describe("references to the design", () => {
  it("no file points at DESIGN.md or cites a tracker issue for a ruling", () => {
    const offending = sources.flatMap(({ file, text }) =>
      text.split("\n").flatMap((line, i) => (/DESIGN\.md|\b[Ii]ssue \d+\b/.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(offending).toEqual([]);
  });

  it('every docs/architecture.md "Section" and README "Section" named in the code starts a heading there', () => {
    const known = { "docs/architecture.md": headings("docs/architecture.md"), README: headings("README.md") };
    const missing: string[] = [];
    let checked = 0;
    for (const { file, text } of sources) {
      for (const match of text.matchAll(/(docs\/architecture\.md|README)(?:'s)? (?:\\?")([^"\\]+)\\?"/g)) {
        const [, doc, written] = match as unknown as [string, keyof typeof known, string];
        // A name may wrap onto the next comment line.
        const section = written.replace(/\s*\n\s*(?:\*|\/\/)?\s*/g, " ");
        checked += 1;
        if (!known[doc].some((heading) => heading.startsWith(section))) missing.push(`${file}: ${doc} "${section}"`);
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });
});

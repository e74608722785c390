/**
 * `lib/model-core` (the index) is what pages import for the closed form, so nothing reachable from
 * it may pull in TensorFlow.js (~366 KB gzip) or a framework (docs/architecture.md "The layers and the one rule").
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const IMPORT = /(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function reachableFiles(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop();
    if (file === undefined || graph.has(file)) continue;
    const specifiers = Array.from(readFileSync(file, "utf8").matchAll(IMPORT), (match) => match[1] ?? match[2] ?? "");
    graph.set(file, specifiers);
    for (const specifier of specifiers) {
      if (specifier.startsWith(".")) pending.push(`${path.resolve(path.dirname(file), specifier)}.ts`);
    }
  }
  return graph;
}

describe("lib/model-core index", () => {
  const graph = reachableFiles(path.join(__dirname, "index.ts"));

  it("reaches the closed form and nothing that loads tfjs or a framework", () => {
    expect(graph.size).toBeGreaterThan(15);
    const packages = new Set([...graph.values()].flat().filter((specifier) => !specifier.startsWith(".")));
    expect([...packages].sort()).toEqual(["yaml", "zod"]);
    // Paths relative to lib/model-core, so the check does not depend on where the checkout lives.
    expect([...graph.keys()].some((file) => path.relative(__dirname, file).split(path.sep)[0] === "verify")).toBe(false);
  });

  it("uses no clock and no unseeded randomness", () => {
    for (const file of graph.keys()) expect(readFileSync(file, "utf8")).not.toMatch(/Date\.now|Math\.random|new Date\(/);
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Pages import the registry and the protocol; they must not pull tfjs in (it loads only inside the
 * worker, dynamically). Walks the static, non-type imports from each entry point.
 */
const root = path.resolve(__dirname, "../../..");

function staticImports(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const specifiers: string[] = [];
  for (const match of source.matchAll(/^(?:import|export)\s+(?!type\b)([^;]*?)\s+from\s+"([^"]+)"/gms)) {
    const clause = match[1] ?? "";
    // `import { type A, type B } from` brings in nothing at run time.
    if (/^\{[^}]*\}$/.test(clause.trim()) && clause.replace(/[{}\s]/g, "").split(",").every((name) => name === "" || name.startsWith("type"))) continue;
    specifiers.push(match[2] ?? "");
  }
  for (const match of source.matchAll(/^import\s+"([^"]+)"/gm)) specifiers.push(match[1] ?? "");
  return specifiers;
}

function resolve(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(root, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [`${base}.ts`, path.join(base, "index.ts")]) {
    try {
      readFileSync(candidate);
      return candidate;
    } catch {
      // try the next
    }
  }
  return null;
}

function packagesReachedFrom(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of staticImports(file)) {
      const local = resolve(file, specifier);
      if (local) visit(local);
      else if (!specifier.startsWith(".") && !specifier.startsWith("@/")) packages.add(specifier);
    }
  };
  visit(entry);
  return packages;
}

describe("what pages load", () => {
  it.each(["lib/sim/index.ts", "lib/sim/experiments/registry.ts", "lib/sim/worker/protocol.ts", "lib/sim/worker/sim-worker.ts", "lib/sim/backend/init-best-backend.ts"])(
    "%s reaches no tfjs package statically",
    (entry) => {
      const tfjs = [...packagesReachedFrom(path.join(root, entry))].filter((name) => name.startsWith("@tensorflow/"));
      expect(tfjs).toEqual([]);
    },
  );

  it("the runner does (so the walk would notice)", () => {
    expect(packagesReachedFrom(path.join(root, "lib/sim/engine/run-experiment.ts")).has("@tensorflow/tfjs")).toBe(true);
  });
});

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * No module of app/ or lib/ reaches itself through its imports, type-only ones included: a cycle
 * makes the load order decide what a module sees, and says two files are really one.
 */
const root = path.resolve(import.meta.dirname, "../..");
const files = execFileSync("git", ["ls-files", "app", "lib"], { cwd: root, encoding: "utf8" })
  .split("\n")
  .filter((file) => file !== "" && existsSync(path.join(root, file)))
  .filter((file) => /\.(ts|tsx)$/.test(file) && !/\.test\.tsx?$/.test(file));
const known = new Set(files);

/** `./x`, `../y`, `@/lib/z` → the tracked file it names, or null for a package. */
function resolve(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? specifier.slice(2) : specifier.startsWith(".") ? path.join(path.dirname(from), specifier) : null;
  if (base === null) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (known.has(candidate)) return candidate;
  }
  return null;
}

/** Static imports and re-exports, and `import("…")` in types; dynamic `await import()` is lazy and breaks no load order. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(root, file), "utf8");
  const specifiers = [
    ...[...text.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+["']([^"']+)["']/gms)].map((match) => match[1]!),
    ...[...text.matchAll(/^\s*import\s+["']([^"']+)["']/gm)].map((match) => match[1]!),
    ...[...text.matchAll(/(?<!await )\bimport\(["']([^"']+)["']\)\.\w/g)].map((match) => match[1]!),
  ];
  return [...new Set(specifiers.map((specifier) => resolve(file, specifier)).filter((target): target is string => target !== null))];
}

/** Tarjan's strongly connected components with more than one file (or a file importing itself). */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe("imports", () => {
  const graph = new Map(files.map((file) => [file, importsOf(file)]));

  it("are read: most modules import another module of the project", () => {
    const withImports = [...graph.values()].filter((targets) => targets.length > 0).length;
    expect(withImports).toBeGreaterThan(files.length / 2);
  });

  it("form no cycle in app/ and lib/", () => {
    expect(cycles(graph)).toEqual([]);
  });

  it("the check finds a cycle where there is one", () => {
    const looped = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts"]],
      ["d.ts", ["a.ts"]],
    ]);
    expect(cycles(looped)).toEqual([["a.ts", "b.ts", "c.ts"]]);
  });
});

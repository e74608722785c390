/**
 * Writes content/decks/<deck>/COVERAGE.md from content/coverage/<deck>.yaml and the deck
 * (`npx tsx lib/content/write-coverage.ts`). lib/content/coverage.test.ts checks the file.
 */
import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { coverageProblems, parseCoverage, renderCoverage } from "./coverage";
import { loadDecksFromDir } from "./load-decks";

const ROOT = path.resolve(__dirname, "../..");

async function main(): Promise<void> {
  const { decks } = await loadDecksFromDir(path.join(ROOT, "content/decks"));
  for (const file of await readdir(path.join(ROOT, "content/coverage"))) {
    const coverage = parseCoverage(await readFile(path.join(ROOT, "content/coverage", file), "utf8"));
    const deck = decks.find((d) => d.id === coverage.deck);
    if (!deck) throw new Error(`${file}: no deck ${coverage.deck}`);
    for (const problem of coverageProblems(coverage, deck)) process.stderr.write(`${file}: ${problem}\n`);
    const target = path.join(ROOT, "content/decks", deck.id, "COVERAGE.md");
    await writeFile(target, renderCoverage(coverage, deck));
    process.stdout.write(`wrote ${path.relative(ROOT, target)}\n`);
  }
}

void main();

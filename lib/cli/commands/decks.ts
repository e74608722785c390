/**
 * `deepdrill decks check [dir]`: validates every deck under dir (default content/decks) without
 * generating; errors as `file:line: message` on stderr, a JSON summary on stdout; exit 1 when a
 * deck is invalid, 2 when dir cannot be read.
 *
 * `deepdrill decks test [--variants N] [--json] [dir]`: the question harness (N variants of every
 * template, default DEFAULT_VARIANTS = 200, plus its anchors, every corner of its parameters, and the
 * static cards), exit 1 on any failure. `--json` prints `{templates, staticCards, concepts, variants,
 * failures, details}`.
 */
import { formatDeckError, summarizeDeck } from "../../content";
import type { LoadedDecks } from "../../content/load-decks";
import { EXIT_CHECK_FAILED, EXIT_OK, printJson, UsageError } from "../run-command";

const DEFAULT_DIR = "content/decks";
const USAGE = "usage: decks check [dir] | decks test [--variants N] [--json] [dir]";

async function load(dir: string): Promise<LoadedDecks> {
  const { loadDecksFromDir } = await import("../../content/load-decks");
  try {
    return await loadDecksFromDir(dir);
  } catch (error) {
    throw new UsageError(`cannot read ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

async function check(args: string[]): Promise<number> {
  const [dir = DEFAULT_DIR, ...rest] = args;
  if (rest.length > 0 || dir.startsWith("-")) throw new UsageError(USAGE);
  const { decks, errors } = await load(dir);
  for (const error of errors) process.stderr.write(`${formatDeckError(error)}\n`);
  printJson({
    decks: decks.map((deck) => {
      const summary = summarizeDeck(deck);
      return { id: summary.id, templates: summary.templates, staticCards: summary.staticCards, concepts: summary.coveredConcepts, uncoveredConcepts: summary.uncoveredConcepts, version: summary.version };
    }),
    errors: errors.map(formatDeckError),
  });
  return errors.length > 0 ? EXIT_CHECK_FAILED : EXIT_OK;
}

/** `variants` is undefined when not given: the harness's DEFAULT_VARIANTS applies. */
function parseTestArgs(args: string[]): { variants: number | undefined; json: boolean; dir: string } {
  let variants: number | undefined;
  let json = false;
  let dir: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? "";
    if (arg === "--json") json = true;
    else if (arg === "--variants" || arg.startsWith("--variants=")) {
      const value = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : args[(i += 1)];
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0 || n > 100_000) throw new UsageError(`--variants takes a whole number from 0 to 100000, got ${value ?? "nothing"}`);
      variants = n;
    } else if (arg.startsWith("-")) throw new UsageError(`unknown option ${arg}\n${USAGE}`);
    else if (dir === undefined) dir = arg;
    else throw new UsageError(USAGE);
  }
  return { variants, json, dir: dir ?? DEFAULT_DIR };
}

async function test(args: string[]): Promise<number> {
  const { variants, json, dir } = parseTestArgs(args);
  const { decks, errors } = await load(dir);
  const { quietTfjs } = await import("../../model-core/tfjs");
  quietTfjs();
  const { testDecks } = await import("../../content/deck-harness");
  const { DEFAULT_VARIANTS } = await import("../../questions/harness/run-harness");
  const started = performance.now();
  const summary = await testDecks(decks, errors, {
    variants: variants ?? DEFAULT_VARIANTS,
    onItem: json
      ? undefined
      : (deck, id, failures, count, distinct) => process.stdout.write(`${failures === 0 ? "ok  " : "FAIL"} ${deck.id}/${id}: ${count} variant${count === 1 ? "" : "s"}${distinct > 1 ? ` (${distinct} distinct)` : ""}${failures ? `, ${failures} failure${failures === 1 ? "" : "s"}` : ""}\n`),
  });
  if (json) printJson(summary);
  else {
    for (const detail of summary.details) {
      const at = [detail.where, detail.item && `${detail.item}${detail.anchor ? `@${detail.anchor}` : detail.seed !== undefined ? `#${detail.seed}` : ""}`].filter(Boolean).join(" ");
      process.stdout.write(`${detail.level === "failure" ? "failure" : "warning"} [${detail.check}] ${at}: ${detail.message}\n`);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `\n${summary.templates} templates, ${summary.staticCards} static cards, ${summary.concepts.length} concepts, ${summary.variants} variants in ${seconds} s: ${summary.failures} failure${summary.failures === 1 ? "" : "s"}\n`,
    );
    const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
    process.stdout.write(
      `listed mistakes with specific feedback: ${percent(summary.mistakes.share)} (${summary.mistakes.recognised} of ${summary.mistakes.tried}; goal 100%); ` +
        `templates listing no mistakes: ${summary.templatesWithoutMistakes.length}\n` +
        `degenerate variants: ${percent(summary.degenerate.share)} (${summary.degenerate.variants} of ${summary.degenerate.probed}, corners included; goal 0%); ` +
        `intended flat cases, not counted: ${summary.degenerate.intended}\n`,
    );
  }
  return summary.failures > 0 ? EXIT_CHECK_FAILED : EXIT_OK;
}

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "check") return check(rest);
  if (sub === "test") return test(rest);
  throw new UsageError(USAGE);
}

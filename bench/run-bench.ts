/**
 * What every benchmark script shares at its two ends: reading its `--name value` options, and
 * running its main: the figures it returns printed as JSON with `--json` (or always, for a script
 * with no text form) or as lines for a person otherwise, a run that missed its goal ending with exit
 * code 1, and a failure's stack on stderr with exit code 1 once the script's own cleanup has run.
 */

/** `--json`: figures for a program rather than lines for a person (progress logs go quiet too). */
export const JSON_OUTPUT = process.argv.includes("--json");

/**
 * The number after `--name`; `fallback` when the option is absent, not a number, or below the
 * least value the option allows (above 0 unless `zeroAllowed`; whole when `integer`).
 */
export function numberOption(name: string, fallback: number, { zeroAllowed = false, integer = false } = {}): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0 || (value === 0 && !zeroAllowed)) return fallback;
  return integer ? Math.floor(value) : value;
}

export interface BenchFigures {
  /** What `--json` prints. */
  figures: unknown;
  /** What a person reads without `--json`; absent: the JSON always. */
  lines?: () => readonly string[];
  /** The JSON on one line rather than indented. */
  jsonOnOneLine?: boolean;
  /** The run finished but missed what it checks (errors, a goal): exit code 1. */
  failed?: boolean;
}

/** Runs a benchmark's main and prints what it returns (a main that prints as it goes returns nothing). */
export function runBench(main: () => Promise<BenchFigures | void> | BenchFigures | void): void {
  Promise.resolve()
    .then(main)
    .then((result) => {
      if (!result) return;
      const lines = result.lines;
      if (JSON_OUTPUT || !lines) process.stdout.write(`${JSON.stringify(result.figures, null, result.jsonOnOneLine ? undefined : 2)}\n`);
      else process.stdout.write(`${lines().join("\n")}\n`);
      if (result.failed) process.exitCode = 1;
    })
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    });
}

/** Shared plumbing of the CLI: dispatch, usage, and the exit-code contract. */

export interface CommandModule {
  /** Runs the command; resolves to the exit code. */
  run(args: string[]): Promise<number>;
}

export interface CommandEntry {
  summary: string;
  load: () => Promise<CommandModule>;
}

export type CommandTable = Record<string, CommandEntry>;

/** Thrown for bad input: printed as one line on stderr, exit code 2. */
export class UsageError extends Error {}

export const EXIT_OK = 0;
export const EXIT_CHECK_FAILED = 1;
export const EXIT_BAD_INPUT = 2;

function usage(commands: CommandTable): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(([name, entry]) => `  ${name.padEnd(width)}  ${entry.summary}`);
  return ["usage: npm run -s deepdrill -- <command> [args]", "", ...lines].join("\n");
}

export async function runCommand(commands: CommandTable, argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  const entry = name === undefined ? undefined : commands[name];
  if (!entry) {
    process.stderr.write(`${name ? `unknown command "${name}"\n\n` : ""}${usage(commands)}\n`);
    process.exitCode = EXIT_BAD_INPUT;
    return;
  }
  try {
    const command = await entry.load();
    process.exitCode = await command.run(args);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`deepdrill ${name}: ${error.message}\n`);
      process.exitCode = EXIT_BAD_INPUT;
      return;
    }
    throw error;
  }
}

/** Reads a file argument, or standard input for "-" or no argument. */
export async function readInput(fileOrDash: string | undefined): Promise<string> {
  if (fileOrDash && fileOrDash !== "-") {
    const { readFile } = await import("node:fs/promises");
    try {
      return await readFile(fileOrDash, "utf8");
    } catch (error) {
      throw new UsageError(`cannot read ${fileOrDash}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Prints a value as JSON on stdout (the CLI's only output channel for results). */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

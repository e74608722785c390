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
    // Anything else is a failure the operator must read at a glance: one line, exit 1. The stack
    // is for developers and only printed when DEEPDRILL_DEBUG is set.
    process.stderr.write(`deepdrill ${name}: ${oneLineMessage(error)}\n`);
    if (process.env.DEEPDRILL_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exitCode = EXIT_CHECK_FAILED;
  }
}

/**
 * One line for any thrown value. Prisma's messages open with the call site ("Invalid
 * `prisma.user.update()` invocation:") and end with the cause, so the last non-empty line is the
 * one that says what went wrong; a driver's error code (SQLITE_BUSY, P2002…) leads when there is one.
 */
export function oneLineMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split("\n").map((line) => line.trim()).filter(Boolean);
  const last = lines.at(-1) ?? "unknown error";
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" && !last.includes(code) ? `${code}: ${last}` : last;
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

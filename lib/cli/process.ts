import { spawn, type SpawnOptions } from "node:child_process";
import path from "node:path";
import { projectRoot } from "../server-shared/platform/database-url";

/** A binary from node_modules/.bin, so commands work without npx and without a global install. */
export const localBin = (name: string) => path.join(projectRoot, "node_modules", ".bin", name);

/** Runs a command to completion with inherited output; rejects with its exit code on failure. */
export function runToCompletion(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", cwd: projectRoot, ...options });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(command)} ${args.join(" ")} exited with ${signal ?? code}`));
    });
  });
}

/** Messages for people go to stderr: stdout is reserved for JSON results (docs/architecture.md "Contracts"). */
export function say(message: string): void {
  process.stderr.write(`[deepdrill] ${message}\n`);
}

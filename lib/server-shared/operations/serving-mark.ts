// Deliberately free of "server-only": `npm start` writes the mark, `deepdrill restore` reads it.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { z } from "zod";

/**
 * While `npm start` serves a SQLite database it keeps a mark beside the file (`<db>.serving`, its
 * process id and port). `restore` refuses to replace a database whose mark names a live process:
 * swapping the file under a running server would split its open connection from the new data. A mark
 * left by a killed server names a dead process and is ignored.
 */

export interface ServingMark {
  pid: number;
  port: string;
}

// What a mark file may hold: written by this code, but read back from disk, so checked, not cast.
const storedMarkSchema = z.looseObject({ pid: z.number().int(), port: z.union([z.string(), z.number()]).optional() });

export const servingMarkFile = (databaseFile: string) => `${databaseFile}.serving`;

export function writeServingMark(databaseFile: string, mark: ServingMark): void {
  writeFileSync(servingMarkFile(databaseFile), `${JSON.stringify(mark)}\n`);
}

export function clearServingMark(databaseFile: string): void {
  rmSync(servingMarkFile(databaseFile), { force: true });
}

/** True while process `pid` exists (EPERM: it exists, as another user's). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The server serving this database right now, or null. */
export function servingProcess(databaseFile: string): ServingMark | null {
  try {
    const stored = storedMarkSchema.safeParse(JSON.parse(readFileSync(servingMarkFile(databaseFile), "utf8")));
    if (!stored.success) return null;
    const { pid, port } = stored.data;
    return processAlive(pid) ? { pid, port: String(port ?? "") } : null;
  } catch {
    return null;
  }
}

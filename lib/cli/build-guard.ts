import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../server-shared/platform/database-url";
import { processAlive } from "../server-shared/operations/serving-mark";

/**
 * `next build` empties `.next` first, so a build in a checkout whose build a server is serving
 * pulls the files from under that server: its next page load fails. Each `npm start` therefore
 * leaves a mark (one file per process, named by its pid) while it serves, and a build refuses while
 * a marked process lives. Marks of killed servers name dead processes and are ignored (and swept).
 * The marks live under node_modules/.cache, the usual place for a tool's scratch files, because
 * `.next` is what the build deletes.
 */
export const servingBuildsDirectory = () => path.join(projectRoot, "node_modules", ".cache", "deepdrill", "serving-builds");

export function markServingBuild(pid: number = process.pid, directory: string = servingBuildsDirectory()): () => void {
  mkdirSync(directory, { recursive: true });
  const file = path.join(directory, String(pid));
  writeFileSync(file, `${pid}\n`);
  return () => rmSync(file, { force: true });
}

/** Processes serving this checkout's build now, other than `self`. Dead marks are removed. */
export function liveBuildServers(self: number = process.pid, directory: string = servingBuildsDirectory()): number[] {
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return [];
  }
  const live: number[] = [];
  for (const name of names) {
    const pid = Number(name);
    if (!Number.isSafeInteger(pid) || pid <= 0) continue;
    if (pid === self) continue;
    if (processAlive(pid)) live.push(pid);
    else rmSync(path.join(directory, name), { force: true });
  }
  return live;
}

/** Throws, with what to do, when a server is serving this checkout's build. */
export function refuseBuildWhileServing(directory: string = servingBuildsDirectory()): void {
  const live = liveBuildServers(process.pid, directory);
  if (live.length === 0) return;
  throw new Error(
    `a server (pid ${live.join(", ")}) is serving this checkout's production build, and a new build would delete it under that server: stop it first, or build in another checkout`,
  );
}

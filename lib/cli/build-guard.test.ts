import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { liveBuildServers, markServingBuild, refuseBuildWhileServing } from "./build-guard";

/** A real second process stands in for a serving `npm start`: marks are judged by live pids. */
function sleeper() {
  const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60_000)"], { stdio: "ignore" });
  return { pid: child.pid ?? 0, stop: () => new Promise<void>((resolve) => (child.kill("SIGKILL"), child.once("exit", () => resolve()))) };
}

const directories: string[] = [];
const scratch = () => {
  const directory = mkdtempSync(path.join(os.tmpdir(), "deepdrill-build-guard-"));
  directories.push(directory);
  return directory;
};
afterEach(() => directories.splice(0).forEach((directory) => rmSync(directory, { recursive: true, force: true })));

describe("a build refuses while this checkout's build is being served", () => {
  it("refuses for a live server, naming it, and allows once it has gone (its mark swept)", async () => {
    const directory = scratch();
    const server = sleeper();
    markServingBuild(server.pid, directory);
    expect(liveBuildServers(process.pid, directory)).toEqual([server.pid]);
    expect(() => refuseBuildWhileServing(directory)).toThrow(new RegExp(`pid ${server.pid}.*stop it first`));
    await server.stop();
    expect(() => refuseBuildWhileServing(directory)).not.toThrow();
    expect(existsSync(path.join(directory, String(server.pid)))).toBe(false);
  });

  it("ignores its own mark and unreadable names; a server that stops cleanly removes its mark", () => {
    const directory = scratch();
    const unmark = markServingBuild(process.pid, directory);
    markServingBuild(Number.NaN, directory);
    expect(liveBuildServers(process.pid, directory)).toEqual([]);
    unmark();
    expect(existsSync(path.join(directory, String(process.pid)))).toBe(false);
  });

  it("no directory yet means nobody serves", () => {
    expect(liveBuildServers(process.pid, path.join(scratch(), "absent"))).toEqual([]);
  });
});

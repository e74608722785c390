/**
 * The `sm2` command through the real CLI entry point (a child process, as a user runs it), checked
 * against the library — and against the golden sequences pinned in docs/architecture.md "Spaced repetition", which are facts.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { easinessOf, replaySm2, type Grade } from "./sm2";

const ROOT = path.resolve(__dirname, "../..");

function deepdrill(...args: string[]) {
  const child = spawnSync("npx", ["tsx", "lib/cli/index.ts", "sm2", ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

function expected(sequence: string) {
  return replaySm2(sequence.split(",").map(Number) as Grade[]).map((state) => ({
    repetition: state.repetition,
    interval: state.interval,
    easiness: easinessOf(state),
  }));
}

describe("deepdrill sm2", () => {
  it("prints one array of states per argument, as the library computes them", () => {
    const sequences = ["5,5,5", "5,4,3,0,5", "3,3,3,3,3,5,5,5,5,0,5,5,5", "0"];
    const { status, stdout, stderr } = deepdrill(...sequences);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual(sequences.map(expected));
    expect(stdout.endsWith("\n")).toBe(true);
  });

  it("matches the golden sequences pinned in docs/architecture.md", () => {
    const { status, stdout } = deepdrill("5,5,5,4,3,1,4,5", "4,4,4");
    expect(status).toBe(0);
    const [first, second] = JSON.parse(stdout) as { interval: number; easiness: number }[][];
    expect(first?.map((state) => state.interval)).toEqual([1, 6, 17, 48, 128, 1, 1, 6]);
    expect(second?.map((state) => state.interval)).toEqual([1, 6, 15]);
    expect(first?.[4]).toEqual({ repetition: 5, interval: 128, easiness: 2.66 });
  });

  it.each([
    [[], /expected at least one grade sequence/],
    [["5,6"], /grade 2 is "6"; grades are integers 0-5/],
    [["a"], /grade 1 is "a"/],
    [["5,4", "5,,3"], /sequence 2 \("5,,3"\): grade 2 is ""/],
    [[""], /sequence 1 \(""\) is empty/],
    [["4.5"], /grade 1 is "4.5"/],
  ])("bad input %j → exit 2 with one line on stderr", (args, message) => {
    const { status, stdout, stderr } = deepdrill(...args);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  });
});

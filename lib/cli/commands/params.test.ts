/** Spawns the real `npm run -s deepdrill -- params` and holds it to the contract in docs/architecture.md "Contracts". */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ISLP_ARCHITECTURES } from "../../model-core";

const root = path.resolve(__dirname, "../../..");
const scratch = mkdtempSync(path.join(tmpdir(), "deepdrill-params-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function params(args: string[], stdin = "") {
  const result = spawnSync("npm", ["run", "-s", "deepdrill", "--", "params", ...args], {
    cwd: root,
    input: stdin,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function book(id: string) {
  const entry = ISLP_ARCHITECTURES.find((architecture) => architecture.id === id);
  if (!entry) throw new Error(id);
  return entry;
}

describe("deepdrill params", () => {
  it("prints one report for one spec read from standard input", () => {
    const { status, stdout } = params(["-"], JSON.stringify(book("mnist-mlp").spec));
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as Record<string, unknown>;
    expect(report).toMatchObject({ convention: "keras", total: 235_146, trainable: 235_146, tfjs: { total: 235_146, agrees: true } });
    expect(report.layers).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: "dense", outputShape: [256], params: 200_960 })]),
    );
  });

  it("answers a batch in order in one process, an invalid spec giving {error} in its place", () => {
    const file = path.join(scratch, "batch.json");
    const invalid = { input: [784], layers: [{ type: "lstm", units: 4 }] };
    writeFileSync(file, JSON.stringify([book("figure-10-1").spec, invalid, book("nyse-rnn").spec]));
    const { status, stdout } = params([file]);
    expect(status).toBe(0);
    const results = JSON.parse(stdout) as Record<string, unknown>[];
    expect(results).toHaveLength(3);
    expect(results[0]).toMatchObject({ total: 31, tfjs: { agrees: true } });
    expect(results[1]).toMatchObject({ error: expect.stringContaining("layer 1 (lstm): a recurrent layer needs a sequence input") });
    expect(results[2]).toMatchObject({ convention: "pytorch", total: 217, tfjs: { total: 205, agrees: true } });
  });

  it("reads YAML", () => {
    const file = path.join(scratch, "hitters.yaml");
    writeFileSync(file, "input: [19]\nlayers:\n  - {type: dense, units: 50, activation: relu}\n  - {type: dropout, rate: 0.4}\n  - {type: dense, units: 1}\n");
    const { status, stdout } = params([file]);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ total: 1_051 });
  });

  it.each([
    ["text that is not JSON", '{"input": [784], "layers": [', /^deepdrill params: not valid JSON: /],
    ["a single invalid spec", JSON.stringify({ input: [3, 3, 1], layers: [{ type: "conv2d", filters: 2, kernelSize: 5 }] }), /kernel 5×5 is larger than its 3×3 input/],
  ])("exits 2 with one line on stderr for %s", (_reason, stdin, message) => {
    const { status, stdout, stderr } = params([], stdin);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  });
});

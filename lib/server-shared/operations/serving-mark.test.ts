import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { clearServingMark, servingMarkFile, servingProcess, writeServingMark } from "./serving-mark";

const dir = mkdtempSync(path.join(os.tmpdir(), "deepdrill-serving-mark-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const database = path.join(dir, "app.db");

describe("the serving mark beside a SQLite database", () => {
  it("names the live process that wrote it, and nothing once cleared", () => {
    writeServingMark(database, { pid: process.pid, port: "3123" });
    expect(servingProcess(database)).toEqual({ pid: process.pid, port: "3123" });
    clearServingMark(database);
    expect(servingProcess(database)).toBeNull();
  });

  it.each([
    ["a mark that is not JSON", "not json"],
    ["a pid that is not a number", JSON.stringify({ pid: String(process.pid), port: "3000" })],
    ["no pid at all", JSON.stringify({ port: "3000" })],
    ["a JSON array", "[1, 2]"],
  ])("ignores %s", (_reason, text) => {
    writeFileSync(servingMarkFile(database), text);
    expect(servingProcess(database)).toBeNull();
  });
});

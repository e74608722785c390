import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runDeepdrill } from "@/tests/reliability/grading-load";
import { oneLineMessage } from "./run-command";

const scratch = mkdtempSync(path.join(os.tmpdir(), "deepdrill-cli-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("oneLineMessage", () => {
  it("keeps the cause of a multi-line message and leads with the driver's code", () => {
    const prismaLike = Object.assign(new Error("\nInvalid `prisma.user.update()` invocation:\n\n\ndatabase is locked"), { code: "SQLITE_BUSY" });
    expect(oneLineMessage(prismaLike)).toBe("SQLITE_BUSY: database is locked");
    expect(oneLineMessage(Object.assign(new Error("SQLITE_BUSY_SNAPSHOT: stale"), { code: "SQLITE_BUSY_SNAPSHOT" }))).toBe("SQLITE_BUSY_SNAPSHOT: stale");
    expect(oneLineMessage("plain")).toBe("plain");
    expect(oneLineMessage(new Error(""))).toBe("unknown error");
  });
});

describe("a command that fails", () => {
  it("prints one line on stderr, no stack, and exits 1", async () => {
    // A database file in a folder that does not exist: SQLite cannot open it.
    const result = await runDeepdrill(process.cwd(), path.join(scratch, "missing", "x.db"), ["users", "promote", "nobody@example.com"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^deepdrill users: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("bad input is exit 2 with its usage line", async () => {
    const result = await runDeepdrill(process.cwd(), path.join(scratch, "x.db"), ["restore"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("deepdrill restore: usage: restore <file> [--check]\n");
  });
});

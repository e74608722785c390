import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { autoBackupSettings, pruneBackups } from "./auto-backup";
import { backupFileName } from "./backup";

const scratch = mkdtempSync(path.join(os.tmpdir(), "deepdrill-prune-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("autoBackupSettings", () => {
  it("is off without DEEPDRILL_BACKUP_DIR, and takes the defaults for missing or nonsense numbers", () => {
    expect(autoBackupSettings({ NODE_ENV: "test" })).toBeNull();
    expect(autoBackupSettings({ NODE_ENV: "test", DEEPDRILL_BACKUP_DIR: "/b", DEEPDRILL_BACKUP_EVERY_HOURS: "-3", DEEPDRILL_BACKUP_KEEP: "many" })).toEqual({ directory: "/b", everyHours: 6, keep: 14 });
    expect(autoBackupSettings({ NODE_ENV: "test", DEEPDRILL_BACKUP_DIR: "/b", DEEPDRILL_BACKUP_EVERY_HOURS: "0.5", DEEPDRILL_BACKUP_KEEP: "3" })).toEqual({ directory: "/b", everyHours: 0.5, keep: 3 });
  });
});

describe("pruneBackups", () => {
  it("keeps the newest K of our backups and never touches other files", () => {
    const hours = [1, 5, 2, 4, 3];
    const ours = hours.map((hour) => backupFileName(new Date(Date.UTC(2026, 11, 6, hour))));
    for (const name of [...ours, "notes.txt", "deepdrill-manual.db"]) writeFileSync(path.join(scratch, name), "x");
    const deleted = pruneBackups(scratch, 2);
    expect(deleted).toEqual(["deepdrill-2026-12-06T01-00-00Z.db", "deepdrill-2026-12-06T02-00-00Z.db", "deepdrill-2026-12-06T03-00-00Z.db"]);
    expect(readdirSync(scratch).sort()).toEqual(["deepdrill-2026-12-06T04-00-00Z.db", "deepdrill-2026-12-06T05-00-00Z.db", "deepdrill-manual.db", "notes.txt"]);
  });
});

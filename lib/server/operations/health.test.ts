import { describe, expect, it } from "vitest";
import { databaseKind } from "@/lib/server-shared/platform/database-url";
import { healthReport } from "./health";
import { codeMigrationLevel } from "@/lib/server-shared/operations/migration-level";

describe("healthReport", () => {
  it("says the database answers, which one it is, and that it is migrated to the code's level", async () => {
    const report = await healthReport();
    expect(report.ok).toBe(true);
    expect(report.db).toBe(databaseKind());
    expect(report.migration?.code).toBe(codeMigrationLevel());
    expect(report.migration?.applied).toBe(report.migration?.code);
  });
});

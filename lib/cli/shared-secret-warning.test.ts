import { describe, expect, it } from "vitest";
import { sharedSecretWarning } from "./shared-secret-warning";

describe("the start-up warning about NEXTAUTH_SECRET", () => {
  it.each<[Record<string, string>, boolean, string]>([
    [{ DATABASE_URL: "postgresql://u@h/db" }, true, "PostgreSQL without a secret: instances would sign sessions differently"],
    [{ DATABASE_URL: "postgres://u@h/db", NEXTAUTH_SECRET: "  " }, true, "a blank secret is no secret"],
    [{ DATABASE_URL: "postgresql://u@h/db", NEXTAUTH_SECRET: "s3cret" }, false, "set: nothing to say"],
    [{ DATABASE_URL: "file:/tmp/x.db" }, false, "SQLite is one machine: the generated secret is enough"],
    [{}, false, "the default SQLite file"],
  ])("%j → warns: %s (%s)", (env, warns) => {
    expect(sharedSecretWarning({ NODE_ENV: "production", ...env }) !== null).toBe(warns);
  });
});

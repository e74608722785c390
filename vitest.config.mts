import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "@": import.meta.dirname } },
  test: {
    // Unit tests sit beside the code; Playwright specs under tests/e2e are never picked up here.
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "tests/unit/**/*.test.ts"],
    exclude: ["node_modules", "tests/e2e/**", ".next/**"],
    environment: "node",
    globalSetup: ["tests/unit/database-global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Tests that need "server-only" modules import them through this alias (the package throws
    // outside a React Server Components bundle).
    alias: { "server-only": path.resolve(import.meta.dirname, "tests/unit/server-only-stub.ts") },
  },
});

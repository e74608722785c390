import { defineConfig } from "@playwright/test";

const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

/**
 * End-to-end tests run through `npm run test:e2e` (lib/cli/commands/e2e.ts), which starts the
 * production app with a throwaway database and sets E2E_BASE_URL and CHROMIUM_PATH.
 */
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000",
    locale: "en-US",
    trace: "retain-on-failure",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS },
  },
  projects: [
    { name: "chromium", testIgnore: /webgpu\.spec\.ts$/ },
    {
      // WebGPU is off by default in Chromium; with this flag headless Chromium offers a SwiftShader adapter.
      name: "webgpu",
      testMatch: /webgpu\.spec\.ts$/,
      use: { launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: [...CHROMIUM_ARGS, "--enable-unsafe-webgpu"] } },
    },
  ],
});

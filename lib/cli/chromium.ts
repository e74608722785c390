import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { localBin, say } from "./process";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";

function playwrightsOwnChromium(): string | undefined {
  try {
    const file = chromium.executablePath();
    return file && existsSync(file) ? file : undefined;
  } catch {
    return undefined;
  }
}

function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  return playwrightsOwnChromium();
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/**
 * A Chromium for the end-to-end tests: CHROMIUM_PATH, Debian's /usr/bin/chromium, or
 * Playwright's own. When none exists it tries Playwright's installer (works where its download
 * host is reachable), then Debian's package when running as root, and otherwise stops with
 * the exact command to run.
 */
export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  say("no Chromium found; trying Playwright's installer…");
  const installer = spawnSync(localBin("playwright"), ["install", "chromium"], { stdio: "inherit", timeout: 120_000 });
  const afterInstaller = installer.status === 0 ? playwrightsOwnChromium() : undefined;
  if (afterInstaller) return afterInstaller;
  if (isRoot()) {
    say("Playwright's download host is unreachable; installing Debian's chromium package (apt-get, ~2 min)…");
    execFileSync("apt-get", ["update"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  }
  throw new Error(
    "No Chromium for the end-to-end tests. Install one: `sudo apt-get install -y chromium` (Debian/Ubuntu), " +
      "or `npx playwright install chromium`, or set CHROMIUM_PATH to a Chromium/Chrome executable.",
  );
}

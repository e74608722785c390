import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";

export const PASSWORD = "correct horse battery";

// Playwright runs from the project root (lib/cli/commands/e2e.ts).
const root = process.cwd();

export function uniqueEmail(prefix = "student"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.com`;
}

/** Registers through the real form; the app signs the new user in and lands on the home page. */
export async function registerThroughForm(page: Page, name: string, email: string, password = PASSWORD): Promise<void> {
  await page.goto("/register");
  await page.getByLabel(/^(Name|이름)$/).fill(name);
  await page.getByLabel(/^(E-mail|이메일)$/).fill(email);
  await page.getByLabel(/^(Password|비밀번호)$/).fill(password);
  await page.getByRole("button", { name: /Create account|계정 만들기/ }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText(name, { timeout: 20_000 });
}

export async function signInThroughForm(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel(/^(E-mail|이메일)$/).fill(email);
  await page.getByLabel(/^(Password|비밀번호)$/).fill(password);
  await page.getByRole("button", { name: /^(Sign in|로그인)$/ }).last().click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: /Sign out|로그아웃/ }).click();
  await expect(page.getByRole("link", { name: /^(Sign in|로그인)$/ })).toBeVisible();
}

/** Makes an instructor through the CLI (`deepdrill users promote`), against the test server's database (npm run test:e2e sets DATABASE_URL). */
export function promote(email: string): void {
  execFileSync(process.execPath, [path.join(root, "node_modules/.bin/tsx"), "--conditions=react-server", path.join(root, "lib/cli/index.ts"), "users", "promote", email], {
    cwd: root,
    env: process.env,
    stdio: "pipe",
  });
}

/** Registers `name` in `page` and promotes them to instructor; returns the e-mail. */
export async function registerInstructor(page: Page, name: string): Promise<string> {
  const email = uniqueEmail("instructor");
  await registerThroughForm(page, name, email);
  promote(email);
  return email;
}

/** A newly registered user in a browser context of their own (for tests with several people). */
export async function newUser(browser: Browser, name: string, role: "student" | "instructor"): Promise<Page> {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  if (role === "instructor") await registerInstructor(page, name);
  else await registerThroughForm(page, name, uniqueEmail(role));
  return page;
}

/** axe on the page's main landmark: no serious or critical violations (`exclude`: third-party widgets such as the code editor). */
export async function expectNoSeriousViolations(page: Page, exclude?: string): Promise<void> {
  const builder = new AxeBuilder({ page }).include("main");
  const analysis = await (exclude ? builder.exclude(exclude) : builder).analyze();
  expect(analysis.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
}

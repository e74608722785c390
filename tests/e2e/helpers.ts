import { expect, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";

export const PASSWORD = "correct horse battery";

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

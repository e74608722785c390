import { expect, test } from "@playwright/test";
import { registerThroughForm, signInThroughForm, signOut, uniqueEmail, PASSWORD } from "./helpers";

test.describe("a Korean browser", () => {
  test.use({ locale: "ko-KR" });
  test("gets the Korean UI first", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "ko");
    await expect(page.getByRole("link", { name: "무료로 가입하기" })).toBeVisible();
  });
});

test("the language switch changes the UI text and is remembered for the user", async ({ page, browser }) => {
  const email = uniqueEmail();
  await registerThroughForm(page, "Sora", email);
  await expect(page.getByRole("heading", { name: "What to do next" })).toBeVisible();

  await page.getByRole("button", { name: "한국어" }).click();
  await expect(page.getByRole("heading", { name: "다음 할 일" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(page.getByRole("button", { name: "로그아웃" })).toBeVisible();

  // A fresh English browser: after signing in, the user's stored choice (Korean) applies.
  const other = await browser.newContext({ locale: "en-US" });
  const second = await other.newPage();
  await signInThroughForm(second, email, PASSWORD);
  await expect(second.getByRole("heading", { name: "다음 할 일" })).toBeVisible();
  await second.getByRole("button", { name: "English" }).click();
  await expect(second.getByRole("heading", { name: "What to do next" })).toBeVisible();
  await signOut(second);
  await other.close();
});

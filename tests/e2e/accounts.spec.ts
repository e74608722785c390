import { expect, test } from "@playwright/test";
import { PASSWORD, registerThroughForm, signInThroughForm, signOut, uniqueEmail } from "./helpers";

test("a newcomer registers, is signed in, logs out, signs in again and logs out", async ({ page }) => {
  const email = uniqueEmail();
  await registerThroughForm(page, "Minji", email);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Minji");
  await expect(page.getByRole("heading", { name: "What to do next" })).toBeVisible();
  await signOut(page);

  await signInThroughForm(page, email);
  await expect(page.getByTestId("signed-in-as")).toContainText("Minji");
  await signOut(page);
});

test("a wrong password shows a clear error and does not sign in", async ({ page }) => {
  const email = uniqueEmail();
  await registerThroughForm(page, "Jisoo", email);
  await signOut(page);
  await signInThroughForm(page, email, `${PASSWORD}-wrong`);
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toHaveText("That e-mail and password do not match. Check both and try again.");
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
});

test("the registration form shows field errors for a bad e-mail and a short password", async ({ page }) => {
  await page.goto("/register");
  await page.getByLabel("Name").fill("Hyun");
  await page.getByLabel("E-mail").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid e-mail address, like name@example.com.")).toBeVisible();
  await expect(page.getByText("Use at least 8 characters.")).toBeVisible();
  await expect(page.getByLabel("E-mail")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/register$/);
});

test("registering an e-mail twice says so at the e-mail field", async ({ page, request }) => {
  const email = uniqueEmail();
  const first = await request.post("/api/register", { data: { email, password: PASSWORD, name: "First" } });
  expect(first.status()).toBe(201);
  await page.goto("/register");
  await page.getByLabel("Name").fill("Second");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("An account with this e-mail already exists. Sign in instead.")).toBeVisible();
});

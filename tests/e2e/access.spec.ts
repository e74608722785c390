import { expect, test } from "@playwright/test";
import { registerThroughForm, uniqueEmail } from "./helpers";

test("anonymous visitors are sent to sign in from /review and /stats, and come back after", async ({ page }) => {
  for (const path of ["/review", "/stats"]) {
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`/login\\?callbackUrl=${encodeURIComponent(path)}`));
  }
});

test("a student opening /author is refused", async ({ page }) => {
  await registerThroughForm(page, "Student", uniqueEmail());
  const response = await page.goto("/author");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not for this account" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Author" })).toHaveCount(0);

  const api = await page.request.get("/api/author/decks");
  expect(api.status()).toBe(403);
  expect((await api.json()).error).toMatch(/instructors/i);
});

test("APIs that need a session answer 401 to anonymous callers", async ({ request }) => {
  const response = await request.get("/api/author/decks");
  expect(response.status()).toBe(401);
  expect((await response.json()).error).toBe("Sign in to continue.");
});

import { expect, test, type Page } from "@playwright/test";
import { newUser, PASSWORD, registerThroughForm, signOut, uniqueEmail } from "./helpers";

/** `/login?callbackUrl=…` sends people only to pages of this site; anything else lands on home. */
const hostile = ["%2F%09%2Fevil.example", "%2F%0A%2Fevil.example", "%2F%0D%2Fevil.example", "%2F%2Fevil.example", "%2F%5Cevil.example", "https%3A%2F%2Fevil.example%2F", "%2F.%2F%2Fevil.example"];

/** Signs in on the login page that is open (helpers' signInThroughForm opens /login without a callbackUrl). */
async function fillSignInForm(page: Page, email: string) {
  await page.getByLabel(/^(E-mail|이메일)$/).fill(email);
  await page.getByLabel(/^(Password|비밀번호)$/).fill(PASSWORD);
  await page.getByRole("button", { name: /^(Sign in|로그인)$/ }).last().click();
}

async function expectHomeOnThisSite(page: Page, baseURL: string) {
  const here = new URL(page.url());
  expect(here.origin).toBe(new URL(baseURL).origin);
  expect(here.pathname).toBe("/");
}

test("a signed-in visitor to /login with a hostile callbackUrl lands on the home page, never a 5xx", async ({ browser, baseURL }) => {
  const page = await newUser(browser, "Redirect", "student");
  for (const value of hostile) {
    const response = await page.goto(`/login?callbackUrl=${value}`);
    expect(response?.status(), value).toBeLessThan(400);
    await expectHomeOnThisSite(page, baseURL!);
  }
  // A same-site path is honoured.
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/stats")}`);
  expect(new URL(page.url()).pathname).toBe("/stats");
});

test("after signing in from a hostile callbackUrl, the user lands on home", async ({ page, baseURL }) => {
  const email = uniqueEmail("redirect");
  await registerThroughForm(page, "Redirect Two", email);
  await signOut(page);
  for (const value of ["%2F%09%2Fevil.example", "%2F%0A%2Fevil.example"]) {
    const response = await page.goto(`/login?callbackUrl=${value}`);
    expect(response?.status(), value).toBe(200);
    await fillSignInForm(page, email);
    // The header names the user at every width (shown from 2xl; attached always).
    await expect(page.getByTestId("signed-in-as")).toBeAttached({ timeout: 20_000 });
    await expectHomeOnThisSite(page, baseURL!);
    await signOut(page);
  }
  // And a same-site target is where the user goes.
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/stats")}`);
  await fillSignInForm(page, email);
  await expect(page).toHaveURL(/\/stats$/, { timeout: 20_000 });
});

import { expect, test } from "@playwright/test";
import { newUser } from "./helpers";

/** The policy allows this site's scripts and the request's nonce, never 'unsafe-inline' scripts. */

function scriptSrc(policy: string | undefined): string {
  return (policy ?? "").split(";").map((directive) => directive.trim()).find((directive) => directive.startsWith("script-src")) ?? "";
}

test("every page answer carries a fresh nonce, and every script in it carries that nonce", async ({ request }) => {
  const nonces: string[] = [];
  for (let i = 0; i < 2; i += 1) {
    const response = await request.get("/login");
    const directive = scriptSrc(response.headers()["content-security-policy"]);
    expect(directive).not.toContain("'unsafe-inline'");
    expect(directive).not.toContain("'unsafe-eval'");
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(directive)?.[1];
    expect(nonce).toBeTruthy();
    nonces.push(nonce!);
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  }
  expect(nonces[0]).not.toBe(nonces[1]);
});

test("an injected inline script does not run, and the app's own pages raise no CSP violation", async ({ browser }) => {
  const page = await newUser(browser, "Policy", "student");
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  for (const path of ["/", "/decks", "/stats", "/architect"]) {
    await page.goto(path);
    // The name is in the header at every width (shown from 2xl; attached always).
    await expect(page.getByTestId("signed-in-as")).toBeAttached();
  }
  expect(violations).toEqual([]);
  // What an injection would do: an inline script without the nonce.
  await page.addScriptTag({ content: "window.__injected = true;" }).catch(() => undefined);
  await page.evaluate(() => {
    const div = document.createElement("div");
    div.innerHTML = '<img src="x" onerror="window.__injectedHandler = true">';
    document.body.append(div);
  });
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  expect(await page.evaluate(() => (window as unknown as { __injectedHandler?: boolean }).__injectedHandler)).toBeUndefined();
  expect(violations.length).toBeGreaterThan(0);
});

import { expect, test } from "@playwright/test";
import { newUser } from "./helpers";

/**
 * A page that does not exist, or that its visitor may not see, answers with the status that says
 * so (404, or 403 for a student on an instructor's page), not 200 with the error streamed after a
 * loading skeleton.
 */

test("missing pages answer 404 for a signed-in student", async ({ browser }) => {
  const page = await newUser(browser, "Missing", "student");
  for (const path of ["/decks/no-such-deck", "/practice/no-such-item", "/exam/no-such-exam", "/sim/no-such-sim", "/no-such-page"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  // A student on an instructor's deck page: forbidden, with its status.
  const forbidden = await page.goto("/author/decks/no-such-deck");
  expect(forbidden?.status()).toBe(403);
});

test("an instructor's missing deck answers 404 on every deck page", async ({ browser }) => {
  const page = await newUser(browser, "Author", "instructor");
  for (const path of ["/author/decks/no-such-deck", "/author/decks/no-such-deck/edit", "/author/decks/no-such-deck/templates/new"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  // A content deck is readable, not editable: its editor answers 403.
  const readable = await page.goto("/author/decks/islp-ch10");
  expect(readable?.status()).toBe(200);
  const editor = await page.goto("/author/decks/islp-ch10/edit");
  expect(editor?.status()).toBe(403);
});

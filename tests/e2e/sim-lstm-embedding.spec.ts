import { expect, test } from "@playwright/test";
import { registerThroughForm, uniqueEmail } from "./helpers";

/**
 * Word embeddings and an LSTM against a bag of words in real Chromium, run to its summary with few
 * epochs: both accuracies shown, the bag of words near a coin's 50%, the learned 2-D embedding drawn
 * with a point per word, and the page linked to its questions and back from the deck.
 */
test("embedding + LSTM vs bag of words: a short run to the summary, the embedding scatter, links both ways", async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto("/sim/lstm-embedding?epochs=6&seed=2");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("LSTM");
  await expect(page.locator('[data-testid="sim-model"][data-model-id="lstm"]')).toHaveAttribute("data-params", "1282");
  await expect(page.locator('[data-testid="sim-model"][data-model-id="bag-of-words"]')).toHaveAttribute("data-params", "306");
  await page.getByTestId("sim-start").click();
  await expect(page.getByTestId("sim-summary")).toBeVisible({ timeout: 240_000 });
  await expect(page.getByTestId("sim-summary")).toContainText(/on 500 test sentences: the bag of words \(306 parameters\) .*%, the embedding \+ LSTM \(1,282\)/);

  const accuracy = async (id: string) => Number(await page.locator(`[data-testid="sim-lstm-accuracy"][data-model-id="${id}"]`).getAttribute("data-accuracy"));
  const bag = await accuracy("bag-of-words");
  const lstm = await accuracy("lstm");
  const total = Number(await page.getByTestId("sim-timings").getAttribute("data-total-ms"));
  console.log(`bag of words ${bag.toFixed(3)}, embedding + LSTM ${lstm.toFixed(3)} on ${await page.getByTestId("sim-backend").getAttribute("data-backend")}, run ${(total / 1000).toFixed(1)} s`);
  // 500 test sentences: whatever the bag of words learns, it stays within a few points of 50%.
  expect(bag).toBeLessThan(0.6);
  // Seed 2 leaves the LSTM's plateau at epoch 4 or 5 (the same draws as the unit test's).
  expect(lstm).toBeGreaterThan(0.9);
  // One point per word of the 16-word vocabulary, with its word written beside it.
  await expect(page.locator('[data-testid="sim-embedding"] .recharts-scatter-symbol')).toHaveCount(16);
  await expect(page.getByTestId("sim-embedding").getByText("not", { exact: true }).first()).toBeVisible();
  await expect(page.locator('[data-testid="sim-sentence-examples"] tbody tr')).toHaveCount(6);

  const practice = page.getByTestId("sim-practice");
  await expect(practice.locator('a[href="/practice/embedding-params"]')).toBeVisible();
  await expect(practice.locator('a[href="/decks/islp-ch10#concept-lstm-embedding"]')).toBeVisible();

  await registerThroughForm(page, "LSTM Student", uniqueEmail("lstm"));
  // The concepts are collapsed; a link to one opens it.
  await page.goto("/decks/islp-ch10#concept-lstm-embedding");
  await expect(page.locator('#concept-lstm-embedding [data-testid="simulation-link"][href="/sim/lstm-embedding"]')).toBeVisible();
});

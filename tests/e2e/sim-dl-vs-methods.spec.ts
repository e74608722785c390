import { expect, test } from "@playwright/test";
import { registerThroughForm, uniqueEmail } from "./helpers";
import { expectDeckLinksBothWays, runToSummary } from "./sim-helpers";

/**
 * Deep learning against other methods (ISLP §10.6) in real Chromium with the automatic backend:
 * linked from its concepts in the course deck and back, run to its summary on the Hitters data with
 * few epochs, the three models' test errors in the chart and the table, the lasso's kept predictors.
 */
test("deep learning vs other methods: from the deck, run to its summary, three test errors and back to the questions", async ({ page }) => {
  test.setTimeout(240_000);
  await registerThroughForm(page, "Methods Student", uniqueEmail("methods"));
  await expectDeckLinksBothWays(page, { simulation: "dl-vs-methods", concept: "when-deep-learning", question: "when-dl-occam" });
  await expect(page.locator('[data-testid="sim-model"][data-model-id="network"]')).toHaveAttribute("data-params", "1051");

  await page.goto("/sim/dl-vs-methods?epochs=5&seed=2");
  const summary = await runToSummary(page);
  await expect(summary).toContainText(/^Test mean absolute error on 88 players: linear regression \$\d+k \(20 parameters\), the lasso \$\d+k \(\d+ in use\), the network \$\d+k after 5 epochs\./);
  const rows = page.getByTestId("sim-method");
  await expect(rows).toHaveCount(3);
  expect(await rows.evaluateAll((items) => items.map((item) => [item.getAttribute("data-model-id"), item.getAttribute("data-params")]))).toEqual([
    ["linear", "20"],
    ["lasso", "20"],
    ["network", "1051"],
  ]);
  for (const mae of await rows.evaluateAll((items) => items.map((item) => Number(item.getAttribute("data-mae"))))) expect(mae).toBeGreaterThan(0);
  const inUse = Number(await page.locator('[data-testid="sim-method"][data-model-id="lasso"]').getAttribute("data-in-use"));
  expect(inUse).toBeGreaterThanOrEqual(1);
  expect(inUse).toBeLessThanOrEqual(20);
  await expect(page.getByTestId("sim-lasso-kept")).toContainText(`kept ${inUse - 1} of the 19 predictors`);
  await expect(page.locator('[data-testid="sim-methods-chart"] .recharts-bar-rectangle')).toHaveCount(3);
  await expect(page.locator('[data-testid="sim-params-verified"][data-verified="true"]')).toHaveCount(3);
});

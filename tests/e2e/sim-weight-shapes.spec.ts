import { expect, test } from "@playwright/test";
import { registerThroughForm, uniqueEmail } from "./helpers";
import { expectDeckLinksBothWays, runToSummary } from "./sim-helpers";

/**
 * Weight-matrix shapes in real Chromium on WASM: linked from the weight-matrix concept and back, run
 * to its summary on real MNIST digits with one short epoch, every layer's (p + 1) × K shape and both
 * parameter counts in the table, and the first layer's weights drawn as images.
 */
test("weight-matrix shapes: from the deck, run to its summary, each W's shape counted twice, first-layer weights as images", async ({ page }) => {
  test.setTimeout(240_000);
  await registerThroughForm(page, "Shapes Student", uniqueEmail("shapes"));
  await expectDeckLinksBothWays(page, { simulation: "weight-shapes", concept: "weight-matrix", question: "islp-first-weight-matrix" });
  await expect(page.getByTestId("sim-practice").locator('a[href="/practice/w1-785"]')).toBeVisible();

  await page.goto("/sim/weight-shapes?epochs=1&trainSize=1000&testSize=200&hidden1=12&hidden2=8&seed=1&backend=wasm");
  await expect(page.locator('[data-testid="sim-model"]')).toHaveAttribute("data-params", String(785 * 12 + 13 * 8 + 9 * 10));
  const summary = await runToSummary(page);
  await expect(summary).toContainText("The trained network's matrices are W₁ 785 × 12, W₂ 13 × 8, B 9 × 10");
  await expect(summary).toContainText("TensorFlow.js holds 9,420 + 104 + 90 = 9,614 parameters, the same as (p + 1) × K layer by layer");
  await expect(page.getByTestId("sim-backend")).toHaveAttribute("data-backend", "wasm");
  const layers = page.getByTestId("sim-weight-layer");
  expect(
    await layers.evaluateAll((rows) => rows.map((row) => [row.getAttribute("data-matrix"), row.getAttribute("data-islp-shape"), row.getAttribute("data-tfjs-params"), row.getAttribute("data-closed-form-params")])),
  ).toEqual([
    ["W₁", "785x12", "9420", "9420"],
    ["W₂", "13x8", "104", "104"],
    ["B", "9x10", "90", "90"],
  ]);
  await expect(page.locator('[data-testid="sim-first-layer-weights"] canvas')).toHaveCount(12);
});

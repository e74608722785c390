import { expect, test } from "@playwright/test";
import { registerThroughForm, uniqueEmail } from "./helpers";

/**
 * The CIFAR100-style CNN in real Chromium, run to its summary with one short epoch: every layer's
 * shape and parameter count read from the trained tfjs model equals the closed form, the first
 * block's filters are drawn, and the page links to its questions and the deck's concepts back to it.
 */
test("CIFAR100-style CNN: one epoch to the summary, shapes from tfjs beside the closed form, learned filters, links both ways", async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto("/sim/cnn-blocks?epochs=1&trainSize=200&testSize=100&seed=1");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("CIFAR100");
  await expect(page.locator('[data-testid="sim-model"][data-model-id="cnn"]')).toHaveAttribute("data-params", "2604");
  await page.getByTestId("sim-start").click();
  await expect(page.getByTestId("sim-summary")).toBeVisible({ timeout: 240_000 });
  await expect(page.getByTestId("sim-summary")).toContainText("32 × 32 × 3 → 16 × 16 × 4 → 8 × 8 × 8 → 4 × 4 × 16");

  const total = Number(await page.getByTestId("sim-timings").getAttribute("data-total-ms"));
  console.log(`CIFAR-style CNN, 1 epoch of 200 images on ${await page.getByTestId("sim-backend").getAttribute("data-backend")}: run ${(total / 1000).toFixed(1)} s`);

  const table = page.getByTestId("sim-layer-table");
  await expect(table).toHaveAttribute("data-agrees", "true");
  const rows = page.getByTestId("sim-layer-row");
  await expect(rows).toHaveCount(8);
  const read = await rows.evaluateAll((items) => items.map((item) => [item.getAttribute("data-tfjs-shape"), item.getAttribute("data-tfjs-params")]));
  expect(read).toEqual([
    ["32x32x4", "112"],
    ["16x16x4", "0"],
    ["16x16x8", "296"],
    ["8x8x8", "0"],
    ["8x8x16", "1168"],
    ["4x4x16", "0"],
    ["256", "0"],
    ["4", "1028"],
  ]);
  await expect(page.locator('[data-testid="sim-learned-filters"] canvas')).toHaveCount(4);
  await expect(page.locator('[data-testid="sim-shape-examples"] canvas')).toHaveCount(8);

  const practice = page.getByTestId("sim-practice");
  await expect(practice.locator('a[href="/practice/cifar-cnn-params"]')).toBeVisible();
  await expect(practice.locator('a[href="/decks/islp-ch10#concept-cifar100"]')).toBeVisible();

  // And back: the deck's CIFAR100 concept links to this simulation.
  await registerThroughForm(page, "CNN Student", uniqueEmail("cnn-blocks"));
  // The concepts are collapsed; a link to one opens it.
  await page.goto("/decks/islp-ch10#concept-cifar100");
  await expect(page.locator('#concept-cifar100 [data-testid="simulation-link"][href="/sim/cnn-blocks"]')).toBeVisible();
});

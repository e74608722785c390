import { expect, test } from "@playwright/test";

/**
 * WebGPU smoke test: runs in the "webgpu" project only (playwright.config.ts), where Chromium is
 * started with --enable-unsafe-webgpu. Headless Chromium has no GPU here, so its adapter is
 * SwiftShader (slow): the run is tiny — the activation experiment, three models, 2 epochs of
 * 40 points in batches of 20, i.e. 12 training steps — and proves the backend starts, trains,
 * is named on the page, and frees every tensor.
 */
test("WebGPU: a small experiment trains on it, names it, and leaves no tensor behind", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/sim/activation?epochs=2&samples=40&batchSize=20&seed=1&backend=webgpu");
  const hasWebGpu = await page.evaluate(async () => {
    const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
    return Boolean(gpu && (await gpu.requestAdapter()));
  });
  expect(hasWebGpu, "this Chromium exposes a WebGPU adapter (started with --enable-unsafe-webgpu)").toBe(true);
  await page.getByTestId("sim-start").click();
  const backend = page.getByTestId("sim-backend");
  await expect(backend).toHaveAttribute("data-backend", "webgpu", { timeout: 60_000 });
  await expect(backend).toContainText("Ran on WebGPU");
  await expect(page.getByTestId("sim-backend-reason")).toHaveAttribute("data-reason", "preferred");
  await expect(page.getByTestId("sim-summary")).toBeVisible({ timeout: 100_000 });
  const memory = page.getByTestId("sim-memory");
  await expect(memory).toBeVisible();
  expect(await memory.getAttribute("data-num-tensors")).toBe(await memory.getAttribute("data-tensors-before"));
  // It really trained there: every model ran its 2 epochs of 2 steps.
  const times = await page.locator('[data-testid="sim-epoch-times"]').evaluateAll((items) => items.map((item) => (item.getAttribute("data-epoch-ms") ?? "").split(",").length));
  expect(times).toEqual([2, 2, 2]);
  console.log(`WebGPU device: ${(await backend.textContent()) ?? ""}`);
});

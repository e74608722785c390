import { expect, test, type Page } from "@playwright/test";

/**
 * Progress that tells the truth, in real Chromium: warm-up shown as its own step, Stop effective
 * within a second wherever the run is (the worker cannot read messages while it compiles kernels,
 * so the page ends it), time estimates that never read "60 s", and readable axes after one epoch.
 */

/** Clicks Stop inside the page and resolves with the milliseconds until the page says the run stopped. */
async function stopAndTime(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const button = document.querySelector<HTMLButtonElement>('[data-testid="sim-stop"]');
        if (!button) return reject(new Error("no Stop button"));
        const stopped = () => document.querySelector('[data-testid="sim-stopped"]') !== null;
        const clickedAt = performance.now();
        const observer = new MutationObserver(() => {
          if (stopped()) {
            observer.disconnect();
            resolve(performance.now() - clickedAt);
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
        button.click();
        setTimeout(() => {
          observer.disconnect();
          reject(new Error("not stopped within 10 s"));
        }, 10_000);
      }),
  );
}

test.describe("simulation progress", () => {
  test("Stop during warm-up takes effect within a second; the page can run again afterwards", async ({ page }) => {
    test.setTimeout(180_000);
    // Software WebGL compiles its convolution kernels for seconds: a long warm-up to stop in.
    await page.goto("/sim/cnn-vs-mlp?epochs=1&trainSize=1000&seed=1&backend=webgl");
    await page.getByTestId("sim-start").click();
    const text = page.getByTestId("sim-progress-text");
    await expect(text).toHaveAttribute("data-phase", "warming-up", { timeout: 120_000 });
    await expect(text).toContainText("Step 3 of 3: warming up WebGL");
    const ms = await stopAndTime(page);
    console.log(`Stop during warm-up: the page said "stopped" ${ms.toFixed(0)} ms after the click`);
    expect(ms).toBeLessThan(1000);
    await expect(text).toHaveText("Stopped (the worker was ended at once)");
    await expect(page.getByTestId("sim-memory")).toHaveAttribute("data-worker-ended", "true");
    // A fresh worker starts the next run.
    await page.getByTestId("sim-start").click();
    await expect(text).not.toHaveAttribute("data-phase", "");
    await page.getByTestId("sim-reset").click();
    await expect(text).toHaveText("Not started. Press Start to train.");
  });

  test("Stop during training takes effect within a second", async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto("/sim/mnist-mlp?epochs=5&trainSize=4000&batchSize=32&seed=1&backend=wasm");
    await page.getByTestId("sim-start").click();
    const progress = page.getByRole("progressbar", { name: /Training progress/ });
    await expect.poll(async () => Number(await progress.getAttribute("aria-valuenow")), { timeout: 90_000, intervals: [100] }).toBeGreaterThan(0);
    const ms = await stopAndTime(page);
    console.log(`Stop during training: the page said "stopped" ${ms.toFixed(0)} ms after the click`);
    expect(ms).toBeLessThan(1000);
  });

  test("a one-epoch run: estimates never read 60 s; the axes show that epoch and distinct loss ticks", async ({ page }) => {
    test.setTimeout(180_000);
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __progressTexts: string[] }).__progressTexts = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="sim-progress-text"]')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    // Two models (the MLP and logistic regression) of one epoch each on 4,000 digits in batches of 16:
    // 500 steps, long enough for estimates, on WASM (the automatic choice here) well within the time.
    await page.goto("/sim/mnist-mlp?epochs=1&trainSize=4000&batchSize=16&seed=1");
    await page.getByTestId("sim-start").click();
    await expect(page.getByTestId("sim-summary")).toBeVisible({ timeout: 170_000 });
    const texts = await page.evaluate(() => (window as unknown as { __progressTexts: string[] }).__progressTexts);
    const estimates = texts.filter((text) => text.includes("left"));
    console.log(`${texts.length} progress lines, ${estimates.length} with an estimate; phases: ${texts.filter((t) => t.startsWith("Step")).join(" → ")}`);
    expect(texts.some((text) => text.startsWith("Step 3 of 3: warming up"))).toBe(true);
    expect(estimates.length).toBeGreaterThan(0);
    expect(texts.filter((text) => /\b60 s\b/.test(text))).toEqual([]);

    const lossChart = page.locator('[data-testid="sim-charts"] figure').first();
    // The chart draws once its container has been measured: wait for the axis, then read it.
    await expect(lossChart.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value")).toHaveText(["1"]);
    const yTicks = await lossChart.locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value").allTextContents();
    expect(yTicks.length).toBeGreaterThanOrEqual(2);
    expect(new Set(yTicks).size).toBe(yTicks.length);
  });
});

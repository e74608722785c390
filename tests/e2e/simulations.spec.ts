import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type Response } from "@playwright/test";
import { registerThroughForm, uniqueEmail } from "./helpers";

/**
 * The simulation pages in real Chromium (here: no GPU, so WebGL runs in software, or WASM):
 * one MNIST epoch through the Web Worker with the main thread watched for long tasks, memory back
 * at its baseline after completion and after stop, URL settings validated, and tfjs kept off every
 * page that does not train.
 */

/** Requests that are tfjs by name: its packages, its kernels' wasm binaries. */
const TFJS_URL = /tfjs|tf-core|tf-backend|\.wasm(\?|$)/i;
/** Strings only tfjs' own code holds (its kernel registry's error and its WebGL backend's flag names). */
const TFJS_MARKERS = ["WEBGL_PACK_BINARY_OPERATIONS", "The kernel '", "tfjs-backend-wasm"];

interface SeenScript {
  url: string;
  bytes: number;
  tfjs: boolean;
}

/** Records every response of a page (and its workers): URLs, and for scripts whether tfjs is inside. */
function watchNetwork(page: Page) {
  const urls: string[] = [];
  const scripts: Promise<SeenScript | null>[] = [];
  const onResponse = (response: Response) => {
    const url = response.url();
    urls.push(url);
    const type = response.request().resourceType();
    const isScript = type === "script" || /\.(m?js)(\?|$)/.test(new URL(url).pathname);
    if (!isScript || response.status() !== 200) return;
    scripts.push(
      response
        .body()
        .then((body) => {
          const text = body.toString("utf8");
          return { url, bytes: body.length, tfjs: TFJS_MARKERS.some((marker) => text.includes(marker)) };
        })
        .catch(() => null),
    );
  };
  page.on("response", onResponse);
  return {
    urls,
    async scripts(): Promise<SeenScript[]> {
      return (await Promise.all(scripts)).filter((s): s is SeenScript => s !== null);
    },
    stop: () => page.off("response", onResponse),
  };
}

async function expectNoTfjs(page: Page, path: string) {
  const network = watchNetwork(page);
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  network.stop();
  const scripts = await network.scripts();
  expect(scripts.length, `${path} loads some JavaScript`).toBeGreaterThan(0);
  expect(network.urls.filter((url) => TFJS_URL.test(url)), `tfjs requests on ${path}`).toEqual([]);
  expect(scripts.filter((s) => s.tfjs).map((s) => s.url), `chunks holding tfjs on ${path}`).toEqual([]);
  const biggest = Math.max(...scripts.map((s) => s.bytes));
  console.log(`${path}: ${scripts.length} scripts, largest ${(biggest / 1024).toFixed(0)} KiB, no tfjs`);
}

async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
  expect(blocking).toEqual([]);
}

declare global {
  interface Window {
    __longTasks?: { start: number; duration: number }[];
  }
}

test.describe("simulations", () => {
  test("MNIST MLP: one epoch in the worker, responsive page, accuracy, backend, memory at baseline after completion and stop", async ({ page }) => {
    test.setTimeout(240_000);
    await page.addInitScript(() => {
      window.__longTasks = [];
      try {
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) window.__longTasks?.push({ start: entry.startTime, duration: entry.duration });
        }).observe({ type: "longtask", buffered: true });
      } catch {
        // no long-task timing in this browser: the count stays 0 and the click probe still runs
      }
    });
    const network = watchNetwork(page);
    // Batches of 32: 250 steps in the epoch, enough for > 85% whatever the (unseeded) dropout masks draw.
    await page.goto("/sim/mnist-mlp?epochs=1&batchSize=32&seed=1");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("MNIST");
    await expect(page.getByTestId("sim-seed")).toContainText("1");
    await expect(page.locator('[data-testid="sim-model"][data-model-id="mlp"]')).toHaveAttribute("data-params", "235146");
    // Nothing of tfjs before Start: the worker (and tfjs inside it) comes with the first run.
    expect(network.urls.filter((url) => TFJS_URL.test(url))).toEqual([]);

    const progress = page.getByRole("progressbar", { name: /Training progress/ });
    await expect(progress).toHaveAttribute("aria-valuenow", "0");
    const trainStart = await page.evaluate(() => performance.now());
    await page.getByTestId("sim-start").click();
    const backend = page.getByTestId("sim-backend");
    await expect(backend).toContainText(/Ran on (WebGPU|WebGL|WebAssembly|CPU)/, { timeout: 60_000 });

    // Responsiveness while training: a click on the details toggle, from the input event to the DOM change,
    // a fifth of the way in (in the middle of the MLP's epoch: the fraction counts both models' steps).
    await expect.poll(async () => Number(await progress.getAttribute("aria-valuenow")), { timeout: 90_000, intervals: [100] }).toBeGreaterThanOrEqual(20);
    const toggle = page.getByTestId("sim-details-toggle");
    await page.evaluate(() => {
      const button = document.querySelector('[data-testid="sim-details-toggle"]');
      if (!button) throw new Error("no toggle");
      const probe = { clickAt: 0, latency: -1 };
      (window as unknown as { __clickProbe: typeof probe }).__clickProbe = probe;
      button.addEventListener("click", (event) => (probe.clickAt = event.timeStamp), { capture: true, once: true });
      new MutationObserver((_, observer) => {
        if (probe.clickAt > 0) {
          probe.latency = performance.now() - probe.clickAt;
          observer.disconnect();
        }
      }).observe(button, { attributes: true, attributeFilter: ["aria-expanded"] });
    });
    const fractionAtClick = Number(await progress.getAttribute("aria-valuenow"));
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    const clickLatency = await page.evaluate(() => (window as unknown as { __clickProbe: { latency: number } }).__clickProbe.latency);

    await expect(page.getByTestId("sim-summary")).toBeVisible({ timeout: 180_000 });
    const trainEnd = await page.evaluate(() => performance.now());
    await expect(progress).toHaveAttribute("aria-valuenow", "100");
    const longTasks = await page.evaluate(([from, to]) => (window.__longTasks ?? []).filter((t) => t.start >= from && t.start <= to), [trainStart, trainEnd] as const);
    const backendName = await backend.getAttribute("data-backend");
    const accuracy = Number(await page.locator('[data-testid="sim-digit-scores"][data-model-id="mlp"]').getAttribute("data-accuracy"));
    console.log(
      `MNIST MLP, 1 epoch on ${backendName} (${((trainEnd - trainStart) / 1000).toFixed(1)} s from Start to the summary): test accuracy ${accuracy.toFixed(4)}; ` +
        `click handled in ${clickLatency.toFixed(0)} ms at ${fractionAtClick}% progress; ` +
        `${longTasks.length} long tasks (> 50 ms) on the main thread during training` +
        (longTasks.length ? `: ${longTasks.map((t) => `${Math.round(t.duration)} ms`).join(", ")}` : ""),
    );
    expect(clickLatency).toBeGreaterThanOrEqual(0);
    expect(clickLatency).toBeLessThan(200);
    expect(accuracy).toBeGreaterThan(0.85);
    await expect(page.getByTestId("sim-summary")).toContainText(/classified .* of 2,?000 test digits correctly/);
    await expect(page.locator('[data-testid="sim-misclassified"] canvas').first()).toBeVisible();
    await expect(page.locator('[data-testid="sim-params-verified"]').first()).toHaveAttribute("data-verified", "true");

    // Memory: tensors in the worker back at the count before the run.
    const memory = page.getByTestId("sim-memory");
    await expect(memory).toBeVisible();
    expect(await memory.getAttribute("data-num-tensors")).toBe(await memory.getAttribute("data-tensors-before"));

    // The worker did load tfjs (so the marker check on the other pages would see it).
    network.stop();
    const scripts = await network.scripts();
    expect(scripts.some((s) => s.tfjs), "a chunk with tfjs was loaded on the simulation page").toBe(true);

    await expectNoSeriousAxeViolations(page);

    // Stop: a longer run stopped after it has begun leaves no tensor behind either.
    await page.getByRole("spinbutton", { name: "Epochs" }).fill("5");
    await page.getByTestId("sim-start").click();
    await expect.poll(async () => Number(await progress.getAttribute("aria-valuenow")), { timeout: 60_000, intervals: [100] }).toBeGreaterThan(0);
    await page.getByTestId("sim-stop").click();
    await expect(page.getByTestId("sim-stopped")).toBeVisible({ timeout: 60_000 });
    await expect(memory).toBeVisible();
    expect(await memory.getAttribute("data-num-tensors")).toBe(await memory.getAttribute("data-tensors-before"));
    // The link follows the settings.
    expect(new URL(page.url()).searchParams.get("epochs")).toBe("5");
  });

  test("settings from the link are validated: out of range or malformed values are listed and the run is disabled", async ({ page }) => {
    await page.goto("/sim/mnist-mlp?epochs=9999&optimizer=nope&seed=abc");
    const alert = page.getByTestId("sim-settings-errors");
    await expect(alert).toBeVisible();
    await expect(alert).toContainText("epochs must be a whole number from 1 to 50; got 9999");
    await expect(alert.locator("li")).toHaveCount(3);
    await expect(alert.locator('li[data-field="optimizer"]')).toBeVisible();
    await expect(alert.locator('li[data-field="seed"]')).toBeVisible();
    await expect(page.getByTestId("sim-start")).toBeDisabled();
    // Fixing the fields enables the run again.
    await page.getByRole("spinbutton", { name: "Epochs" }).fill("2");
    await page.getByRole("spinbutton", { name: "Seed" }).fill("7");
    await page.getByLabel("Optimizer").selectOption("adam");
    await expect(alert).toBeHidden();
    await expect(page.getByTestId("sim-start")).toBeEnabled();
    await expect.poll(() => new URL(page.url()).searchParams.get("epochs")).toBe("2");
    // A bad backend is a setting like any other.
    await page.goto("/sim/activation?backend=tpu");
    await expect(page.getByTestId("sim-settings-errors")).toContainText("backend must be one of webgpu, webgl, wasm, cpu");
    await expect(page.getByTestId("sim-start")).toBeDisabled();
  });

  test("pages that do not train load no tfjs code", async ({ page }) => {
    await expectNoTfjs(page, "/");
    await expectNoTfjs(page, "/sim");
    await expectNoTfjs(page, "/architect");
    await registerThroughForm(page, "Sim Student", uniqueEmail("sim"));
    await expectNoTfjs(page, "/");
    await expectNoTfjs(page, "/decks");
    await expectNoTfjs(page, "/review");
  });

  test("the index: one card per simulation with a preview picture and links to practice; no serious accessibility violations", async ({ page }) => {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto("/sim");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Simulations");
      const cards = page.getByTestId("sim-card");
      const ids = await cards.evaluateAll((items) => items.map((item) => item.getAttribute("data-experiment-id")));
      // Each simulation once (the index listed some under every concept they illustrate before).
      expect(ids.length).toBeGreaterThanOrEqual(11);
      expect(new Set(ids).size).toBe(ids.length);
      for (const card of await cards.all()) {
        await expect(card.getByTestId("sim-preview")).toBeVisible();
        await expect(card.getByTestId("sim-link")).toHaveAttribute("href", `/sim/${await card.getAttribute("data-experiment-id")}`);
        await expect(card.getByTestId("sim-card-concept").first()).toHaveAttribute("href", /^\/decks\/islp-ch10#concept-/);
      }
      await expect(page.locator('[data-testid="sim-card"][data-experiment-id="max-pooling"] a[href="/decks/islp-ch10#concept-pooling"]')).toBeVisible();
      await expectNoSeriousAxeViolations(page);
    }
    await page.goto("/sim/convolution");
    await expect(page.getByTestId("sim-practice").locator('a[href^="/practice/"]').first()).toBeVisible();
    await expect(page.getByTestId("sim-practice").locator('a[href="/decks/islp-ch10#concept-convolution"]')).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });
});

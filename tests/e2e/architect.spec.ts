import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

/** The architecture calculator (/architect) and POST /api/model/params, in Chromium against the production build. */

const layer = (page: Page, number: number) => page.getByRole("group", { name: new RegExp(`^Layer ${number} ·`) });
const field = (page: Page, number: number, label: string) => layer(page, number).getByLabel(label, { exact: true });

async function expectVerified(page: Page) {
  const status = page.getByTestId("tfjs-status");
  await expect(status).toHaveAttribute("data-state", "verified", { timeout: 20_000 });
  await expect(status).toContainText("Verified by TensorFlow.js ✓");
}

test("builds the MNIST MLP with the form: 235,146 parameters, verified by TensorFlow.js, drawn, and kept in the link", async ({ page }) => {
  await page.goto("/architect");
  // The default network is ISLP Figure 10.1: 4 → 5 → 1.
  await expect(page.getByTestId("total-params")).toHaveText("31");

  await page.getByLabel("Input shape").fill("784");
  await field(page, 1, "Units").fill("256");
  await expect(field(page, 1, "Activation")).toHaveValue("relu");
  await field(page, 2, "Units").fill("10");

  await page.getByLabel("New layer type").selectOption("dense");
  await page.getByRole("button", { name: "Add layer" }).click();
  await expect(field(page, 3, "Type")).toBeFocused();
  await field(page, 3, "Units").fill("128");
  await field(page, 3, "Activation").selectOption("relu");

  // Reorder with the keyboard: the new layer moves above the output layer and keeps the focus.
  await page.getByRole("button", { name: "Move layer 3 up" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Move layer 2 up" })).toBeFocused();
  await expect(field(page, 2, "Units")).toHaveValue("128");
  await expect(field(page, 3, "Units")).toHaveValue("10");

  await expect(page.getByTestId("total-params")).toHaveText("235,146");
  await expect(page.getByTestId("trainable-params")).toHaveText("235,146");
  await expect(page.getByTestId("non-trainable-params")).toHaveText("0");
  const params = page.getByTestId("summary-table").getByTestId("row-params");
  await expect(params).toHaveText(["200,960", "32,896", "1,290"]);
  await expect(page.getByTestId("row-1")).toContainText("(784 + 1) × 256 = 200,960");
  await expect(page.getByTestId("row-1")).toContainText("W₁: 785 × 256");
  await expect(page.getByTestId("row-3")).toContainText("B: 129 × 10");
  await expectVerified(page);
  await expect(page.getByTestId("tfjs-status")).toContainText("235,146");

  const diagram = page.getByRole("img", { name: /^Network diagram: input 784 → dense_1/ });
  await expect(diagram).toBeVisible();
  await expect(diagram).toHaveAttribute("data-diagram-kind", "nodes");
  await expect(diagram).toContainText("X₇₈₄");
  await expect(diagram).toContainText("779 more");

  // The state is in the URL: a reload (or the link, shared) gives the same network.
  await expect(page).toHaveURL(/[?&]spec=.*%22units%22%3A128/);
  await page.reload();
  await expect(page.getByTestId("total-params")).toHaveText("235,146");
  await expect(field(page, 2, "Units")).toHaveValue("128");
  await expect(field(page, 2, "Activation")).toHaveValue("relu");
  await expect(page.getByTestId("summary-table").getByTestId("row-params")).toHaveText(["200,960", "32,896", "1,290"]);
  await expectVerified(page);
});

test("a pasted spec with a bad layer shows the error at that layer, in the text, the table and the form", async ({ page }) => {
  await page.goto("/architect");
  await page.getByRole("button", { name: "YAML / JSON" }).click();
  const text = page.getByLabel("Network spec (YAML or JSON)");
  await text.fill("input: [784]\nlayers:\n  - {type: dense, units: 256, activation: relu}\n  - {type: dense, units: 0}\n  - {type: dense, units: 10}\n");

  const message = 'layer 2 (dense): units must be a positive integer, got 0';
  await expect(text).toHaveAttribute("aria-invalid", "true");
  await expect(text).toHaveAccessibleDescription(message);
  await expect(page.getByTestId("spec-problem")).toContainText(message);
  await expect(page.getByTestId("row-1")).toContainText("200,960");
  await expect(page.getByTestId("row-2").getByTestId("row-error")).toHaveText(`⚠ ${message}`);
  await expect(page.getByTestId("row-3")).toContainText("not checked yet");
  await expect(page.getByTestId("total-params")).toHaveText("—");
  await expect(page.getByRole("img", { name: /Network diagram/ })).toHaveCount(0);

  // The link keeps the text as typed.
  await expect(page).toHaveURL(/[?&]text=/);
  await page.reload();
  await expect(page.getByLabel("Network spec (YAML or JSON)")).toHaveValue(/units: 0/);
  await expect(page.getByTestId("row-2")).toContainText(message);

  // In the form, the same error sits under the layer's field.
  await page.getByRole("button", { name: "Form" }).click();
  const units = field(page, 2, "Units");
  await expect(units).toHaveValue("0");
  await expect(units).toHaveAttribute("aria-invalid", "true");
  await expect(units).toHaveAccessibleDescription(message);
  await expect(field(page, 1, "Units")).not.toHaveAttribute("aria-invalid", "true");

  // Fixing it clears the error and the network verifies.
  await units.fill("128");
  await expect(units).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("total-params")).toHaveText("235,146");
  await expectVerified(page);
});

test("a shape error names the layer, and unparsable text says why", async ({ page }) => {
  await page.goto("/architect");
  await page.getByRole("button", { name: "YAML / JSON" }).click();
  const text = page.getByLabel("Network spec (YAML or JSON)");
  await text.fill('{"input": [4, 4, 1], "layers": [{"type": "conv2d", "filters": 8, "kernelSize": 5}]}');
  await expect(page.getByTestId("row-1")).toContainText('layer 1 (conv2d): kernel 5×5 is larger than its 4×4 input with "valid" padding');
  await text.fill('{"input": [784], "layers": [');
  await expect(page.getByTestId("spec-problem")).toContainText("not valid JSON");
  await page.getByRole("button", { name: "Form" }).click();
  await expect(page.getByTestId("mode-message")).toContainText("not valid YAML or JSON yet");
});

test("bad links show a message and the default network, never an error page", async ({ page }) => {
  for (const query of ["?spec=%7Bnot-json", `?spec=${"[".repeat(3000)}${"]".repeat(3000)}`, "?preset=lenet-5", `?spec=${"x".repeat(9_000)}`]) {
    const response = await page.goto(`/architect${query}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId("link-problem")).toBeVisible();
    await expect(page.getByTestId("total-params")).toHaveText("31");
  }
  // A spec the form cannot show (an unknown type) opens in the text editor with its error.
  await page.goto(`/architect?spec=${encodeURIComponent('{"input":[4],"layers":[{"type":"transformer","heads":8}]}')}`);
  await expect(page.getByLabel("Network spec (YAML or JSON)")).toHaveValue(/transformer/);
  await expect(page.getByTestId("row-1")).toContainText('layer 1: unknown type "transformer"');
});

test("presets: the CIFAR100 CNN as blocks, the IMDB LSTM with Keras and PyTorch side by side", async ({ page }) => {
  await page.goto("/architect?preset=cifar100-cnn");
  await expect(page.getByTestId("total-params")).toHaveText("964,516");
  await expect(page.getByRole("img", { name: /Network diagram/ })).toHaveAttribute("data-diagram-kind", "blocks");
  await expect(page.getByRole("img", { name: /Network diagram/ })).toContainText("32×32×32");
  await expectVerified(page);

  await page.getByRole("button", { name: "IMDB LSTM" }).click();
  await expect(page.getByRole("button", { name: "IMDB LSTM" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("total-params")).toHaveText("328,577");
  const conventions = page.getByTestId("conventions-table");
  await expect(conventions).toContainText("8,320");
  await expect(conventions).toContainText("8,448");
  await expect(conventions).toContainText("two bias vectors");
  await expect(page.getByTestId("row-2")).toContainText("Keras: 8,320");
  await expectVerified(page);
  await expect(page.getByTestId("tfjs-status")).toContainText("328,449");

  await page.getByRole("button", { name: "NYSE RNN" }).click();
  await expect(page.getByTestId("preset-note")).toContainText("Counting one bias per unit, as Keras does: 205.");
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`/architect (${colorScheme}) has no serious or critical accessibility violations`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    for (const query of ["?preset=mnist-mlp", "?preset=imdb-lstm", `?spec=${encodeURIComponent('{"input":[4],"layers":[{"type":"dense","units":0}]}')}`]) {
      await page.goto(`/architect${query}`);
      await expect(page.getByTestId("tfjs-status").or(page.getByTestId("spec-problem"))).toBeVisible();
      if (!query.includes("units%22%3A0")) await expectVerified(page);
      const results = await new AxeBuilder({ page }).analyze();
      const blocking = results.violations
        .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
        .map((violation) => `${query} ${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
      expect(blocking).toEqual([]);
    }
  });
}

test("works on a phone: no sideways scrolling of the page", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto("/architect?preset=cifar100-cnn");
  await expect(page.getByTestId("total-params")).toHaveText("964,516");
  const overflow = async () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.getByRole("button", { name: "Add layer" }).scrollIntoViewIfNeeded();
  await page.getByRole("button", { name: "Add layer" }).click();
  await expect(page.getByTestId("total-params")).toHaveText("965,526");
  expect(await overflow()).toBeLessThanOrEqual(0);
});

test.describe("POST /api/model/params", () => {
  const mnist = {
    input: [784],
    layers: [
      { type: "dense", units: 256, activation: "relu" },
      { type: "dense", units: 128, activation: "relu" },
      { type: "dense", units: 10 },
    ],
  };

  test("a valid spec → 200 with the contract's fields", async ({ request }) => {
    const response = await request.post("/api/model/params", { data: mnist });
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({
      convention: "keras",
      total: 235_146,
      trainable: 235_146,
      layers: [
        { type: "dense", outputShape: [256], params: 200_960 },
        { type: "dense", outputShape: [128], params: 32_896 },
        { type: "dense", outputShape: [10], params: 1_290 },
      ],
      tfjs: { total: 235_146, agrees: true },
    });
  });

  test("an invalid spec → 422 with a message naming the layer", async ({ request }) => {
    const response = await request.post("/api/model/params", { data: { ...mnist, layers: [mnist.layers[0], { type: "dense", units: -3 }] } });
    expect(response.status()).toBe(422);
    const json = await response.json();
    expect(json.error).toBe("layer 2 (dense): units must be a positive integer, got -3");
    expect(json).toMatchObject({ layerIndex: 1, fields: { "layers.1.units": [json.error] } });
  });

  const bad: { name: string; body: string | Buffer; contentType?: string; status: number; message: RegExp }[] = [
    { name: "malformed JSON", body: '{"input": [784], "layers": [', status: 400, message: /not valid JSON/ },
    { name: "10⁹ units", body: JSON.stringify({ input: [784], layers: [{ type: "dense", units: 1e9 }] }), status: 422, message: /^layer 1 \(dense\): units is 1,000,000,000/ },
    { name: "wrong types", body: JSON.stringify({ input: "784", layers: [{ type: 7 }] }), status: 422, message: /input/ },
    { name: "a NUL byte", body: '{"input": [784], "layers": [{"type": "dense\u0000", "units": 1}]}', status: 400, message: /NUL/ },
    { name: "deep nesting", body: `{"input": ${"[".repeat(20_000)}${"]".repeat(20_000)}, "layers": []}`, status: 422, message: /nested/ },
    { name: "a 200 kB spec", body: JSON.stringify({ input: [4], layers: Array.from({ length: 9000 }, () => ({ type: "dense", units: 1 })) }), status: 413, message: /too large/ },
    { name: "not JSON", body: "input: [784]", contentType: "text/yaml", status: 415, message: /Content-Type/ },
  ];
  for (const { name, body, contentType, status, message } of bad) {
    test(`${name} → ${status}, never a 5xx`, async ({ request }) => {
      const response = await request.post("/api/model/params", { headers: { "content-type": contentType ?? "application/json" }, data: typeof body === "string" ? Buffer.from(body) : body });
      expect(response.status()).toBe(status);
      const json = await response.json();
      expect(json.error).toMatch(message);
      expect(JSON.stringify(json)).not.toMatch(/at .*\.(js|ts):\d+/);
    });
  }
});

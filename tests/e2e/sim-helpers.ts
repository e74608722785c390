import { expect, type Page } from "@playwright/test";

/**
 * The round trip every simulation owes its concepts: from the concept's section of the course deck
 * to the simulation (by its title), and from the simulation page back to a question and to the concept.
 */
export async function expectDeckLinksBothWays(page: Page, { simulation, concept, question }: { simulation: string; concept: string; question: string }) {
  await page.goto(`/decks/islp-ch10#concept-${concept}`);
  const toSimulation = page.locator(`#concept-${concept} a[href="/sim/${simulation}"]`);
  await expect(toSimulation).toBeVisible();
  await toSimulation.click();
  // A client-side navigation that renders the page on the server: slow on a busy machine.
  await expect(page).toHaveURL(new RegExp(`/sim/${simulation}$`), { timeout: 30_000 });
  const practice = page.getByTestId("sim-practice");
  await expect(practice.locator(`a[href="/practice/${question}"]`)).toBeVisible();
  await expect(practice.locator(`a[href="/decks/islp-ch10#concept-${concept}"]`)).toBeVisible();
}

/** Starts the run already on the page and waits for its summary; the worker's memory is back at its baseline. */
export async function runToSummary(page: Page, timeout = 180_000) {
  await page.getByTestId("sim-start").click();
  await expect(page.getByTestId("sim-backend")).toContainText(/Ran on (WebGPU|WebGL|WebAssembly|CPU)/, { timeout });
  const summary = page.getByTestId("sim-summary");
  await expect(summary).toBeVisible({ timeout });
  const memory = page.getByTestId("sim-memory");
  await expect(memory).toBeVisible();
  expect(await memory.getAttribute("data-num-tensors")).toBe(await memory.getAttribute("data-tensors-before"));
  return summary;
}

import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

// The simulation pages as a student first sees them (settings, model, links to the deck); the
// older simulations are scanned in simulations.spec.ts, the index and a page after a run included.
const SIMULATION_PAGES = ["/sim/dl-vs-methods", "/sim/weight-shapes", "/sim/cnn-blocks", "/sim/lstm-embedding"];

for (const path of ["/", "/login", "/register", ...SIMULATION_PAGES]) {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`${path} (${colorScheme}) has no serious or critical accessibility violations`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      const results = await new AxeBuilder({ page }).analyze();
      const blocking = results.violations
        .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
        .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
      expect(blocking).toEqual([]);
    });
  }
}

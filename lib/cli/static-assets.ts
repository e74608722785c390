import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../server-shared/platform/database-url";
import { buildDatasets } from "./commands/datasets";
import { say } from "./process";

/**
 * Files the browser needs that come from packages, copied into public/ (git-ignored):
 * the tfjs WebAssembly binaries, which the wasm backend fetches at run time (setWasmPaths), and
 * the data sets of the simulations (MNIST converted from the `mnist` package; idempotent).
 */
export async function prepareStaticAssets(): Promise<void> {
  const datasets = buildDatasets();
  if (datasets.written.length > 0) say(`data sets written: ${datasets.written.join(", ")}`);
  const wasmSource = path.join(projectRoot, "node_modules", "@tensorflow", "tfjs-backend-wasm", "dist");
  const wasmTarget = path.join(projectRoot, "public", "tfjs-wasm");
  mkdirSync(wasmTarget, { recursive: true });
  for (const file of readdirSync(wasmSource).filter((name) => name.endsWith(".wasm"))) {
    const from = path.join(wasmSource, file);
    const to = path.join(wasmTarget, file);
    if (!existsSync(to) || statSync(to).size !== statSync(from).size) copyFileSync(from, to);
  }
}

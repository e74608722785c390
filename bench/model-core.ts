/**
 * Model-core benchmark: `npx tsx bench/model-core.ts`. Prints figures, asserts nothing.
 *
 * 1. Closed form only: specs per second for three ISLP networks.
 * 2. Verification (closed form + tfjs build + count + dispose) against a bare `tf.sequential` with
 *    tfjs' default initialisers + `countParams()` + dispose, in the same run; plus the same build with
 *    zero-filled weights (`setFastWeightInitDuringBuild`), to show where building spends its time.
 * 3. `deepdrill params` on a batch of 300 random specs: wall time including process start.
 */
import * as tf from "@tensorflow/tfjs";
import fc from "fast-check";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { deriveArchitecture, ISLP_ARCHITECTURES, validateSpec, type ArchitectureSpec, type LayerSpec } from "../lib/model-core";
import { validSpecArbitrary } from "../lib/model-core/testing/spec-arbitraries";
import { quietTfjs, verifyArchitecture } from "../lib/model-core/tfjs";
import { runBench } from "./run-bench";

quietTfjs();
// tfjs warns on every orthogonal initialisation above 2,000 elements; the bare LSTM build triggers it each time.
const warn = console.warn;
console.warn = (...args: unknown[]) => {
  if (!String(args[0]).startsWith("Orthogonal initializer")) warn(...args);
};

function book(id: string): ArchitectureSpec {
  const entry = ISLP_ARCHITECTURES.find((architecture) => architecture.id === id);
  const validation = validateSpec(entry?.spec);
  if (!validation.ok) throw new Error(`${id}: ${validation.ok ? "" : validation.error}`);
  return validation.spec;
}

const NETWORKS: [string, ArchitectureSpec][] = [
  ["MNIST MLP (235,146)", book("mnist-mlp")],
  ["CIFAR100 CNN (964,516)", book("cifar100-cnn")],
  ["IMDB LSTM (328,577 pytorch)", book("imdb-lstm")],
];

/** Mean milliseconds per call: warm up, then repeat until `budgetMs` has passed (at least `minRuns` times). */
function measure(fn: () => void, budgetMs: number, minRuns = 5): { msPerCall: number; runs: number } {
  for (let i = 0; i < 3; i++) fn();
  let runs = 0;
  const start = performance.now();
  while (runs < minRuns || performance.now() - start < budgetMs) {
    fn();
    runs++;
  }
  return { msPerCall: (performance.now() - start) / runs, runs };
}

/** What someone counting with tfjs would write: the layers with their default initialisers. */
function bareLayer(layer: LayerSpec, inputShape: number[] | undefined): tf.layers.Layer {
  const base = inputShape ? { inputShape } : {};
  const window = (size: number | readonly [number, number]): number | [number, number] => (typeof size === "number" ? size : [size[0], size[1]]);
  switch (layer.type) {
    case "dense":
      return tf.layers.dense({ ...base, units: layer.units, activation: layer.activation, useBias: layer.useBias });
    case "conv2d":
      return tf.layers.conv2d({ ...base, filters: layer.filters, kernelSize: window(layer.kernelSize), strides: window(layer.strides), padding: layer.padding });
    case "maxPool2d":
      return tf.layers.maxPooling2d({ ...base, poolSize: window(layer.poolSize), strides: window(layer.strides ?? layer.poolSize), padding: layer.padding });
    case "avgPool2d":
      return tf.layers.averagePooling2d({ ...base, poolSize: window(layer.poolSize), strides: window(layer.strides ?? layer.poolSize), padding: layer.padding });
    case "flatten":
      return tf.layers.flatten(base);
    case "dropout":
      return tf.layers.dropout({ ...base, rate: layer.rate });
    case "activation":
      return tf.layers.activation({ ...base, activation: layer.activation });
    case "embedding":
      return tf.layers.embedding({ ...base, inputDim: layer.inputDim, outputDim: layer.outputDim });
    case "simpleRNN":
      return tf.layers.simpleRNN({ ...base, units: layer.units, returnSequences: layer.returnSequences });
    case "lstm":
      return tf.layers.lstm({ ...base, units: layer.units, returnSequences: layer.returnSequences });
    case "gru":
      return tf.layers.gru({ ...base, units: layer.units, returnSequences: layer.returnSequences });
    case "batchNorm":
      return tf.layers.batchNormalization(base);
  }
}

function bareBuildAndCount(spec: ArchitectureSpec, zeroFill: boolean): number {
  const model = tf.sequential();
  spec.layers.forEach((layer, index) => {
    const built = bareLayer(layer, index === 0 ? [...spec.input] : undefined);
    if (zeroFill) built.setFastWeightInitDuringBuild(true);
    model.add(built);
  });
  const total = model.countParams();
  model.dispose();
  return total;
}

function table(header: string[], rows: string[][]): void {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  ");
  console.log(line(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const row of rows) console.log(line(row));
  console.log("");
}

const fixed = (n: number, digits: number) => n.toFixed(digits);

runBench(() => {
  tf.scalar(0).dispose(); // initialises the backend, so its name can be printed
  console.log(`model-core bench — node ${process.version}, tfjs ${tf.version.tfjs} (${tf.getBackend()} backend), ${os.cpus().length} cores\n`);

  table(
    ["closed form", "derive specs/s", "validate+derive specs/s"],
    NETWORKS.map(([name, spec]) => {
      const derive = measure(() => deriveArchitecture(spec), 400);
      const validateAndDerive = measure(() => {
        const validation = validateSpec(spec);
        if (validation.ok) deriveArchitecture(validation.spec);
      }, 400);
      return [name, fixed(1_000 / derive.msPerCall, 0), fixed(1_000 / validateAndDerive.msPerCall, 0)];
    }),
  );

  table(
    ["verification, ms/spec", "bare build+count", "zero-filled build", "verification", "ratio to bare"],
    NETWORKS.map(([name, spec]) => {
      const bare = measure(() => bareBuildAndCount(spec, false), 1_500);
      const zeros = measure(() => bareBuildAndCount(spec, true), 500);
      const verify = measure(() => {
        if (!verifyArchitecture(spec).tfjs.agrees) throw new Error(`${name}: tfjs disagrees`);
      }, 500);
      return [name, fixed(bare.msPerCall, 3), fixed(zeros.msPerCall, 3), fixed(verify.msPerCall, 3), `${fixed(verify.msPerCall / bare.msPerCall, 3)}×`];
    }),
  );

  const scratch = mkdtempSync(path.join(tmpdir(), "deepdrill-bench-"));
  try {
    const batch = fc.sample(validSpecArbitrary(), { numRuns: 300, seed: 300 }).map((generated) => generated.spec);
    const file = path.join(scratch, "batch.json");
    writeFileSync(file, JSON.stringify(batch));
    const rows: string[][] = [];
    for (let run = 1; run <= 2; run++) {
      const start = performance.now();
      const result = spawnSync("npm", ["run", "-s", "deepdrill", "--", "params", file], { cwd: path.resolve(__dirname, ".."), encoding: "utf8" });
      const seconds = (performance.now() - start) / 1_000;
      const reports = result.status === 0 ? (JSON.parse(result.stdout) as unknown[]) : [];
      rows.push([`run ${run}`, String(batch.length), String(result.status), String(reports.length), fixed(seconds, 2)]);
    }
    table(["params CLI, 300 random specs", "specs", "exit", "reports", "wall s (incl. start)"], rows);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

/**
 * Simulation-engine benchmark in Node: `npx tsx bench/sim-node.ts [epochs=2] [backend=wasm|cpu]`.
 * Prints figures, asserts nothing. (The browser figures per backend are bench/sim.ts's job.)
 *
 * The ISLP MNIST MLP (784 → 256 → 128 → 10, 235,146 parameters) on the 8,000 training digits:
 *  1. through the engine (`runExperiment`: seeded shuffle by gather each epoch, `fit` with
 *     shuffle: false, a step callback, progress reports), time per epoch and samples per second,
 *     the per-epoch test scoring reported apart;
 *  2. a bare `model.fit` of the same model (same builder, optimiser, batch) on the same tensors,
 *     tfjs shuffling, no callbacks;
 * and the ratio of the two, the engine's own overhead (goal ≤ 1.15×).
 */
import * as tf from "@tensorflow/tfjs";
import { buildTrainableModel } from "../lib/model-core/tfjs";
import { validateSpec } from "../lib/model-core";
import { runExperiment } from "../lib/sim/engine/run-experiment";
import { MNIST_MLP_SPEC, mnistMlpExperiment } from "../lib/sim/experiments/mnist-mlp";
import { datasetCache, selectBackend } from "../lib/sim/testing/run-in-node";
import { runBench, type BenchFigures } from "./run-bench";

const epochs = Number(process.argv[2] ?? 2);
const backend = process.argv[3] === "cpu" ? "cpu" : "wasm";

async function main(): Promise<BenchFigures> {
  await selectBackend(backend);
  const settings = { ...mnistMlpExperiment.settings.defaults, epochs };
  const onlyMlp = { ...mnistMlpExperiment, models: (s: typeof settings) => mnistMlpExperiment.models(s).filter((m) => m.id === "mlp") };
  const onlyMlpAnalysis = { ...onlyMlp, analyse: async () => ({ scores: {} }) };

  let steps = 0;
  const engine = await runExperiment(onlyMlpAnalysis, settings, {
    tf,
    datasets: datasetCache,
    now: () => performance.now(),
    onProgress: () => steps++,
    warmUp: true,
  });
  const record = engine.models[0];
  if (!record) throw new Error("no model trained");
  const engineEpochMs = record.epochs.map((e) => e.ms);

  // Bare fit on the same data.
  const { mnist } = await datasetCache.load(["mnist"]);
  if (!mnist) throw new Error("no MNIST");
  const n = mnist.train.count;
  const x = tf.tidy(() => tf.tensor2d(mnist.train.pixels, [n, 784], "int32").toFloat().div(255));
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(mnist.train.labels, "int32"), 10).toFloat());
  const validation = validateSpec(MNIST_MLP_SPEC);
  if (!validation.ok) throw new Error(validation.error);
  const model = buildTrainableModel(validation.spec, { seed: 1 });
  const optimizer = tf.train.rmsprop(settings.learningRate);
  model.compile({ optimizer, loss: "categoricalCrossentropy" });
  await model.fit(x.slice(0, settings.batchSize), y.slice(0, settings.batchSize), { epochs: 1, batchSize: settings.batchSize, verbose: 0 }); // warm-up
  const bareEpochMs: number[] = [];
  let epochStart = performance.now();
  await model.fit(x, y, {
    epochs,
    batchSize: settings.batchSize,
    verbose: 0,
    callbacks: {
      onEpochBegin: async () => {
        epochStart = performance.now();
      },
      onEpochEnd: async () => {
        bareEpochMs.push(performance.now() - epochStart);
      },
    },
  });
  tf.dispose([x, y]);
  optimizer.dispose();
  model.dispose();

  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const figures = {
    backend,
    epochs,
    samplesPerEpoch: n,
    batchSize: settings.batchSize,
    engine: {
      epochMs: engineEpochMs.map(Math.round),
      samplesPerSecond: Math.round(n / (mean(engineEpochMs) / 1000)),
      testScoringMsPerEpoch: Math.round(mean(record.epochs.map((e) => e.evalMs))),
      warmupMs: Math.round(engine.timings.warmupMs),
      progressReports: steps,
      testAccuracy: record.final.testAccuracy,
    },
    bareFit: { epochMs: bareEpochMs.map(Math.round), samplesPerSecond: Math.round(n / (mean(bareEpochMs) / 1000)) },
    overheadRatio: Number((mean(engineEpochMs) / mean(bareEpochMs)).toFixed(3)),
    tensorsLeaked: engine.memory.tensorsAfter - engine.memory.tensorsBefore,
  };
  return { figures };
}

runBench(main);

/**
 * Question-engine benchmark: `npx tsx bench/questions.ts`. Prints figures, asserts nothing.
 *
 * For a dense, a convolution and a recurrent template of the islp-ch10 deck (plus a calculator
 * template verified by `tf.conv2d`), it measures on one core:
 * 1. `makeVariant` alone (pure: parameters, prompt, answer, worked solution), variants per second;
 * 2. `makeVariant` + `verifyVariant` with a cold verification cache (every distinct network is
 *    built with tfjs once), variants per second over the first N seeds;
 * 3. the same in steady state (cache warm, as on a server or in the harness), variants per second;
 * and the number of distinct verifications the cache holds (distinct networks drawn).
 */
import path from "node:path";
import { findTemplate } from "../lib/content";
import { loadDecksFromDir } from "../lib/content/load-decks";
import { quietTfjs } from "../lib/model-core/tfjs";
import { makeVariant, variantSeed, type Template } from "../lib/questions";
import { clearVerificationCache, verificationCacheSize, verifyVariant } from "../lib/questions/verify";
import { runBench } from "./run-bench";

quietTfjs();

const CASES: [label: string, templateId: string][] = [
  ["dense  (mlp-two-hidden-params)", "mlp-two-hidden-params"],
  ["dense  (single-layer-params)", "single-layer-params"],
  ["conv   (conv-layer-params)", "conv-layer-params"],
  ["conv   (cifar-cnn-params, 12 layers)", "cifar-cnn-params"],
  ["conv   (conv-single-cell, tf.conv2d)", "conv-single-cell"],
  ["RNN    (rnn-params-one-bias)", "rnn-params-one-bias"],
  ["LSTM   (lstm-imdb-params, pytorch)", "lstm-imdb-params"],
];

const BUDGET_MS = 1500;
const COLD_SEEDS = 300;

async function rate(run: (i: number) => Promise<void> | void, budgetMs: number, start = 0): Promise<{ perSecond: number; count: number }> {
  let count = 0;
  const began = performance.now();
  while (performance.now() - began < budgetMs) {
    await run(start + count);
    count += 1;
  }
  return { perSecond: (count * 1000) / (performance.now() - began), count };
}

async function coldRate(template: Template): Promise<number> {
  clearVerificationCache();
  const began = performance.now();
  for (let i = 0; i < COLD_SEEDS; i += 1) {
    const outcome = await verifyVariant(makeVariant(template, variantSeed(template.id, "bench", i)));
    if (!outcome.ok) throw new Error(`${template.id}: ${outcome.message ?? "verification failed"}`);
  }
  return (COLD_SEEDS * 1000) / (performance.now() - began);
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + " ".repeat(width - text.length);
}

async function main(): Promise<void> {
  const { decks, errors } = await loadDecksFromDir(path.resolve(__dirname, "../content/decks"));
  if (errors.length > 0) throw new Error(`deck errors: ${errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join("; ")}`);

  // Warm up tfjs (backend start-up, kernels) so the first case does not pay for it.
  const warm = findTemplate(decks, "single-layer-params")?.item;
  if (warm) for (let i = 0; i < 50; i += 1) await verifyVariant(makeVariant(warm, i));

  console.log(`question engine, one core, node ${process.version}`);
  console.log(`${pad("template", 40)} ${pad("makeVariant/s", 14)} ${pad(`verified/s cold (${COLD_SEEDS})`, 22)} ${pad("verified/s warm", 16)} distinct networks`);
  for (const [label, id] of CASES) {
    const template = findTemplate(decks, id)?.item;
    if (!template) throw new Error(`no template ${id}`);
    for (let i = 0; i < 200; i += 1) makeVariant(template, i); // JIT warm-up of this template's path
    const pure = await rate((i) => void makeVariant(template, variantSeed(id, "bench", i)), BUDGET_MS);
    const cold = await coldRate(template);
    // Steady state: keep drawing new seeds; identical networks hit the verification cache.
    const warmRate = await rate(
      async (i) => {
        const outcome = await verifyVariant(makeVariant(template, variantSeed(id, "bench", i)));
        if (!outcome.ok) throw new Error(outcome.message);
      },
      BUDGET_MS,
      COLD_SEEDS,
    );
    console.log(
      `${pad(label, 40)} ${pad(Math.round(pure.perSecond).toLocaleString("en-US"), 14)} ${pad(Math.round(cold).toLocaleString("en-US"), 22)} ${pad(Math.round(warmRate.perSecond).toLocaleString("en-US"), 16)} ${verificationCacheSize().toLocaleString("en-US")} after ${(COLD_SEEDS + warmRate.count).toLocaleString("en-US")} variants`,
    );
  }
}

runBench(main);

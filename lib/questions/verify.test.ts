import { beforeEach, describe, expect, it } from "vitest";
import * as tf from "@tensorflow/tfjs";
import { makeVariant } from "./make-variant";
import { templateSchema, type Template } from "./template-schema";
import type { Variant } from "./types";
import { clearVerificationCache, makeVerifiedVariant, verificationCacheSize, verifyVariant } from "./verify";

function template(answer: unknown, params: Record<string, unknown> = {}): Template {
  return templateSchema.parse({
    id: "t",
    concept: "c",
    title: { ko: "제목", en: "Title" },
    params,
    prompt: { ko: "문제", en: "Question" },
    answer,
    solution: { ko: "풀이", en: "Solution" },
  });
}

const mnist = { input: [784], layers: [{ type: "dense", units: 256, activation: "relu" }, { type: "dropout", rate: 0.4 }, { type: "dense", units: 128, activation: "relu" }, { type: "dense", units: 10 }] };
const nyse = (convention: string) => ({ convention, input: [5, 3], layers: [{ type: "simpleRNN", units: 12 }, { type: "dense", units: 1 }] });

beforeEach(() => clearVerificationCache());

describe("verifyVariant: the model core's closed form against a real tf.sequential", () => {
  // Expected values are ISLP's published figures (§10.2, §10.5 and the labs), not computed here.
  it.each<[string, unknown, unknown]>([
    ["MNIST total", { architecture: mnist, ask: "total" }, { format: "integer", value: 235146 }],
    ["MNIST second hidden layer", { architecture: mnist, ask: "layer-params", layer: 3 }, { format: "integer", value: 32896 }],
    ["MNIST W₁ with its bias row", { architecture: mnist, ask: "islp-weight-shape", layer: 1 }, { format: "shape", value: [785, 256] }],
    ["MNIST B", { architecture: mnist, ask: "islp-weight-shape", layer: 4 }, { format: "shape", value: [129, 10] }],
    ["NYSE RNN, the book's count", { architecture: nyse("keras"), ask: "total" }, { format: "integer", value: 205 }],
    ["NYSE RNN in PyTorch", { architecture: nyse("pytorch"), ask: "total" }, { format: "integer", value: 217 }],
    ["NYSE convention difference", { architecture: nyse("keras"), ask: "convention-difference" }, { format: "integer", value: 12 }],
  ])("%s", async (_, answer, expected) => {
    const variant = makeVariant(template(answer), 0);
    expect(variant.expectedAnswer).toEqual(expected);
    const outcome = await verifyVariant(variant);
    expect(outcome).toMatchObject({ ok: true });
  });

  it("checks weights and biases by rebuilding without biases", async () => {
    const weights = makeVariant(template({ architecture: mnist, ask: "weights" }), 0);
    const biases = makeVariant(template({ architecture: mnist, ask: "biases" }), 0);
    expect(weights.expectedAnswer).toEqual({ format: "integer", value: 784 * 256 + 256 * 128 + 128 * 10 });
    expect(biases.expectedAnswer).toEqual({ format: "integer", value: 256 + 128 + 10 });
    expect((await verifyVariant(weights)).ok).toBe(true);
    expect((await verifyVariant(biases)).ok).toBe(true);
  });

  it("fails a tampered answer key", async () => {
    const variant = makeVariant(template({ architecture: mnist, ask: "total" }), 0);
    const tampered: Variant = { ...variant, expectedAnswer: { format: "integer", value: 235145 } };
    const outcome = await verifyVariant(tampered);
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toMatch(/235,145 ≠ tf\.sequential countParams\(\) 235146/);
  });

  it("fails a tampered calculator answer", async () => {
    const variant = makeVariant(template({ calculator: "steps-per-epoch", n: 175, batch: 32 }), 0);
    expect(variant.expectedAnswer).toEqual({ format: "integer", value: 6 });
    expect((await verifyVariant(variant)).ok).toBe(true);
    expect((await verifyVariant({ ...variant, expectedAnswer: { format: "integer", value: 5 } })).ok).toBe(false);
  });

  it("verifies an identical architecture once (cache)", async () => {
    const t = template({ architecture: { input: ["=p"], layers: [{ type: "dense", units: "=K" }, { type: "dense", units: 1 }] }, ask: "total" }, { p: "2..3", K: "2..3" });
    for (let seed = 0; seed < 50; seed += 1) expect((await verifyVariant(makeVariant(t, seed))).ok).toBe(true);
    expect(verificationCacheSize()).toBeLessThanOrEqual(4);
  });

  it("leaks no tensors over many verifications", async () => {
    const t = template({ calculator: "conv2d", image: "X", filter: [[1, 0], [0, 1]] }, { X: { matrix: [3, 3], values: "0..3" } });
    await verifyVariant(makeVariant(t, 0));
    const before = tf.memory().numTensors;
    for (let seed = 1; seed < 100; seed += 1) await verifyVariant(makeVariant(t, seed));
    expect(tf.memory().numTensors).toBe(before);
  });

  it("makeVerifiedVariant returns the variant once tfjs agrees", async () => {
    const ok = template({ architecture: mnist, ask: "total" });
    await expect(makeVerifiedVariant(ok, 0)).resolves.toMatchObject({ expectedAnswer: { value: 235146 } });
  });
});

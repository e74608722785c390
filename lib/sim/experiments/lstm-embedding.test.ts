import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { validateSpec } from "@/lib/model-core";
import { countWithTfjs } from "@/lib/model-core/tfjs";
import { SENTENCE_LENGTH, VOCABULARY_SIZE } from "../datasets/negation-language";
import { completed, runInNode, selectBackend } from "../testing/run-in-node";
import { EMBEDDING_DIM, lstmEmbeddingExperiment } from "./lstm-embedding";

describe("word embeddings and an LSTM against a bag of words (wasm backend)", () => {
  beforeAll(() => selectBackend("wasm"));

  it("the embedding written as one-hot × E is tfjs' embedding layer: same parameters, same outputs", () => {
    const spec = (first: object, input: number[]) => {
      const validation = validateSpec({ input, layers: [first, { type: "lstm", units: 4 }] });
      if (!validation.ok) throw new Error(validation.error);
      return validation.spec;
    };
    const asDense = countWithTfjs(spec({ type: "dense", units: EMBEDDING_DIM, useBias: false }, [SENTENCE_LENGTH, VOCABULARY_SIZE]));
    const asEmbedding = countWithTfjs(spec({ type: "embedding", inputDim: VOCABULARY_SIZE, outputDim: EMBEDDING_DIM }, [SENTENCE_LENGTH]));
    expect(asDense.layers[0]?.params).toBe(VOCABULARY_SIZE * EMBEDDING_DIM);
    expect(asDense.layers.map((layer) => [layer.outputShape, layer.params])).toEqual(asEmbedding.layers.map((layer) => [layer.outputShape, layer.params]));

    const matrix = tf.randomNormal([VOCABULARY_SIZE, EMBEDDING_DIM], 0, 1, "float32", 5);
    const dense = tf.layers.dense({ units: EMBEDDING_DIM, useBias: false, weights: [matrix] });
    const embedding = tf.layers.embedding({ inputDim: VOCABULARY_SIZE, outputDim: EMBEDDING_DIM, weights: [matrix] });
    const ids = tf.tensor2d([[3, 0, 15, 9, 9, 1, 12, 4]], [1, SENTENCE_LENGTH], "int32");
    const [fromDense, fromEmbedding] = tf.tidy(() => [dense.apply(tf.oneHot(ids, VOCABULARY_SIZE).toFloat()) as tf.Tensor, embedding.apply(ids) as tf.Tensor]);
    expect(Array.from(fromDense?.dataSync() ?? [])).toEqual(Array.from(fromEmbedding?.dataSync() ?? []));
    tf.dispose([matrix, ids, fromDense, fromEmbedding]);
    dense.dispose();
    embedding.dispose();
  });

  it("the LSTM reads the order, the bag of words cannot; the embedding has a point per word", async () => {
    const run = completed(await runInNode(lstmEmbeddingExperiment, { epochs: 8, trainSize: 1000, seed: 2 }));
    expect(run.models.map((m) => [m.id, m.paramsVerified])).toEqual([
      ["bag-of-words", true],
      ["lstm", true],
    ]);
    // 16 ReLU units on 16 word frequencies, softmax over 2: 17 · 16 + 17 · 2.
    expect(run.models[0]?.params).toBe(17 * 16 + 17 * 2);
    // E (16 × 2), an LSTM of 16 units on 2 inputs (4 · 16 · (2 + 16 + 1)), softmax over 2.
    expect(run.models[1]?.params).toBe(16 * 2 + 4 * 16 * 19 + 17 * 2);
    expect(run.extras.testAccuracy.lstm).toBeGreaterThan(0.9);
    // 500 test sentences: a coin's 50% ± about 6 points (99%).
    expect(run.extras.testAccuracy["bag-of-words"]).toBeLessThan(0.6);
    expect(run.extras.embedding).toHaveLength(VOCABULARY_SIZE);
    expect(run.extras.examples.length).toBe(6);
    console.log(run.summary.en, run.timings);
  }, 240_000);
});

import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { deriveArchitecture } from "../derive-architecture";
import type { ArchitectureSpec, ArchitectureSpecInput } from "../spec-schema";
import { validateSpec } from "../validate-spec";
import { buildTrainableModel, mixSeed } from "./build-trainable-model";
import { quietTfjs } from "./quiet-tfjs";

quietTfjs();

function spec(input: ArchitectureSpecInput): ArchitectureSpec {
  const validation = validateSpec(input);
  if (!validation.ok) throw new Error(validation.error);
  return validation.spec;
}

const sequenceModel = spec({
  input: [6, 3],
  layers: [
    { type: "lstm", units: 4, returnSequences: true },
    { type: "gru", units: 3 },
    { type: "dropout", rate: 0.5 },
    { type: "batchNorm" },
    { type: "dense", units: 2 },
  ],
});

function firstWeights(model: tf.Sequential): number[][] {
  return model.getWeights().map((weight) => Array.from(weight.dataSync()));
}

describe("buildTrainableModel", () => {
  it("builds the same starting weights from the same seed, different ones from another", () => {
    const a = buildTrainableModel(sequenceModel, { seed: 7 });
    const b = buildTrainableModel(sequenceModel, { seed: 7 });
    const c = buildTrainableModel(sequenceModel, { seed: 8 });
    try {
      expect(firstWeights(a)).toEqual(firstWeights(b));
      expect(firstWeights(a)[0]).not.toEqual(firstWeights(c)[0]);
    } finally {
      [a, b, c].forEach((model) => model.dispose());
    }
  });

  it("counts what the closed form counts in the Keras layout", () => {
    const model = buildTrainableModel(sequenceModel, { seed: 1 });
    try {
      const closed = deriveArchitecture(sequenceModel, "keras");
      expect(model.countParams()).toBe(closed.total);
      expect(model.layers.map((layer) => layer.countParams())).toEqual(closed.layers.map((layer) => layer.params));
    } finally {
      model.dispose();
    }
  });

  it("uses the logistic recurrent activation, a forget-gate bias of 1, and an unseeded dropout", () => {
    const model = buildTrainableModel(sequenceModel, { seed: 3 });
    try {
      const [lstm, gru, dropout] = model.layers;
      expect(lstm?.getConfig().recurrentActivation).toBe("sigmoid");
      expect(gru?.getConfig().recurrentActivation).toBe("sigmoid");
      expect(dropout?.getConfig().seed).toBeUndefined();
      const units = 4;
      const lstmBias = Array.from(lstm?.getWeights()[2]?.dataSync() ?? []);
      // Keras gate order i, f, c, o: only the forget block starts at 1.
      expect(lstmBias.slice(units, 2 * units)).toEqual([1, 1, 1, 1]);
      expect([...lstmBias.slice(0, units), ...lstmBias.slice(2 * units)].every((b) => b === 0)).toBe(true);
      expect(model.optimizer).toBeUndefined();
    } finally {
      model.dispose();
    }
  });

  it("leaves no tensor behind once the caller disposes the model", () => {
    buildTrainableModel(sequenceModel, { seed: 0 }).dispose();
    const before = tf.memory().numTensors;
    for (let seed = 0; seed < 20; seed++) buildTrainableModel(sequenceModel, { seed }).dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("mixes seeds into distinct 32-bit values", () => {
    const seeds = new Set(Array.from({ length: 1_000 }, (_, draw) => mixSeed(42, draw)));
    expect(seeds.size).toBe(1_000);
    for (const seed of seeds) expect(seed >>> 0).toBe(seed);
  });
});

import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { deriveArchitecture } from "./derive-architecture";
import { buildTrainableModel, countWithTfjs, quietTfjs, verifyArchitecture } from "./tfjs";
import { validateSpec } from "./validate-spec";

/**
 * `flatten` of an already flat input: refused under the keras convention (tf.layers.flatten needs
 * a multi-dimensional input), the identity under the pytorch one (nn.Flatten(start_dim=1) of a
 * [batch, p] tensor returns it unchanged). The ISLP Hitters lab's network starts with one:
 *   nn.Sequential(nn.Flatten(), nn.Linear(19, 50), nn.ReLU(), nn.Dropout(0.4), nn.Linear(50, 1))
 */
const hitters = (convention: "keras" | "pytorch") => ({
  input: [19],
  convention,
  layers: [{ type: "flatten" }, { type: "dense", units: 50, activation: "relu" }, { type: "dropout", rate: 0.4 }, { type: "dense", units: 1 }],
});

describe("flatten of a flat input", () => {
  it("is refused under keras, with the way out in the message", () => {
    const validation = validateSpec(hitters("keras"));
    expect(validation.ok).toBe(false);
    if (!validation.ok) expect(validation.error).toContain('layer 1 (flatten): its input [19] is already flat (PyTorch\'s nn.Flatten would pass it through: use "convention": "pytorch")');
  });

  it("passes through under pytorch: the Hitters lab model counts (19 + 1)·50 + (50 + 1)·1 = 1,051 by the closed form and by tfjs", () => {
    quietTfjs();
    const validation = validateSpec(hitters("pytorch"));
    if (!validation.ok) throw new Error(validation.error);
    const derivation = deriveArchitecture(validation.spec);
    const byHand = (19 + 1) * 50 + (50 + 1) * 1;
    expect(derivation.total).toBe(byHand);
    expect(derivation.layers.map((layer) => layer.outputShape)).toEqual([[19], [50], [50], [1]]);
    const counted = countWithTfjs(validation.spec);
    expect(counted.total).toBe(byHand);
    expect(counted.layers.map((layer) => layer.outputShape)).toEqual([[19], [50], [50], [1]]);
    expect(verifyArchitecture(validation.spec).tfjs.agrees).toBe(true);
  });

  it("is the identity in the model tfjs builds (its output is its input), in the middle of a network too", () => {
    const validation = validateSpec({ input: [3], convention: "pytorch", layers: [{ type: "dense", units: 4 }, { type: "flatten" }, { type: "dense", units: 2 }] });
    if (!validation.ok) throw new Error(validation.error);
    expect(deriveArchitecture(validation.spec).total).toBe(countWithTfjs(validation.spec).total);
    const model = buildTrainableModel(validation.spec, { seed: 3 });
    const x = tf.tensor2d([
      [1, 2, 3],
      [-1, 0, 4],
    ]);
    const probe = tf.model({ inputs: model.inputs, outputs: [model.layers[0]!.output as tf.SymbolicTensor, model.layers[1]!.output as tf.SymbolicTensor] });
    const [dense, flattened] = probe.predict(x) as tf.Tensor[];
    expect(flattened!.shape).toEqual([2, 4]);
    expect(Array.from(flattened!.dataSync())).toEqual(Array.from(dense!.dataSync()));
    tf.dispose([x, dense!, flattened!]);
    model.dispose();
  });
});

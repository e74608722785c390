import { describe, expect, it } from "vitest";
import { conventionNotes } from "./convention-notes";
import { validateSpec } from "./validate-spec";

function notesOf(spec: unknown) {
  const validation = validateSpec(spec);
  if (!validation.ok) throw new Error(validation.error);
  return conventionNotes(validation.spec);
}

describe("conventionNotes", () => {
  it.each<[string, unknown, string[], number[][]]>([
    ["a dense network: nothing to say", { input: [4], layers: [{ type: "dense", units: 2 }] }, [], []],
    ["an image network: channels-last", { input: [28, 28, 1], layers: [{ type: "conv2d", filters: 2, kernelSize: 3 }] }, ["channels-last"], [[]]],
    [
      "a strided 'same' convolution (layer 2); a stride-1 'same' one (layer 1) has an equivalent",
      { input: [8, 8, 1], layers: [{ type: "conv2d", filters: 2, kernelSize: 3, padding: "same" }, { type: "conv2d", filters: 2, kernelSize: 3, strides: 2, padding: "same" }] },
      ["channels-last", "strided-same-conv"],
      [[], [1]],
    ],
    [
      "stride [1, 2] counts as strided",
      { input: [8, 8, 1], layers: [{ type: "conv2d", filters: 2, kernelSize: 3, strides: [1, 2], padding: "same" }] },
      ["channels-last", "strided-same-conv"],
      [[], [0]],
    ],
    [
      "any 'same' pooling",
      { input: [8, 8, 1], layers: [{ type: "maxPool2d", padding: "same" }, { type: "avgPool2d", poolSize: 1 }, { type: "avgPool2d", padding: "same", poolSize: 1 }] },
      ["channels-last", "same-pooling"],
      [[], [0, 2]],
    ],
    [
      "hardSigmoid, as a dense activation or its own layer",
      { input: [4], layers: [{ type: "dense", units: 3, activation: "hardSigmoid" }, { type: "activation", activation: "relu" }, { type: "activation", activation: "hardSigmoid" }] },
      ["hard-sigmoid"],
      [[0, 2]],
    ],
    [
      "nn.Flatten of a flat input under pytorch (the Hitters lab model), and after an LSTM",
      { input: [19], convention: "pytorch", layers: [{ type: "flatten" }, { type: "dense", units: 5 }] },
      ["flatten-identity"],
      [[0]],
    ],
    [
      "a flatten of a sequence output is a real flatten",
      { input: [5, 3], convention: "pytorch", layers: [{ type: "lstm", units: 4, returnSequences: true }, { type: "flatten" }, { type: "flatten" }] },
      ["flatten-identity"],
      [[2]],
    ],
  ])("%s", (_why, spec, kinds, layers) => {
    const notes = notesOf(spec);
    expect(notes.map((note) => note.kind)).toEqual(kinds);
    expect(notes.map((note) => note.layers)).toEqual(layers);
    for (const note of notes) {
      expect(note.en.length).toBeGreaterThan(20);
      expect(note.ko.length).toBeGreaterThan(10);
    }
  });

  it("names the layers 1-based in the text, and states both hardSigmoid definitions", () => {
    const [note] = notesOf({ input: [4], layers: [{ type: "dense", units: 2 }, { type: "dense", units: 3, activation: "hardSigmoid" }] });
    expect(note?.en).toMatch(/^Layer 2: hardSigmoid is clip\(0\.2·x \+ 0\.5, 0, 1\) in tfjs but clip\(x\/6 \+ 0\.5, 0, 1\) in PyTorch/);
  });
});

describe("the hardSigmoid the note describes is the one tfjs computes", () => {
  it("tf.layers.activation('hardSigmoid') is clip(0.2·x + 0.5, 0, 1), not PyTorch's clip(x/6 + 0.5, 0, 1)", async () => {
    const tf = await import("@tensorflow/tfjs");
    const xs = [-3, -1, 0, 1, 2, 3];
    const layer = tf.layers.activation({ activation: "hardSigmoid" });
    const out = tf.tidy(() => (layer.apply(tf.tensor1d(xs)) as import("@tensorflow/tfjs").Tensor).dataSync());
    const tfjsFormula = xs.map((x) => Math.min(1, Math.max(0, 0.2 * x + 0.5)));
    const pytorchFormula = xs.map((x) => Math.min(1, Math.max(0, x / 6 + 0.5)));
    Array.from(out).forEach((value, i) => expect(value).toBeCloseTo(tfjsFormula[i] ?? NaN, 6));
    expect(Math.abs((out[3] ?? NaN) - (pytorchFormula[3] ?? NaN))).toBeGreaterThan(0.03);
  });
});

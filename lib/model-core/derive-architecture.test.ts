import { describe, expect, it } from "vitest";
import { conventionDifference } from "./convention-difference";
import { deriveArchitecture } from "./derive-architecture";
import { InvalidSpecError } from "./invalid-spec-error";
import type { ArchitectureSpec, ArchitectureSpecInput } from "./spec-schema";
import { validateSpec } from "./validate-spec";

function spec(input: ArchitectureSpecInput): ArchitectureSpec {
  const validation = validateSpec(input);
  if (!validation.ok) throw new Error(validation.error);
  return validation.spec;
}

describe("deriveArchitecture", () => {
  it("writes each layer's formula with its numbers, as text and KaTeX", () => {
    const derivation = deriveArchitecture(
      spec({
        input: [16, 16, 32],
        layers: [
          { type: "conv2d", filters: 64, kernelSize: 3, padding: "same" },
          { type: "maxPool2d" },
          { type: "flatten" },
          { type: "dense", units: 256 },
          { type: "dense", units: 10, useBias: false },
        ],
      }),
    );
    const [conv, pool, flatten, dense, noBias] = derivation.layers;
    expect(conv).toMatchObject({ formula: "3·3·32·64 + 64 = 18,496", formulaTex: "3 \\cdot 3 \\cdot 32 \\cdot 64 + 64 = 18{,}496" });
    expect(conv).toMatchObject({ weights: 3 * 3 * 32 * 64, biases: 64, shapeFormula: "⌈16/1⌉ = 16" });
    expect(pool).toMatchObject({ params: 0, formula: "0", shapeFormula: "⌊(16 − 2)/2⌋ + 1 = 8", outputShape: [8, 8, 64] });
    expect(flatten).toMatchObject({ shapeFormula: "8·8·64 = 4,096", outputShape: [4_096] });
    expect(dense).toMatchObject({ formula: "(4,096 + 1) × 256 = 1,048,832", islpWeightShape: [4_097, 256] });
    expect(noBias).toMatchObject({ formula: "256 × 10 = 2,560", biases: 0, islpWeightShape: [256, 10] });
  });

  it("sums the layers into the totals and keeps weights + biases = params", () => {
    const derivation = deriveArchitecture(
      spec({ input: [6, 4], layers: [{ type: "gru", units: 5, returnSequences: true }, { type: "batchNorm" }, { type: "lstm", units: 3 }] }),
    );
    expect(derivation.total).toBe(derivation.layers.reduce((acc, layer) => acc + layer.params, 0));
    expect(derivation.trainable + derivation.nonTrainable).toBe(derivation.total);
    for (const layer of derivation.layers) expect(layer.weights + layer.biases).toBe(layer.params);
    expect(derivation.layers.map((layer) => layer.outputShape)).toEqual([[6, 5], [6, 5], [3]]);
  });

  it("names layers per type from 1 and records the input shape of each", () => {
    const derivation = deriveArchitecture(
      spec({ input: [8], layers: [{ type: "dense", units: 4 }, { type: "dropout", rate: 0.5 }, { type: "dense", units: 2 }] }),
    );
    expect(derivation.layers.map((layer) => [layer.name, layer.inputShape])).toEqual([
      ["dense_1", [8]],
      ["dropout_1", [4]],
      ["dense_2", [4]],
    ]);
  });

  it("counts in the spec's convention unless asked for the other", () => {
    const lstm = spec({ input: [500], convention: "pytorch", layers: [{ type: "embedding", inputDim: 100, outputDim: 32 }, { type: "lstm", units: 32 }] });
    expect(deriveArchitecture(lstm).layers[1]?.formula).toBe("4·32·(32 + 32) + 8·32 = 8,448");
    expect(deriveArchitecture(lstm, "keras").layers[1]?.formula).toBe("4·32·(32 + 32 + 1) = 8,320");
    expect(deriveArchitecture(lstm).convention).toBe("pytorch");
  });

  it("throws InvalidSpecError (with the layer) for a typed spec whose layers do not fit", () => {
    const typed: ArchitectureSpec = { input: [784], convention: "keras", layers: [{ type: "lstm", units: 4, returnSequences: false }] };
    expect(() => deriveArchitecture(typed)).toThrow(InvalidSpecError);
    expect(() => deriveArchitecture(typed)).toThrow(/layer 1 \(lstm\)/);
  });
});

describe("conventionDifference", () => {
  it("lists only the layers that differ, with the reason in English and Korean", () => {
    const difference = conventionDifference(
      spec({
        input: [10, 3],
        layers: [{ type: "simpleRNN", units: 12, returnSequences: true }, { type: "batchNorm" }, { type: "gru", units: 7 }, { type: "dense", units: 1 }],
      }),
    );
    expect(difference.layers.map((layer) => [layer.name, layer.difference])).toEqual([
      ["simple_rnn_1", 12],
      ["batch_norm_1", -2 * 12],
      ["gru_1", 3 * 7],
    ]);
    expect(difference.layers[0]?.reason.en).toBe("PyTorch's nn.RNN carries two bias vectors (b_ih and b_hh): + 12");
    expect(difference.layers[1]?.reason.en).toContain("running mean and variance as buffers, not parameters: − 2·12 = −24");
    expect(difference.layers[2]?.reason).toEqual({
      en: "PyTorch's nn.GRU carries two bias vectors (b_ih and b_hh): + 3·7 = 21",
      ko: "PyTorch의 nn.GRU에는 편향 벡터가 두 개(b_ih, b_hh) 있습니다: + 3·7 = 21",
    });
    expect(difference.difference).toBe(difference.pytorch.total - difference.keras.total);
    expect(difference.difference).toBe(difference.layers.reduce((acc, layer) => acc + layer.difference, 0));
    expect(difference.keras.nonTrainable).toBe(2 * 12);
    expect(difference.pytorch.nonTrainable).toBe(0);
  });

  it("is empty when the frameworks count alike", () => {
    const difference = conventionDifference(spec({ input: [28, 28, 1], layers: [{ type: "conv2d", filters: 8, kernelSize: 5 }, { type: "flatten" }, { type: "dense", units: 10 }] }));
    expect(difference.layers).toEqual([]);
    expect(difference.keras).toEqual(difference.pytorch);
  });
});
